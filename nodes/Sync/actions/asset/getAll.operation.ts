import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { collectPages, listFields, listSettings } from '../../../shared/pagination';
import { syncRequest } from '../../helpers';

const SORT_ORDERS = [
	'dateDesc',
	'dateAsc',
	'nameAsc',
	'nameDesc',
	'durationAsc',
	'durationDesc',
	'sizeAsc',
	'sizeDesc',
	'kindAsc',
	'kindDesc',
];

/** GET /v2/assets: `{items, nextCursor?}`; pass nextCursor until it is absent. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many assets',
	description: 'Get assets in your library',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'assetFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{ displayName: 'Project ID', name: 'projectId', type: 'string', default: '' },
				{ displayName: 'Search', name: 'searchQuery', type: 'string', default: '' },
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					options: SORT_ORDERS.map((value) => ({ name: value, value })),
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
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('assetFilters', itemIndex, {}) as IDataObject & {
			types?: string[];
		};
		const qs: IDataObject = { ...filters };
		if (filters.types?.length) qs.types = filters.types.join(',');
		else delete qs.types;
		return await collectPages<IDataObject, string>(
			async (cursor, pageSize) => {
				const response = await syncRequest<{ items?: IDataObject[]; nextCursor?: string }>(
					this,
					{
						method: 'GET',
						path: '/v2/assets',
						qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
						itemIndex,
					},
					requestOptions,
				);
				return { items: response.body?.items ?? [], next: response.body?.nextCursor ?? undefined };
			},
			{ ...listSettings(this, itemIndex), maxPageSize: 100 },
		);
	},
});
