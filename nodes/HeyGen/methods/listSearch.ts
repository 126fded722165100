/**
 * "From List" of the HeyGen pickers: paged through HeyGen's cursor (n8n's pagination token is
 * HeyGen's `token`), filtered on the typed text. HeyGen's lists have no name search, so the text
 * is matched here; while a page has no match the next one is read (a few at most per call), so a
 * search does not stop at the first page.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { matching } from '../../shared/locator';
import { heyGenPage, heyGenRequest } from '../helpers';
import { unwrapData } from '../service';

/** Pages one search call may read while nothing on them matches. */
const PAGES_PER_SEARCH = 5;

interface Source {
	path: string;
	qs?: IDataObject;
	/** HeyGen's largest page for this list. */
	limit: number;
	toResult: (row: IDataObject) => INodeListSearchItems;
}

/**
 * Walks the sources one after the other. With one source the pagination token is HeyGen's own
 * `token`; with several it is `<source index>:<token>`.
 */
async function search(
	ctx: ILoadOptionsFunctions,
	sources: Source[],
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	let index = 0;
	let token = paginationToken || undefined;
	if (token && sources.length > 1) {
		const [, source, cursor] = /^(\d+):(.*)$/.exec(token) ?? [undefined, '0', ''];
		index = Number(source);
		token = cursor || undefined;
	}
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < PAGES_PER_SEARCH && index < sources.length; read++) {
		const source = sources[index];
		const page = await heyGenPage(ctx, {
			path: source.path,
			qs: source.qs,
			limit: source.limit,
			token,
		});
		results.push(...matching(page.items.map(source.toResult), filter));
		token = page.next;
		if (token === undefined) index++;
		if (results.length) break;
	}
	if (index >= sources.length) return { results };
	return { results, paginationToken: sources.length > 1 ? `${index}:${token ?? ''}` : token };
}

/** GET /v3/avatars/looks (at most 50 a page; listing looks can be slow). */
export async function searchAvatarLooks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		[
			{
				path: '/v3/avatars/looks',
				limit: 50,
				toResult: (look) => ({
					name: `${String(look.name ?? look.id)}${look.gender ? ` (${String(look.gender)})` : ''}`,
					value: String(look.id),
					description: `${String(look.avatar_type ?? '')} · engines: ${((look.supported_api_engines as string[] | undefined) ?? []).join(', ')}`,
				}),
			},
		],
		filter,
		paginationToken,
	);
}

/** GET /v3/avatars: avatar groups (at most 50 a page). */
export async function searchAvatarGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		[
			{
				path: '/v3/avatars',
				limit: 50,
				toResult: (group) => ({
					name: String(group.name ?? group.id),
					value: String(group.id),
					...(group.looks_count !== undefined
						? { description: `${String(group.looks_count)} look(s)` }
						: {}),
				}),
			},
		],
		filter,
		paginationToken,
	);
}

const voiceResult = (yours: boolean) => (voice: IDataObject) => ({
	name: `${String(voice.name ?? voice.voice_id)} — ${String(voice.language ?? '')}${voice.gender ? `, ${String(voice.gender)}` : ''}${yours ? ' (yours)' : ''}`,
	value: String(voice.voice_id),
});

/** GET /v3/voices: your clones (type=private) first, then HeyGen's public voices (at most 100 a page). */
export async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		[
			{ path: '/v3/voices', qs: { type: 'private' }, limit: 100, toResult: voiceResult(true) },
			{ path: '/v3/voices', qs: { type: 'public' }, limit: 100, toResult: voiceResult(false) },
		],
		filter,
		paginationToken,
	);
}

/** GET /v3/templates (at most 100 a page). */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(
		this,
		[
			{
				path: '/v3/templates',
				limit: 100,
				toResult: (template) => ({
					name: String(template.name ?? template.id),
					value: String(template.id),
				}),
			},
		],
		filter,
		paginationToken,
	);
}

/** GET /v3/assets of the signed-in user (HeyGen requires `username`: read from GET /v3/users/me on each call, nothing is kept). */
export async function searchAssets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const user = unwrapData<{ username?: string } | undefined>(
		(await heyGenRequest(this, { method: 'GET', path: '/v3/users/me' })).body,
	);
	return await search(
		this,
		[
			{
				path: '/v3/assets',
				qs: { username: String(user?.username ?? '') },
				limit: 100,
				toResult: (asset) => ({
					name: `${String(asset.name ?? asset.id)}${asset.type ? ` (${String(asset.type)})` : ''}`,
					value: String(asset.id),
				}),
			},
		],
		filter,
		paginationToken,
	);
}
