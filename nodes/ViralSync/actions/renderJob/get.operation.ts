import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { viralSyncRequest } from '../../helpers';
import { jobLocator } from '../../methods/locators';

/** GET /v1/jobs/{jobId}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a render job',
	description: 'Get a job and its progress',
	properties: [jobLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'jobId', 'Job ID', itemIndex);
		return (
			await viralSyncRequest(
				this,
				{ method: 'GET', path: `/v1/jobs/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
