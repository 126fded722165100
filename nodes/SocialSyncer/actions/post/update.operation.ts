import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';
import { waitFields } from './create.operation';
import { postIdField } from './get.operation';
import { reportPost, waitForPost } from './result';

export const description: INodeProperties[] = [
	postIdField(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Only draft and scheduled posts can be edited',
		displayOptions: { show: { resource: ['post'], operation: ['update'] } },
		options: [
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Publish Now', name: 'publishNow', type: 'boolean', default: true, description: 'Whether to publish the draft or scheduled post now' },
			{ displayName: 'Scheduled For', name: 'scheduledFor', type: 'dateTime', default: '' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated' },
			{ displayName: 'Timezone', name: 'timezone', type: 'string', default: 'UTC' },
		],
	},
	...waitFields(['update']),
];

/** PATCH /v1/posts/{id} with the changed fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'postId', 'Post ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.content !== undefined) body.content = fields.content;
	if (fields.tags !== undefined) body.tags = String(fields.tags).split(',').map((tag) => tag.trim()).filter(Boolean);
	if (fields.timezone) body.timezone = fields.timezone;
	if (fields.scheduledFor) {
		if (!(Date.parse(String(fields.scheduledFor)) > Date.now())) throw new NodeOperationError(this.getNode(), 'Scheduled For must be in the future', { itemIndex });
		body.scheduledFor = new Date(String(fields.scheduledFor)).toISOString();
	}
	if (fields.publishNow === true) body.publishNow = true;
	if (Object.keys(body).length === 0) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	const updated = (await socialRequest(this, { method: 'PATCH', path: `/v1/posts/${encodeURIComponent(id)}`, body, itemIndex }, transport)).body;
	return reportPost(this, await waitForPost(this, updated, itemIndex, transport), itemIndex);
}
