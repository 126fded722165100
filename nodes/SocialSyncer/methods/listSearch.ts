/** "From List" of the account and post pickers: read through the API, filtered on the typed text. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPage } from '../../shared/locator';
import { nextPageNumber } from '../../shared/pagination';
import { apiRequest } from '../../shared/request';
import { PLATFORM_RULES } from '../helpers';
import { socialSyncerService } from '../service';

/**
 * GET /v1/accounts (not paged), as "@username on Platform" with the value `platform:accountId`.
 * Get Health's Platform, when one is chosen, narrows the list to it.
 */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const platform =
		this.getCurrentNodeParameter('operation') === 'getHealth'
			? String(this.getCurrentNodeParameter('healthPlatform') ?? '')
			: '';
	const response = await apiRequest<{
		accounts?: Array<{ platform: string; accountId: string; username: string }>;
	}>(this, socialSyncerService, {
		method: 'GET',
		path: '/v1/accounts',
		...(platform ? { qs: { platform } } : {}),
	});
	const accounts = response.body?.accounts ?? [];
	return searchPage(
		accounts.map((account) => ({
			name: `@${account.username} on ${PLATFORM_RULES[account.platform]?.label ?? account.platform}`,
			value: `${account.platform}:${account.accountId}`,
		})),
		filter,
	);
}

const SEARCH_PAGE_SIZE = 100;

function postName(post: IDataObject): string {
	const content = typeof post.content === 'string' ? post.content.replace(/\s+/g, ' ').trim() : '';
	const text = content ? (content.length > 40 ? `${content.slice(0, 40)}…` : content) : '(no text)';
	return `${text} · ${String(post.status ?? 'unknown')} · ${String(post.createdAt ?? '')}`;
}

/**
 * GET /v1/posts, newest first, `page` + `limit` until `totalPages`; the page number travels as n8n's
 * pagination token. SocialSyncer has no text search, so each page is filtered here (text, ID, status, date).
 */
export async function searchPosts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Math.max(1, Number(paginationToken) || 1);
	const response = await apiRequest<{
		posts?: IDataObject[];
		pagination?: { totalPages?: number };
	}>(this, socialSyncerService, {
		method: 'GET',
		path: '/v1/posts',
		qs: { page, limit: SEARCH_PAGE_SIZE },
	});
	const posts = response.body?.posts ?? [];
	const next =
		posts.length > 0
			? nextPageNumber(page, { totalPages: response.body?.pagination?.totalPages })
			: undefined;
	return searchPage(
		posts.map((post) => ({
			name: postName(post),
			value: String(post.id),
			description: String(post.id),
		})),
		filter,
		next === undefined ? undefined : String(next),
	);
}
