import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';
import { postIdField } from './get.operation';

export const description: INodeProperties[] = [postIdField(['delete'])];

/** DELETE /v1/posts/{id}: draft, scheduled or failed posts only. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'postId', 'Post ID', itemIndex);
	await socialRequest(this, { method: 'DELETE', path: `/v1/posts/${encodeURIComponent(id)}`, itemIndex }, transport);
	return { id, deleted: true };
}
