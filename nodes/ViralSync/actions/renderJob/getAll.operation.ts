import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { collectPages, listFields, listSettings } from '../../../shared/pagination';
import { JOB_STATUSES, viralSyncRequest } from '../../helpers';

/** GET /v1/jobs: newest first; `cursor` = the previous `nextCursor` until it is null. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many render jobs',
	description: 'Get jobs, newest first',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'jobFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: JOB_STATUSES.map((value) => ({
						name: value[0].toUpperCase() + value.slice(1),
						value,
					})),
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
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('jobFilters', itemIndex, {}) as IDataObject;
		return await collectPages<IDataObject, string>(
			async (cursor, pageSize) => {
				const response = await viralSyncRequest<{
					jobs?: IDataObject[];
					data?: IDataObject[];
					nextCursor?: string | null;
				}>(
					this,
					{
						method: 'GET',
						path: '/v1/jobs',
						qs: { ...filters, limit: pageSize, ...(cursor ? { cursor } : {}) },
						itemIndex,
					},
					requestOptions,
				);
				const body = response.body ?? {};
				return { items: body.jobs ?? body.data ?? [], next: body.nextCursor ?? undefined };
			},
			{ ...listSettings(this, itemIndex, 25), maxPageSize: 100 },
		);
	},
});
