import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { commaList, fieldError, requiredString } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { postLocator } from '../../methods/locators';
import { waitFields } from './fields';
import { reportPost, waitForPost } from './result';

/** PATCH /v1/posts/{id} with the changed fields. */
export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a post',
	description: 'Edit a draft or scheduled post, or publish it now',
	properties: [
		postLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description: 'Only draft and scheduled posts can be edited',
			options: [
				{
					displayName: 'Content',
					name: 'content',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
				},
				{
					displayName: 'Publish Now',
					name: 'publishNow',
					type: 'boolean',
					default: true,
					description: 'Whether to publish the draft or scheduled post now',
				},
				{ displayName: 'Scheduled For', name: 'scheduledFor', type: 'dateTime', default: '' },
				{
					displayName: 'Tags',
					name: 'tags',
					type: 'string',
					default: '',
					description: 'Comma-separated',
				},
				{ displayName: 'Timezone', name: 'timezone', type: 'string', default: 'UTC' },
			],
		},
		...waitFields(),
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'postId', 'Post ID', itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.content !== undefined) body.content = fields.content;
		if (fields.tags !== undefined) body.tags = commaList(fields.tags);
		if (fields.timezone) body.timezone = fields.timezone;
		if (fields.scheduledFor) {
			if (!(Date.parse(String(fields.scheduledFor)) > Date.now()))
				throw fieldError(this, 'Scheduled For must be in the future', itemIndex);
			body.scheduledFor = new Date(String(fields.scheduledFor)).toISOString();
		}
		if (fields.publishNow === true) body.publishNow = true;
		if (Object.keys(body).length === 0)
			throw fieldError(this, 'Update Fields: add at least one field to change', itemIndex);
		const updated = (
			await socialRequest(
				this,
				{ method: 'PATCH', path: `/v1/posts/${encodeURIComponent(id)}`, body, itemIndex },
				requestOptions,
			)
		).body;
		return reportPost(this, await waitForPost(this, updated, itemIndex, requestOptions), itemIndex);
	},
});
