import { defineOperation } from '../../../shared/operation';
import { viralSyncRequest } from '../../helpers';

/** GET /v1/me → {userId, plan, email}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get the account',
	description: 'Get the account the key belongs to: user ID, plan and email',
	properties: [],
	async execute(itemIndex, requestOptions) {
		return (
			(await viralSyncRequest(this, { method: 'GET', path: '/v1/me', itemIndex }, requestOptions))
				.body ?? {}
		);
	},
});
