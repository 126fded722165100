import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';

export const generationIdField: INodeProperties = {
	displayName: 'Generation ID',
	name: 'generationId',
	type: 'string',
	required: true,
	default: '',
};

/** GET /v2/generate/{id}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a lip-sync generation',
	description: 'Get a generation and its status',
	properties: [
		generationIdField,
		{
			displayName: 'Include Progress',
			name: 'includeProgress',
			type: 'boolean',
			default: false,
			description: 'Whether to add progress_percent',
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'generationId', 'Generation ID', itemIndex);
		const includeProgress = this.getNodeParameter('includeProgress', itemIndex, false) as boolean;
		const qs = includeProgress ? { include: 'progress' } : undefined;
		return (
			await syncRequest(
				this,
				{ method: 'GET', path: `/v2/generate/${encodeURIComponent(id)}`, qs, itemIndex },
				requestOptions,
			)
		).body;
	},
});
