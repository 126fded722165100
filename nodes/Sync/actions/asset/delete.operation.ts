import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';
import { assetIdField } from './get.operation';

export const description: INodeProperties[] = [assetIdField(['delete'])];

/** DELETE /v2/assets/{id} (method assumed by the contract, §2 #20). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'assetId', 'Asset ID', itemIndex);
	const response = await syncRequest(this, { method: 'DELETE', path: `/v2/assets/${encodeURIComponent(id)}`, itemIndex }, transport);
	return { id, ...(response.body ?? {}), deleted: true };
}
