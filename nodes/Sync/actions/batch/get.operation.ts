import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'batch_abc123',
		displayOptions: { show: { resource: ['batch'], operation: ['get'] } },
	},
];

/** GET /v2/batch/{id}: status and metrics; outputUrl leads to the JSONL results once done. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'batchId', 'Batch ID', itemIndex);
	return (await syncRequest(this, { method: 'GET', path: `/v2/batch/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
