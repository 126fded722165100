import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';
import { generationIdField } from './get.operation';

/** DELETE /v2/generations/{id}: only finished generations (409 while processing). */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a lip-sync generation',
	description: 'Delete a finished generation',
	properties: [generationIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'generationId', 'Generation ID', itemIndex);
		const response = await syncRequest(
			this,
			{ method: 'DELETE', path: `/v2/generations/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { ...(response.body ?? {}), deleted: true };
	},
});
