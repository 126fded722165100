import type { IDataObject } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString, stringParameter } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';

/** GET /v3/videos/{id}: status and fresh presigned links (they expire after 7 days; a new GET renews them). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a video',
	description: 'Get a video with fresh download links',
	properties: [
		{ displayName: 'Video ID', name: 'videoId', type: 'string', required: true, default: '' },
		{
			displayName: 'Download Video',
			name: 'downloadVideo',
			type: 'boolean',
			default: false,
			description:
				'Whether to put the finished video into the item as binary data (links are fetched fresh, so the 7-day expiry does not matter)',
		},
		{
			displayName: 'Output Binary Property',
			name: 'outputBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { downloadVideo: [true] } },
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'videoId', 'Video ID', itemIndex);
		const video = await heyGenGet<IDataObject>(
			this,
			`/v3/videos/${encodeURIComponent(id)}`,
			itemIndex,
			requestOptions,
		);
		if (!this.getNodeParameter('downloadVideo', itemIndex, false)) return { json: video };
		if (video.status !== 'completed' || typeof video.video_url !== 'string') {
			throw fieldError(
				this,
				`HeyGen video ${id} is ${String(video.status)}: there is nothing to download yet`,
				itemIndex,
			);
		}
		const property = stringParameter(this, 'outputBinaryProperty', itemIndex) || 'data';
		return {
			json: video,
			binary: {
				[property]: await downloadToBinary(this, video.video_url, {
					fileName: `${id}.mp4`,
					itemIndex,
					serviceName: 'HeyGen',
				}),
			},
		};
	},
});
