import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';
import { generationIdField } from './get.operation';

export const description: INodeProperties[] = [generationIdField(['getDownloadUrl'])];

/** GET /v2/generations/{id}/download: answers the bare URL as text/plain. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'generationId', 'Generation ID', itemIndex);
	const response = await syncRequest<string>(this, { method: 'GET', path: `/v2/generations/${encodeURIComponent(id)}/download`, itemIndex }, transport);
	return { id, url: String(response.body ?? '').trim() };
}
