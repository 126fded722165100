/** The SocialSyncer things a user picks one of: a connected account and a post, from a searchable list or by ID. */
import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

/** The value is `platform:accountId`, as everywhere else in this node. */
export const accountLocator = (
	options: { required?: boolean; description?: string } = {},
): INodeProperties =>
	resourceLocator({
		name: 'account',
		displayName: 'Account',
		searchMethod: 'searchAccounts',
		idPlaceholder: 'twitter:tw_1500000000000000001',
		required: options.required ?? true,
		description: options.description ?? 'A connected account (By ID: platform:accountId)',
	});

export const postLocator = (): INodeProperties =>
	resourceLocator({
		name: 'postId',
		displayName: 'Post',
		searchMethod: 'searchPosts',
		idPlaceholder: 'post_…',
		description: 'A post of this account',
	});
