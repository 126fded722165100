import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';

/** DELETE /webhooks/{id} (admin). */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Unsubscribe a webhook (admin scope)',
	properties: [
		{
			displayName: 'Webhook ID',
			name: 'webhookId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'wh_…',
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'webhookId', 'Webhook ID', itemIndex);
		return (
			await synaptiqRequest(
				this,
				'admin',
				{ method: 'DELETE', path: `/webhooks/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
