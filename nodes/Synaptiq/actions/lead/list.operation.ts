import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { LEAD_STATUS_OPTIONS, listPages, SORT_ORDER_OPTION } from '../../helpers';

const show = { resource: ['lead'], operation: ['list'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit('lead', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
			},
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
		displayOptions: { show },
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
];

/** GET /leads (read) with page pagination (§6): `page` + `limit` ≤ 100, stop on `hasMore: false`. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...filters, ...sort };
	for (const key of ['createdAfter', 'createdBefore']) {
		if (qs[key]) qs[key] = new Date(qs[key] as string).toISOString();
	}
	return await listPages(this, '/leads', qs, itemIndex, transport);
}
