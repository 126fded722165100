import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';

/** DELETE /v3/videos/{id}: irreversible. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a video',
	description: 'Delete a video (irreversible)',
	properties: [
		{ displayName: 'Video ID', name: 'videoId', type: 'string', required: true, default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'videoId', 'Video ID', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: `/v3/videos/${encodeURIComponent(id)}`, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
