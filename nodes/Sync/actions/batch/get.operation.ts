import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';

/** GET /v2/batch/{id}: status and metrics; outputUrl leads to the JSONL results once done. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a batch',
	description: 'Get a batch and its metrics',
	properties: [
		{
			displayName: 'Batch ID',
			name: 'batchId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'batch_abc123',
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'batchId', 'Batch ID', itemIndex);
		return (
			await syncRequest(
				this,
				{ method: 'GET', path: `/v2/batch/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
