import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { LEAD_STATUS_OPTIONS, listPages, SORT_ORDER_OPTION } from '../../helpers';

/** GET /leads (read), page style: `page` + `limit` ≤ 100, stop on `hasMore: false`. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many leads',
	description: 'Get leads, filtered and sorted (read scope)',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
				{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
				{
					displayName: 'Source',
					name: 'source',
					type: 'options',
					options: [
						{ name: 'API', value: 'api' },
						{ name: 'Chat', value: 'chat' },
						{ name: 'Form', value: 'form' },
						{ name: 'Import', value: 'import' },
					],
					default: 'chat',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: LEAD_STATUS_OPTIONS,
					default: 'new',
				},
			],
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'collection',
			placeholder: 'Add sort',
			default: {},
			options: [
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					options: [
						{ name: 'Created At', value: 'createdAt' },
						{ name: 'Score', value: 'score' },
						{ name: 'Updated At', value: 'updatedAt' },
					],
					default: 'createdAt',
				},
				SORT_ORDER_OPTION,
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const qs: IDataObject = {
			...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject),
			...(this.getNodeParameter('sort', itemIndex, {}) as IDataObject),
		};
		for (const key of ['createdAfter', 'createdBefore']) {
			if (qs[key]) qs[key] = new Date(qs[key] as string).toISOString();
		}
		return await listPages(this, { path: '/leads', qs, itemIndex }, requestOptions);
	},
});
