import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, type TransportOptions } from '../../../shared/transport';
import { heyGenService, unwrapData } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /v3/users/me: profile plus exactly one billing object (wallet, subscription or usage_based). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const response = await apiRequest(this, heyGenService, { method: 'GET', path: '/v3/users/me', itemIndex }, transport);
	return unwrapData<IDataObject>(response.body) ?? {};
}
