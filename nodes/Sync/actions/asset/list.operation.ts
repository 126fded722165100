import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { syncRequest } from '../../helpers';

export const description: INodeProperties[] = [
	...returnAllAndLimit('asset', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'assetFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['asset'], operation: ['list'] } },
		options: [
			{ displayName: 'Project ID', name: 'projectId', type: 'string', default: '' },
			{ displayName: 'Search', name: 'searchQuery', type: 'string', default: '' },
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: ['dateDesc', 'dateAsc', 'nameAsc', 'nameDesc', 'durationAsc', 'durationDesc', 'sizeAsc', 'sizeDesc', 'kindAsc', 'kindDesc'].map((value) => ({ name: value, value })),
				default: 'dateDesc',
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				options: [
					{ name: 'Audio', value: 'AUDIO' },
					{ name: 'Image', value: 'IMAGE' },
					{ name: 'Video', value: 'VIDEO' },
				],
				default: [],
			},
		],
	},
];

/** GET /v2/assets: `{items, nextCursor?}`; pass nextCursor until it is absent (§5). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('assetFilters', itemIndex, {}) as IDataObject & { types?: string[] };
	const qs: IDataObject = { ...filters };
	if (filters.types) qs.types = filters.types.join(',');
	if (!filters.types?.length) delete qs.types;
	return await collectPages<IDataObject, string>(
		async (cursor, pageSize) => {
			const response = await syncRequest<{ items?: IDataObject[]; nextCursor?: string }>(
				this,
				{ method: 'GET', path: '/v2/assets', qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) }, itemIndex },
				transport,
			);
			return { items: response.body?.items ?? [], next: response.body?.nextCursor ?? undefined };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}
