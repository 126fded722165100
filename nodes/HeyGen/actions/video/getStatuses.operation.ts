import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { commaList, fieldError, requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';

/** GET /v3/videos/statuses?video_ids= (≤ 100): one item per video. */
export const operation = defineOperation({
	value: 'getStatuses',
	readOnly: true,
	name: 'Get Statuses',
	action: 'Get video statuses',
	description: 'Statuses of up to 100 videos at once',
	properties: [
		{
			displayName: 'Video IDs',
			name: 'videoIds',
			type: 'string',
			required: true,
			default: '',
			description: 'Comma-separated, up to 100',
		},
	],
	async execute(itemIndex, requestOptions) {
		const ids = commaList(requiredString(this, 'videoIds', 'Video IDs', itemIndex));
		if (ids.length > 100)
			throw fieldError(this, `Video IDs: at most 100 at a time (got ${ids.length})`, itemIndex);
		return await heyGenGet<IDataObject[]>(this, '/v3/videos/statuses', itemIndex, requestOptions, {
			video_ids: ids.join(','),
		});
	},
});
