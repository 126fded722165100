import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { postLocator } from '../../methods/locators';

/** DELETE /v1/posts/{id}: draft, scheduled or failed posts only. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a post',
	description: 'Delete a draft, scheduled or failed post',
	properties: [postLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'postId', 'Post ID', itemIndex);
		await socialRequest(
			this,
			{ method: 'DELETE', path: `/v1/posts/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { id, deleted: true };
	},
});
