import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { postLocator } from '../../methods/locators';

/** GET /v1/posts/{id}: the post with each platform's status, link or error. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a post',
	description: "Get a post and each platform's result",
	properties: [postLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'postId', 'Post ID', itemIndex);
		return (
			await socialRequest(
				this,
				{ method: 'GET', path: `/v1/posts/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
