import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { collectPages, listFields, listSettings } from '../../../shared/pagination';
import { commaList } from '../../../shared/parameters';
import { GENERATION_STATUSES, syncRequest } from '../../helpers';

const statusName = (status: string) => status[0] + status.slice(1).toLowerCase().replace('_', ' ');

/** GET /v2/generations: a bare array, newest first; `cursor` = the last id of the previous page. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many lip-sync generations',
	description: 'Get generations, newest first',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'IDs',
					name: 'ids',
					type: 'string',
					default: '',
					description: 'Comma-separated generation IDs',
				},
				{
					displayName: 'Statuses',
					name: 'status',
					type: 'multiOptions',
					options: GENERATION_STATUSES.map((status) => ({
						name: statusName(status),
						value: status,
					})),
					default: [],
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as {
			status?: string[];
			ids?: string;
		};
		const qs: IDataObject = {};
		if (filters.status?.length) qs.status = filters.status.join(',');
		if (filters.ids) qs.ids = commaList(filters.ids).join(',');
		return await collectPages<IDataObject, string>(
			async (cursor, pageSize) => {
				const response = await syncRequest<IDataObject[]>(
					this,
					{
						method: 'GET',
						path: '/v2/generations',
						qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
						itemIndex,
					},
					requestOptions,
				);
				const items = Array.isArray(response.body) ? response.body : [];
				// No next-cursor field: a short page is the last one.
				return {
					items,
					next: items.length === pageSize ? String(items[items.length - 1].id) : undefined,
				};
			},
			{ ...listSettings(this, itemIndex), maxPageSize: 100 },
		);
	},
});
