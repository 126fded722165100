import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { requiredString } from '../../../shared/parameters';
import { listPages } from '../../helpers';
import { conversationLocator } from '../../methods/locators';

/** GET /conversations/{id}/messages (read): the history, oldest first. */
export const operation = defineOperation({
	value: 'getMessages',
	readOnly: true,
	name: 'Get Messages',
	action: 'Get the messages of a conversation',
	description: 'Get the message history, oldest first (read scope)',
	properties: [conversationLocator(), ...listFields()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'conversationId', 'Conversation ID', itemIndex);
		return await listPages(
			this,
			{ path: `/conversations/${encodeURIComponent(id)}/messages`, itemIndex },
			requestOptions,
		);
	},
});
