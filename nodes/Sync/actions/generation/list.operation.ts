import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { GENERATION_STATUSES, syncRequest } from '../../helpers';

const show = { resource: ['generation'], operation: ['list'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit('generation', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Statuses',
				name: 'status',
				type: 'multiOptions',
				options: GENERATION_STATUSES.map((status) => ({ name: status[0] + status.slice(1).toLowerCase().replace('_', ' '), value: status })),
				default: [],
			},
			{
				displayName: 'IDs',
				name: 'ids',
				type: 'string',
				default: '',
				description: 'Comma-separated generation IDs',
			},
		],
	},
];

/** GET /v2/generations: bare array, newest first; `cursor` = last id of the previous page (§5). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { status?: string[]; ids?: string };
	const qs: IDataObject = {};
	if (filters.status?.length) qs.status = filters.status.join(',');
	if (filters.ids) qs.ids = filters.ids.split(',').map((id) => id.trim()).filter(Boolean).join(',');
	return await collectPages<IDataObject, string>(
		async (cursor, pageSize) => {
			const response = await syncRequest<IDataObject[]>(
				this,
				{ method: 'GET', path: '/v2/generations', qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) }, itemIndex },
				transport,
			);
			const items = Array.isArray(response.body) ? response.body : [];
			// No next-cursor field: a short page is the last one.
			return { items, next: items.length === pageSize ? String(items[items.length - 1].id) : undefined };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}
