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
