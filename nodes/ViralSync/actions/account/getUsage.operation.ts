import { defineOperation } from '../../../shared/operation';
import { viralSyncRequest } from '../../helpers';

/** GET /v1/usage: render minutes used and left, running jobs, concurrency limit. */
export const operation = defineOperation({
	value: 'getUsage',
	readOnly: true,
	name: 'Get Usage',
	action: 'Get render usage',
	description: 'Render minutes used and left this month, running jobs and the concurrency limit',
	properties: [],
	async execute(itemIndex, requestOptions) {
		return (
			await viralSyncRequest(this, { method: 'GET', path: '/v1/usage', itemIndex }, requestOptions)
		).body;
	},
});
