import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { collectPages, listFields, listSettings, nextPageNumber } from '../../../shared/pagination';
import { POST_STATUSES, socialRequest } from '../../helpers';
import { PLATFORM_OPTIONS } from '../../service';

/** GET /v1/posts: `page` + `limit`, up to `totalPages`. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many posts',
	description: 'Get posts, newest first',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'postFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Platform',
					name: 'platform',
					type: 'options',
					options: PLATFORM_OPTIONS,
					default: 'instagram',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: POST_STATUSES.map((value) => ({
						name: value[0].toUpperCase() + value.slice(1),
						value,
					})),
					default: 'published',
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('postFilters', itemIndex, {}) as IDataObject;
		return await collectPages<IDataObject, number>(
			async (page = 1, pageSize) => {
				const response = await socialRequest<{
					posts?: IDataObject[];
					pagination?: { totalPages?: number };
				}>(
					this,
					{
						method: 'GET',
						path: '/v1/posts',
						qs: { ...filters, page, limit: pageSize },
						itemIndex,
					},
					requestOptions,
				);
				return {
					items: response.body?.posts ?? [],
					next: nextPageNumber(page, { totalPages: response.body?.pagination?.totalPages }),
				};
			},
			{ ...listSettings(this, itemIndex), maxPageSize: 100 },
		);
	},
});
