import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { syncRequest } from '../../helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'batchFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['batch'], operation: ['list'] } },
		options: [
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{
				displayName: 'Statuses',
				name: 'status',
				type: 'multiOptions',
				options: ['PENDING', 'JOBS_CREATED', 'PROCESSING', 'COMPLETED', 'FAILED'].map((value) => ({ name: value, value })),
				default: [],
			},
		],
	},
];

/** GET /v2/batch: bare array, newest first, not paged (§5). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('batchFilters', itemIndex, {}) as { status?: string[]; createdAfter?: string; createdBefore?: string };
	const qs: IDataObject = {};
	if (filters.status?.length) qs.status = filters.status.join(',');
	if (filters.createdAfter) qs.created_after = new Date(filters.createdAfter).toISOString();
	if (filters.createdBefore) qs.created_before = new Date(filters.createdBefore).toISOString();
	const response = await syncRequest<IDataObject[]>(this, { method: 'GET', path: '/v2/batch', qs, itemIndex }, transport);
	return Array.isArray(response.body) ? response.body : [];
}
