import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, synaptiqRequest } from '../../helpers';

export const conversationIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'conv_…',
	displayOptions: { show: { resource: ['conversation'], operation: operations } },
});

export const description: INodeProperties[] = [conversationIdField(['get'])];

/** GET /conversations/{id} (read). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'conversationId', 'Conversation ID', itemIndex);
	return (await synaptiqRequest(this, 'read', { method: 'GET', path: `/conversations/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
