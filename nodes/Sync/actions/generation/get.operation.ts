import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';

export const generationIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Generation ID',
	name: 'generationId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: { resource: ['generation'], operation: operations } },
});

export const description: INodeProperties[] = [
	generationIdField(['get']),
	{
		displayName: 'Include Progress',
		name: 'includeProgress',
		type: 'boolean',
		default: false,
		description: 'Whether to add progress_percent',
		displayOptions: { show: { resource: ['generation'], operation: ['get'] } },
	},
];

/** GET /v2/generate/{id}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requireText(this, 'generationId', 'Generation ID', itemIndex);
	const includeProgress = this.getNodeParameter('includeProgress', itemIndex, false) as boolean;
	const response = await syncRequest(
		this,
		{ method: 'GET', path: `/v2/generate/${encodeURIComponent(id)}`, qs: includeProgress ? { include: 'progress' } : undefined, itemIndex },
		transport,
	);
	return response.body;
}
