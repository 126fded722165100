import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';
import { waitFields } from './create.operation';
import { postIdField } from './get.operation';
import { reportPost, waitForPost } from './result';

export const description: INodeProperties[] = [postIdField(['retry']), ...waitFields(['retry'])];

/** POST /v1/posts/{id}/retry: re-publishes only the failed targets; published ones keep their post. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'postId', 'Post ID', itemIndex);
	const post = (await socialRequest(this, { method: 'POST', path: `/v1/posts/${encodeURIComponent(id)}/retry`, itemIndex }, transport)).body;
	return reportPost(this, await waitForPost(this, post, itemIndex, transport), itemIndex);
}
