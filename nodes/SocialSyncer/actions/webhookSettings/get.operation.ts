import { rethrowUnlessApiStatus } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { socialRequest } from '../../helpers';

/** GET /v1/webhooks/settings; "not set" (404) is an answer, not an error. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get the webhook settings',
	description: "Get the account's webhook URL and events",
	properties: [],
	async execute(itemIndex, requestOptions) {
		const response = await socialRequest(
			this,
			{ method: 'GET', path: '/v1/webhooks/settings', itemIndex },
			requestOptions,
		).catch((error: unknown) => {
			rethrowUnlessApiStatus(error, 404);
			return undefined;
		});
		return response ? { set: true, ...response.body } : { set: false, url: null, events: [] };
	},
});
