import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';
import { generationIdField } from './get.operation';

export const description: INodeProperties[] = [generationIdField(['delete'])];

/** DELETE /v2/generations/{id}: only finished generations (409 while processing). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'generationId', 'Generation ID', itemIndex);
	const response = await syncRequest(this, { method: 'DELETE', path: `/v2/generations/${encodeURIComponent(id)}`, itemIndex }, transport);
	return { ...(response.body ?? {}), deleted: true };
}
