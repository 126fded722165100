import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { uploadAsset } from '../../assets';
import { heyGenGet, heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';

/** POST /v3/voices/clone from an uploaded sample or a URL; optionally waits until the clone is `complete`. */
export const operation = defineOperation({
	value: 'clone',
	name: 'Clone',
	action: 'Clone a voice',
	description: 'Clone a voice from an audio sample',
	properties: [
		{ displayName: 'Voice Name', name: 'voiceName', type: 'string', required: true, default: '' },
		{
			displayName: 'Sample From',
			name: 'sampleFrom',
			type: 'options',
			options: [
				{ name: 'Binary File', value: 'binary' },
				{ name: 'URL', value: 'url' },
			],
			default: 'binary',
		},
		{
			displayName: 'Sample Binary Property',
			name: 'sampleBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { sampleFrom: ['binary'] } },
		},
		{
			displayName: 'Sample URL',
			name: 'sampleUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { sampleFrom: ['url'] } },
		},
		...jobWaitFields({
			offDescription: 'Return the clone ID at once',
			defaultIntervalSeconds: 10,
			minIntervalSeconds: 1,
			intervalDescription: 'Time between status checks',
			outputLabel: 'preview',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const name = requiredString(this, 'voiceName', 'Voice Name', itemIndex);
		let audio: IDataObject;
		if (this.getNodeParameter('sampleFrom', itemIndex, 'binary') === 'url') {
			audio = { type: 'url', url: requiredString(this, 'sampleUrl', 'Sample URL', itemIndex) };
		} else {
			const property = requiredString(
				this,
				'sampleBinaryProperty',
				'Sample Binary Property',
				itemIndex,
			);
			audio = {
				type: 'asset_id',
				asset_id: (
					await uploadAsset(this, itemIndex, property, requestOptions, 'Sample Binary Property')
				).asset_id,
			};
		}
		const body = { voice_name: name, audio };
		const created = unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'POST',
						path: '/v3/voices/clone',
						body,
						idempotencyKey: idempotencyKeyFor(this, itemIndex, 'clone'),
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
		const id = String(created.voice_clone_id);
		return await waitForJob(
			this,
			itemIndex,
			{ ...created, voice_id: id },
			{
				serviceName: 'HeyGen',
				jobLabel: `HeyGen voice clone ${id}`,
				getLaterHint: 'Voice → Get',
				fetch: async () => await heyGenGet(this, `/v3/voices/${id}`, itemIndex, requestOptions),
				statusOf: (voice) => voice.status as string | undefined,
				// A clone ends as `complete` (no "d") or `failed`.
				terminal: ['complete', 'failed'],
				succeeded: (voice) => voice.status === 'complete',
				failure: (voice) =>
					new NodeOperationError(
						this.getNode(),
						`HeyGen voice clone ${id} failed: ${String(voice.failure_message ?? 'no reason given')}`,
						{ itemIndex },
					),
				outputUrl: (voice) =>
					typeof voice.preview_audio_url === 'string' ? voice.preview_audio_url : undefined,
				fileName: () => `${id}.mp3`,
			},
		);
	},
});
