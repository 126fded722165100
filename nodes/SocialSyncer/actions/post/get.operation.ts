import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';

export const postIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Post ID',
	name: 'postId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'post_…',
	displayOptions: { show: { resource: ['post'], operation: operations } },
});

export const description: INodeProperties[] = [postIdField(['get'])];

/** GET /v1/posts/{id}: the post with each platform's status, link or error. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'postId', 'Post ID', itemIndex);
	return (await socialRequest(this, { method: 'GET', path: `/v1/posts/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
