import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { syncRequest } from '../../helpers';

const BATCH_STATUSES = ['PENDING', 'JOBS_CREATED', 'PROCESSING', 'COMPLETED', 'FAILED'];

/** GET /v2/batch: a bare array, newest first, not paged. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many batches',
	description: 'Get batches, newest first',
	properties: [
		{
			displayName: 'Filters',
			name: 'batchFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
				{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
				{
					displayName: 'Statuses',
					name: 'status',
					type: 'multiOptions',
					options: BATCH_STATUSES.map((value) => ({ name: value, value })),
					default: [],
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('batchFilters', itemIndex, {}) as {
			status?: string[];
			createdAfter?: string;
			createdBefore?: string;
		};
		const qs: IDataObject = {};
		if (filters.status?.length) qs.status = filters.status.join(',');
		if (filters.createdAfter) qs.created_after = new Date(filters.createdAfter).toISOString();
		if (filters.createdBefore) qs.created_before = new Date(filters.createdBefore).toISOString();
		const response = await syncRequest<IDataObject[]>(
			this,
			{ method: 'GET', path: '/v2/batch', qs, itemIndex },
			requestOptions,
		);
		return Array.isArray(response.body) ? response.body : [];
	},
});
