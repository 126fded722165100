import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';

export const assetIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Asset ID',
	name: 'assetId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: { resource: ['asset'], operation: operations } },
});

export const description: INodeProperties[] = [assetIdField(['get'])];

/** GET /v2/assets/{id}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'assetId', 'Asset ID', itemIndex);
	return (await syncRequest(this, { method: 'GET', path: `/v2/assets/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
