import { defineOperation } from '../../../shared/operation';
import { GENERATION_STATUSES, syncRequest } from '../../helpers';

/** GET /v2/generations/count: how many generations there are, optionally of some statuses. */
export const operation = defineOperation({
	value: 'count',
	readOnly: true,
	name: 'Count',
	action: 'Count lip-sync generations',
	description: 'Count generations, optionally of some statuses',
	properties: [
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: GENERATION_STATUSES.map((status) => ({
				name: status[0] + status.slice(1).toLowerCase().replace('_', ' '),
				value: status,
			})),
			default: [],
			description: 'Count only generations in these states (all when none is chosen)',
		},
	],
	async execute(itemIndex, requestOptions) {
		const statuses = this.getNodeParameter('statuses', itemIndex, []) as string[];
		const qs = statuses.length ? { status: statuses.join(',') } : undefined;
		const response = await syncRequest<{ count?: number }>(
			this,
			{ method: 'GET', path: '/v2/generations/count', qs, itemIndex },
			requestOptions,
		);
		return { count: Number(response.body?.count ?? 0), ...(statuses.length ? { statuses } : {}) };
	},
});
