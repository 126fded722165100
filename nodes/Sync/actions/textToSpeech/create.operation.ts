import { downloadToBinary } from '../../../shared/binary';
import { defineOperation } from '../../../shared/operation';
import { syncRequest } from '../../helpers';
import { audioFileName, speechBody, speechFields } from './fields';

/** POST /v2/tts (../shared/api/sync.md §10.1): synchronous; `{id, url, duration}`, the url usable as an audio input. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create speech from text',
	description:
		'Speak a script with a built-in or cloned voice and return the audio (to lip-sync a video to a script, use Generation → Create with Text to Speech)',
	properties: [
		...speechFields,
		{
			displayName: 'Download Audio',
			name: 'downloadAudio',
			type: 'boolean',
			default: false,
			description: 'Whether to put the audio into the item as binary data',
		},
		{
			displayName: 'Output Binary Property',
			name: 'outputBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { downloadAudio: [true] } },
		},
	],
	async execute(itemIndex, requestOptions) {
		const body = speechBody(this, itemIndex);
		const take = (
			await syncRequest<{ id?: string; url?: string; duration?: number }>(
				this,
				{ method: 'POST', path: '/v2/tts', body, itemIndex },
				requestOptions,
			)
		).body;
		if (!this.getNodeParameter('downloadAudio', itemIndex, false) || !take.url)
			return { json: take };
		const property = this.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
		const binary = await downloadToBinary(this, take.url, {
			fileName: audioFileName(take.id),
			itemIndex,
			serviceName: 'Sync',
		});
		return { json: take, binary: { [property]: binary } };
	},
});
