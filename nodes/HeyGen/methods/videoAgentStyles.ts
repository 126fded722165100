/** "From List" of the Video Agent's Style field: GET /v3/video-agents/styles (docs/api/heygen.md §11.1), at most 50 a page (§11.5). */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matching } from '../../shared/locator';
import { heyGenPage } from '../helpers';

/** Pages one search call may read while nothing on them matches. */
const PAGES_PER_SEARCH = 5;

export async function searchVideoAgentStyles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let token = paginationToken || undefined;
	for (let read = 0; read < PAGES_PER_SEARCH; read++) {
		const page = await heyGenPage(this, { path: '/v3/video-agents/styles', limit: 50, token });
		const results = matching(
			page.items.map((style) => {
				const tags = Array.isArray(style.tags) ? (style.tags as string[]) : [];
				return {
					name: `${String(style.name ?? style.style_id)}${style.aspect_ratio ? ` (${String(style.aspect_ratio)})` : ''}`,
					value: String(style.style_id),
					...(tags.length ? { description: tags.join(', ') } : {}),
					...(typeof style.preview_video_url === 'string' ? { url: style.preview_video_url } : {}),
				};
			}),
			filter,
		);
		token = page.next;
		if (results.length || token === undefined) return { results, paginationToken: token };
	}
	return { results: [], paginationToken: token };
}
