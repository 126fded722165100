import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { listPages, requiredString } from '../../helpers';
import { conversationIdField } from './get.operation';

export const description: INodeProperties[] = [conversationIdField(['getMessages']), ...returnAllAndLimit('conversation', 'getMessages', 1000, 100)];

/** GET /conversations/{id}/messages (read): the history, oldest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const id = requiredString(this, 'conversationId', 'Conversation ID', itemIndex);
	return await listPages(this, `/conversations/${encodeURIComponent(id)}/messages`, {}, itemIndex, transport);
}
