import { defineOperation } from '../../../shared/operation';
import { socialRequest } from '../../helpers';

/** DELETE /v1/webhooks/settings. */
export const operation = defineOperation({
	value: 'clear',
	name: 'Clear',
	action: 'Clear the webhook settings',
	description: "Remove the account's webhook",
	properties: [],
	async execute(itemIndex, requestOptions) {
		await socialRequest(
			this,
			{ method: 'DELETE', path: '/v1/webhooks/settings', itemIndex },
			requestOptions,
		);
		return { cleared: true };
	},
});
