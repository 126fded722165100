import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, type TransportOptions } from '../../../shared/transport';
import { viralSyncService } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /v1/me → {userId, plan, email}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const response = await apiRequest<IDataObject>(this, viralSyncService, { method: 'GET', path: '/v1/me', itemIndex }, transport);
	return response.body ?? {};
}
