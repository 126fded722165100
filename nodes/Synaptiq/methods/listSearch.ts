/** "From List" of the lead and conversation pickers: Synaptiq's pages, one at a time, page number as the token. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { searchPage } from '../../shared/locator';
import { synaptiqPage, type PageQuery } from '../helpers';

const PAGE_SIZE = 100;

const pageOf = (paginationToken?: string) =>
	Math.max(1, Math.floor(Number(paginationToken ?? 1)) || 1);

async function searchList(
	ctx: ILoadOptionsFunctions,
	query: PageQuery,
	paginationToken: string | undefined,
	toItem: (row: IDataObject) => INodeListSearchItems,
): Promise<{ results: INodeListSearchItems[]; paginationToken?: string }> {
	const { items, next } = await synaptiqPage(ctx, query, pageOf(paginationToken), PAGE_SIZE);
	return {
		results: items.map(toItem),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "Name <email>"; GET /leads, or Synaptiq's own search (GET /leads/search, email, name and company) for typed text. */
export async function searchLeads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const q = filter?.trim();
	const query: PageQuery = q ? { path: '/leads/search', qs: { q } } : { path: '/leads' };
	return await searchList(this, query, paginationToken, (lead) => {
		const name = text(lead.name);
		const email = text(lead.email);
		const id = String(lead.id);
		return { name: name && email ? `${name} <${email}>` : name || email || id, value: id };
	});
}

/** GET /conversations (Synaptiq has no conversation search): the typed text filters each page on subject, channel, status or ID. */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await searchList(
		this,
		{ path: '/conversations' },
		paginationToken,
		(conversation) => {
			const id = String(conversation.id);
			const title = text(conversation.subject) || text(conversation.visitorId) || 'Conversation';
			const about = [text(conversation.channel), text(conversation.status)]
				.filter(Boolean)
				.join(', ');
			return { name: `${title} (${id})${about ? ` · ${about}` : ''}`, value: id };
		},
	);
	return searchPage(page.results, filter, page.paginationToken);
}
