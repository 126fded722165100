import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/transport';
import { syncService } from '../transport';

/** The model dropdown, from GET /v2/models (deprecated models are already left out by Sync). */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await apiRequest<Array<{ id: string; name?: string; description?: string; type?: string }>>(this, syncService, {
		method: 'GET',
		path: '/v2/models',
	});
	return (Array.isArray(response.body) ? response.body : []).map((model) => ({
		name: model.name ? `${model.name} (${model.id})` : model.id,
		value: model.id,
		description: model.description,
	}));
}
