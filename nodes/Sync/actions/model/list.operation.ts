import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, type TransportOptions } from '../../../shared/transport';
import { syncService } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /v2/models: a bare array of {id, name, type, version, description?}; one item per model. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const response = await apiRequest<IDataObject[]>(this, syncService, { method: 'GET', path: '/v2/models', itemIndex }, transport);
	return Array.isArray(response.body) ? response.body : [];
}
