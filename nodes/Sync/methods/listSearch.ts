/** "From List" of the model and asset pickers: paged through the API, filtered on the typed text. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPage } from '../../shared/locator';
import { apiRequest } from '../../shared/request';
import { syncService } from '../service';

/** GET /v2/models (deprecated models are already left out by Sync); not paged. */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await apiRequest<Array<{ id: string; name?: string; description?: string }>>(
		this,
		syncService,
		{ method: 'GET', path: '/v2/models' },
	);
	const models = Array.isArray(response.body) ? response.body : [];
	return searchPage(
		models.map((model) => ({
			name: model.name ? `${model.name} (${model.id})` : model.id,
			value: model.id,
			description: model.description,
		})),
		filter,
	);
}

/** GET /v2/assets with Sync's own search (`searchQuery`) and cursor (`nextCursor`). */
export async function searchAssets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const response = await apiRequest<{
		items?: Array<{ id: string; name?: string; type?: string }>;
		nextCursor?: string;
	}>(this, syncService, {
		method: 'GET',
		path: '/v2/assets',
		qs: {
			limit: 100,
			...(filter ? { searchQuery: filter } : {}),
			...(paginationToken ? { cursor: paginationToken } : {}),
		},
	});
	const results = (response.body?.items ?? []).map((asset) => ({
		name: `${asset.name ?? asset.id}${asset.type ? ` (${asset.type.toLowerCase()})` : ''}`,
		value: asset.id,
	}));
	return {
		results,
		...(response.body?.nextCursor ? { paginationToken: response.body.nextCursor } : {}),
	};
}

interface VoiceEntry {
	id?: string;
	voiceId?: string;
	internalVoiceId?: string;
	name?: string;
	restriction?: unknown;
}

/** The ID to pass as `voiceId` (../shared/api/sync.md §9.2: `id ?? voiceId`). */
export const voiceIdOf = (voice: VoiceEntry): string => String(voice.id ?? voice.voiceId ?? '');

/** GET /v2/voices, read fresh each time (availability changes); voices that cannot synthesize now come last, marked. */
async function voiceResults(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	onlyClones: boolean,
): Promise<INodeListSearchResult> {
	const response = await apiRequest<VoiceEntry[]>(ctx, syncService, {
		method: 'GET',
		path: '/v2/voices',
	});
	const voices = (Array.isArray(response.body) ? response.body : []).filter(
		(voice) => voiceIdOf(voice) && (!onlyClones || voice.internalVoiceId),
	);
	const entry = (voice: VoiceEntry) => ({
		name: `${voice.name ?? voiceIdOf(voice)}${voice.internalVoiceId ? ' (cloned)' : ''}${voice.restriction ? ' — unavailable right now' : ''}`,
		value: voiceIdOf(voice),
	});
	return searchPage(
		[
			...voices.filter((voice) => !voice.restriction).map(entry),
			...voices.filter((voice) => voice.restriction).map(entry),
		],
		filter,
	);
}

/** Every voice the key can use: built-in ElevenLabs voices and the org's clones. */
export async function searchVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await voiceResults(this, filter, false);
}

/** Only the org's cloned voices (what Voice → Delete can remove). */
export async function searchClonedVoices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await voiceResults(this, filter, true);
}
