import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { postLocator } from '../../methods/locators';
import { waitFields } from './fields';
import { reportPost, waitForPost } from './result';

/** POST /v1/posts/{id}/retry: re-publishes only the failed targets; published ones keep their post. */
export const operation = defineOperation({
	value: 'retry',
	name: 'Retry Failed Targets',
	action: 'Retry the failed targets of a post',
	description: 'Publish again only where it failed',
	properties: [postLocator(), ...waitFields()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'postId', 'Post ID', itemIndex);
		const post = (
			await socialRequest(
				this,
				{ method: 'POST', path: `/v1/posts/${encodeURIComponent(id)}/retry`, itemIndex },
				requestOptions,
			)
		).body;
		return reportPost(this, await waitForPost(this, post, itemIndex, requestOptions), itemIndex);
	},
});
