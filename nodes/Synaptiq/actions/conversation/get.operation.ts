import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';
import { conversationLocator } from '../../methods/locators';

/** GET /conversations/{id} (read). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a conversation',
	description: 'Get a conversation (read scope)',
	properties: [conversationLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'conversationId', 'Conversation ID', itemIndex);
		return (
			await synaptiqRequest(
				this,
				'read',
				{ method: 'GET', path: `/conversations/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
