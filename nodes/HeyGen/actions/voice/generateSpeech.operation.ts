import type { IDataObject } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString, stringParameter } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { voiceLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

const TEXT_LIMIT = 5000;

/** POST /v3/voices/speech (synchronous text to speech), then the audio into the item's binary data. */
export const operation = defineOperation({
	value: 'generateSpeech',
	name: 'Generate Speech',
	action: 'Generate speech',
	description: 'Text to speech, as audio in the item',
	properties: [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'Up to 5,000 characters',
		},
		voiceLocator({ name: 'speechVoiceId', description: 'Must support the starfish engine' }),
		{
			displayName: 'Speed',
			name: 'speed',
			type: 'number',
			typeOptions: { minValue: 0.5, maxValue: 2, numberPrecision: 2 },
			default: 1,
		},
		{
			displayName: 'Output Binary Property',
			name: 'speechBinaryProperty',
			type: 'string',
			default: 'data',
		},
	],
	async execute(itemIndex, requestOptions) {
		const text = requiredString(this, 'text', 'Text', itemIndex);
		if (text.length > TEXT_LIMIT)
			throw fieldError(
				this,
				`Text is ${text.length} characters; HeyGen allows at most ${TEXT_LIMIT}`,
				itemIndex,
			);
		const voiceId = requiredString(this, 'speechVoiceId', 'Voice', itemIndex);
		const speed = this.getNodeParameter('speed', itemIndex, 1) as number;
		const body = { text, voice_id: voiceId, ...(speed !== 1 ? { speed } : {}) };
		const speech = unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'POST', path: '/v3/voices/speech', body, itemIndex },
					requestOptions,
				)
			).body,
		);
		const property = stringParameter(this, 'speechBinaryProperty', itemIndex) || 'data';
		const audio = await downloadToBinary(this, String(speech.audio_url), {
			fileName: 'speech.mp3',
			itemIndex,
			serviceName: 'HeyGen',
		});
		return { json: speech, binary: { [property]: audio } };
	},
});
