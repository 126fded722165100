import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { heyGenService } from '../transport';

async function firstPages(ctx: ILoadOptionsFunctions, path: string, limit: number, pages: number, qs: IDataObject = {}): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	let token: string | undefined;
	for (let page = 0; page < pages; page++) {
		const response = await apiRequest<{ data?: IDataObject[]; has_more?: boolean; next_token?: string | null }>(ctx, heyGenService, {
			method: 'GET',
			path,
			qs: { ...qs, limit, ...(token ? { token } : {}) },
		});
		rows.push(...(response.body?.data ?? []));
		if (!response.body?.has_more || !response.body.next_token) break;
		token = response.body.next_token;
	}
	return rows;
}

/** Avatar looks (the `avatar_id` of a video), small pages: listing looks can be slow (§5). */
export async function getAvatarLooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const looks = await firstPages(this, '/v3/avatars/looks', 50, 6);
	return looks.map((look) => ({
		name: `${String(look.name)}${look.gender ? ` (${String(look.gender)})` : ''}`,
		value: String(look.id),
		description: `${String(look.avatar_type ?? '')} · engines: ${((look.supported_api_engines as string[] | undefined) ?? []).join(', ')}`,
	}));
}

export async function getVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const voices = [...(await firstPages(this, '/v3/voices', 100, 5)), ...(await firstPages(this, '/v3/voices', 100, 2, { type: 'private' }))];
	return voices.map((voice) => ({
		name: `${String(voice.name)} — ${String(voice.language ?? '')}${voice.gender ? `, ${String(voice.gender)}` : ''}${voice.type === 'private' ? ' (yours)' : ''}`,
		value: String(voice.voice_id),
	}));
}

/** Output languages for translations (GET /v3/video-translations/languages, not paged). */
export async function getLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await apiRequest<{ data?: { languages?: string[] } }>(this, heyGenService, { method: 'GET', path: '/v3/video-translations/languages' });
	return (response.body?.data?.languages ?? []).map((language) => ({ name: language, value: language }));
}
