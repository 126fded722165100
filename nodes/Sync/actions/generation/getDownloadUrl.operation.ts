import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';
import { generationIdField } from './get.operation';

/** GET /v2/generations/{id}/download: answers the bare URL as text/plain. */
export const operation = defineOperation({
	value: 'getDownloadUrl',
	readOnly: true,
	name: 'Get Download URL',
	action: 'Get the download URL of a lip-sync generation',
	description: 'Get a link to the output video',
	properties: [generationIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'generationId', 'Generation ID', itemIndex);
		const response = await syncRequest<string>(
			this,
			{ method: 'GET', path: `/v2/generations/${encodeURIComponent(id)}/download`, itemIndex },
			requestOptions,
		);
		return { id, url: String(response.body ?? '').trim() };
	},
});
