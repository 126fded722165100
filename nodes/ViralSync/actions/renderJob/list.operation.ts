import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { JOB_STATUSES, viralSyncRequest } from '../../helpers';

export const description: INodeProperties[] = [
	...returnAllAndLimit('renderJob', 'list', 1000, 25),
	{
		displayName: 'Filters',
		name: 'jobFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['renderJob'], operation: ['list'] } },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: JOB_STATUSES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
				default: 'done',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: 'render',
				description: 'Job type, e.g. render (other job domains may appear read-only)',
			},
		],
	},
];

/** GET /v1/jobs: newest first; `cursor` = the previous `nextCursor` until it is null (§5). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 25) as number);
	const filters = this.getNodeParameter('jobFilters', itemIndex, {}) as IDataObject;
	return await collectPages<IDataObject, string>(
		async (cursor, pageSize) => {
			const response = await viralSyncRequest<{ jobs?: IDataObject[]; data?: IDataObject[]; nextCursor?: string | null }>(
				this,
				{ method: 'GET', path: '/v1/jobs', qs: { ...filters, limit: pageSize, ...(cursor ? { cursor } : {}) }, itemIndex },
				transport,
			);
			const body = response.body ?? {};
			return { items: body.jobs ?? body.data ?? [], next: body.nextCursor ?? undefined };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}
