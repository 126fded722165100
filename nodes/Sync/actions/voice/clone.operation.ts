import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import { uploadAsset } from '../../assets';
import { syncRequest } from '../../helpers';
import { assetLocator } from '../../methods/locators';

/**
 * What each clone refusal of ../shared/api/sync.md §9 means for the user, by errorCode (and 429,
 * whose code is not fully captured).
 */
const CLONE_ERRORS: Record<string, [string, string]> = {
	voice_sample_too_short: [
		'the voice sample is too short',
		'Use 30 seconds to 2 minutes of clean speech from a single speaker.',
	],
	voice_sample_invalid: [
		'the voice sample is not valid audio or video',
		'Use an audio file, or a video whose audio track holds clean speech from one speaker.',
	],
	voice_sample_upload_required: [
		'the voice sample is not in Sync storage',
		'Sync clones only from its own storage: choose Sample Source "Binary File" (uploaded as an asset for you) or "Asset", or use the URL of an uploaded asset.',
	],
	voice_sample_not_accessible: [
		'Sync could not read the voice sample',
		'Check that the asset still exists and finished uploading.',
	],
	voice_sample_type_unsupported: [
		'this file type cannot be a voice sample',
		'Use an audio or video file.',
	],
	voice_sample_extraction_failed: [
		'Sync could not extract the audio of the video sample',
		'Use a video with an audio track, or an audio file.',
	],
	voice_sample_source_too_large: [
		'the voice sample is too large',
		'Video samples may be at most 1 GiB; only the first 2 minutes are used, so trim it or send the audio only.',
	],
	voice_name_conflict: [
		'a voice with this name already exists',
		'Voice names are unique in your organization: choose another Voice Name, or delete the old voice.',
	],
	voice_clone_limit_reached: [
		'all clone slots of your plan are in use',
		'Delete a cloned voice you no longer need (Voice → Delete), or upgrade the plan.',
	],
};

const RATE_LIMITED: [string, string] = [
	'Sync allows 10 voice clones per hour per API key, and this key has reached it (or the voice provider is busy)',
	'Try again in up to an hour. Retrying at once does not help, so the node did not keep retrying.',
];

/** POST /v2/voices {name, provider: "elevenlabs", url | assetId}; a binary sample is uploaded as an asset first (§9). */
export const operation = defineOperation({
	value: 'clone',
	name: 'Clone',
	action: 'Clone a voice',
	description:
		'Create a cloned voice from an audio or video sample of one speaker (30 s to 2 min of clean speech works best)',
	properties: [
		{
			displayName: 'Voice Name',
			name: 'voiceName',
			type: 'string',
			required: true,
			default: '',
			description: 'Unique in your organization',
		},
		{
			displayName: 'Sample Source',
			name: 'sampleSource',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: "A file in this item's binary data, uploaded to Sync as an asset first",
				},
				{ name: 'Asset', value: 'asset', description: 'An audio or video asset in your library' },
				{
					name: 'Sync Storage URL',
					value: 'url',
					description: 'The URL of an asset already uploaded to Sync (other URLs are refused)',
				},
			],
			default: 'binary',
		},
		{
			displayName: 'Sample Binary Property',
			name: 'sampleBinaryProperty',
			type: 'string',
			default: 'data',
			description:
				'Name of the binary property holding the sample (audio, or video whose first 2 minutes of audio are used)',
			displayOptions: { show: { sampleSource: ['binary'] } },
		},
		{
			...assetLocator('sampleAssetId', 'Sample Asset'),
			displayOptions: { show: { sampleSource: ['asset'] } },
		},
		{
			displayName: 'Sample URL',
			name: 'sampleUrl',
			type: 'string',
			default: '',
			placeholder: 'https://…/uploads/sample.mp3',
			description: "The URL of an asset in Sync's storage",
			displayOptions: { show: { sampleSource: ['url'] } },
		},
	],
	async execute(itemIndex, requestOptions) {
		const name = requiredString(this, 'voiceName', 'Voice Name', itemIndex);
		const source = this.getNodeParameter('sampleSource', itemIndex, 'binary') as string;
		const body: IDataObject = { name, provider: 'elevenlabs' };
		let uploadedAssetId: string | undefined;
		if (source === 'asset') {
			body.assetId = requiredString(this, 'sampleAssetId', 'Sample Asset', itemIndex);
		} else if (source === 'url') {
			body.url = checkUrl(
				this,
				requiredString(this, 'sampleUrl', 'Sample URL', itemIndex),
				'Sample URL',
				itemIndex,
				'public',
			);
		} else {
			const property = requiredString(
				this,
				'sampleBinaryProperty',
				'Sample Binary Property',
				itemIndex,
			);
			let mimeType: string;
			try {
				mimeType = this.helpers.assertBinaryData(itemIndex, property).mimeType;
			} catch {
				throw fieldError(
					this,
					`Sample Binary Property: the item has no binary data "${property}"`,
					itemIndex,
					"Name the binary property that holds the sample (see the input item's Binary tab).",
				);
			}
			if (!/^(audio|video)\//.test(mimeType)) {
				throw fieldError(
					this,
					`Sample Binary Property: "${property}" is ${mimeType}, not audio or video`,
					itemIndex,
					'A voice sample is an audio file, or a video whose audio track holds the speech.',
				);
			}
			// §9: the sample must sit in Sync storage, so it is uploaded as an asset first.
			const asset = await uploadAsset(this, itemIndex, property, requestOptions);
			uploadedAssetId = String(asset.id);
			body.assetId = uploadedAssetId;
		}
		let created: IDataObject;
		try {
			created = (
				await syncRequest(
					this,
					{ method: 'POST', path: '/v2/voices', body, itemIndex },
					// A 429 here is mostly the 10-per-hour limit: one quick retry (provider busy), not minutes of them.
					{ ...requestOptions, maxRetries: Math.min(requestOptions.maxRetries, 1) },
				)
			).body;
		} catch (error) {
			if (error instanceof NodeApiError) {
				const code = String((error.errorResponse as IDataObject | undefined)?.code ?? '');
				const known =
					CLONE_ERRORS[code] ?? (String(error.httpCode) === '429' ? RATE_LIMITED : undefined);
				if (known) {
					error.message = `Voice clone refused: ${known[0]}${code ? ` (${code})` : ''}`;
					error.description = [known[1], error.description].filter(Boolean).join('\n');
				}
			}
			throw asNodeError(this.getNode(), error);
		}
		// §9.2: later calls use `id ?? voiceId`, Delete `internalVoiceId ?? id`; `id` is added for the voice pickers.
		return {
			id: created.voiceId ?? created.internalVoiceId,
			...created,
			...(uploadedAssetId ? { sampleAssetId: uploadedAssetId } : {}),
		};
	},
});
