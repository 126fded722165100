import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, nextPageNumber, returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { socialRequest } from '../../helpers';
import { PLATFORM_OPTIONS } from '../../transport';

export const description: INodeProperties[] = [
	...returnAllAndLimit('post', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'postFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['post'], operation: ['list'] } },
		options: [
			{ displayName: 'Platform', name: 'platform', type: 'options', options: PLATFORM_OPTIONS, default: 'instagram' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ['draft', 'scheduled', 'publishing', 'published', 'partial', 'failed'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
				default: 'published',
			},
		],
	},
];

/** GET /v1/posts: page + limit, stop at totalPages (§5). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('postFilters', itemIndex, {}) as IDataObject;
	return await collectPages<IDataObject, number>(
		async (page = 1, pageSize) => {
			const response = await socialRequest<{ posts?: IDataObject[]; pagination?: { totalPages?: number } }>(this, { method: 'GET', path: '/v1/posts', qs: { ...filters, page, limit: pageSize }, itemIndex }, transport);
			return { items: response.body?.posts ?? [], next: nextPageNumber(page, { totalPages: response.body?.pagination?.totalPages }) };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}
