/** Option lists that are not "pick one existing thing" (those are resource locators: listSearch.ts). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { heyGenRequest } from '../helpers';

/** Output languages for translations (GET /v3/video-translations/languages, not paged). */
export async function getLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await heyGenRequest<{ data?: { languages?: string[] } }>(this, {
		method: 'GET',
		path: '/v3/video-translations/languages',
	});
	return (response.body?.data?.languages ?? []).map((language) => ({
		name: language,
		value: language,
	}));
}
