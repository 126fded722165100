import type { IDataObject } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString, stringParameter } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { lipsyncIdField } from './fields';
import { lipsyncPath } from './wait';

/** GET /v3/lipsyncs/{id}: status and fresh presigned links (they expire; a new GET renews them). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a lipsync',
	description: 'Get a lipsync: its status and fresh download links',
	properties: [
		lipsyncIdField,
		{
			displayName: 'Download Video',
			name: 'downloadVideo',
			type: 'boolean',
			default: false,
			description:
				'Whether to put the finished video into the item as binary data (links are fetched fresh)',
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
		const id = requiredString(this, 'lipsyncId', 'Lipsync ID', itemIndex);
		const job = await heyGenGet<IDataObject>(this, lipsyncPath(id), itemIndex, requestOptions);
		if (!this.getNodeParameter('downloadVideo', itemIndex, false)) return { json: job };
		if (job.status !== 'completed' || typeof job.video_url !== 'string')
			throw fieldError(
				this,
				`HeyGen lipsync ${id} is ${String(job.status)}: there is nothing to download yet`,
				itemIndex,
			);
		const property = stringParameter(this, 'outputBinaryProperty', itemIndex) || 'data';
		return {
			json: job,
			binary: {
				[property]: await downloadToBinary(this, job.video_url, {
					fileName: `${id}-lipsync.mp4`,
					itemIndex,
					serviceName: 'HeyGen',
				}),
			},
		};
	},
});
