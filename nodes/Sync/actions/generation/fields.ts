/**
 * The fields of a generation's inputs (video, audio or text-to-speech) and its options, shared by
 * Create and Estimate Cost. `when` adds a condition of the operation's own (Estimate From: Inputs).
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { assetLocator, modelLocator, voiceLocator } from '../../methods/locators';
import { dubbingFields } from './dubbing';

export function generationInputFields(options: {
	allowBinary: boolean;
	when?: NonNullable<IDisplayOptions['show']>;
}): INodeProperties[] {
	const show = options.when ?? {};
	const displayOptions: IDisplayOptions | undefined = options.when ? { show } : undefined;
	const sources = (extra: Array<{ name: string; value: string; description: string }>) => [
		{ name: 'URL', value: 'url', description: 'A public URL Sync can fetch' },
		{ name: 'Asset', value: 'asset', description: 'An asset already in your Sync library' },
		...(options.allowBinary
			? [{ name: 'Binary File', value: 'binary', description: "A file in this item's binary data" }]
			: []),
		...extra,
	];
	const binaryField = (slot: 'video' | 'audio', fallback: string): INodeProperties[] =>
		options.allowBinary
			? [
					{
						displayName: `${slot === 'video' ? 'Video' : 'Audio'} Binary Property`,
						name: `${slot}BinaryProperty`,
						type: 'string',
						default: fallback,
						description:
							'Name of the binary property holding the file. Files up to 20 MB are sent with the request, larger ones are uploaded as assets first.',
						displayOptions: {
							show: { ...show, inputMode: ['fields'], [`${slot}Source`]: ['binary'] },
						},
					},
				]
			: [];
	const fields: INodeProperties[] = [
		{ ...modelLocator(), ...(displayOptions ? { displayOptions } : {}) },
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			options: [
				{
					name: 'Fields',
					value: 'fields',
					description: 'One video and one audio or text, set below',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'The raw `input` array of the API (for segments and several audio inputs)',
				},
			],
			default: 'fields',
			...(displayOptions ? { displayOptions } : {}),
		},
		{
			displayName: 'Video Source',
			name: 'videoSource',
			type: 'options',
			options: sources([]),
			default: 'url',
			displayOptions: { show: { ...show, inputMode: ['fields'] } },
		},
		{
			displayName: 'Video URL',
			name: 'videoUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/talking-head.mp4',
			displayOptions: { show: { ...show, inputMode: ['fields'], videoSource: ['url'] } },
		},
		{
			...assetLocator('videoAssetId', 'Video Asset'),
			displayOptions: { show: { ...show, inputMode: ['fields'], videoSource: ['asset'] } },
		},
		...binaryField('video', 'data'),
		{
			displayName: 'Audio Source',
			name: 'audioSource',
			type: 'options',
			options: sources([
				{
					name: 'Text to Speech',
					value: 'text',
					description: 'Speak a script with an ElevenLabs or cloned voice',
				},
				{
					name: 'Translate / Dub',
					value: 'dub',
					description:
						"Dub the video's own speech into another language, then lip-sync the video to it",
				},
			]),
			default: 'url',
			displayOptions: { show: { ...show, inputMode: ['fields'] } },
		},
		{
			displayName: 'Audio URL',
			name: 'audioUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/voice-over.mp3',
			displayOptions: { show: { ...show, inputMode: ['fields'], audioSource: ['url'] } },
		},
		{
			...assetLocator('audioAssetId', 'Audio Asset'),
			displayOptions: { show: { ...show, inputMode: ['fields'], audioSource: ['asset'] } },
		},
		...binaryField('audio', 'audio'),
		{
			// Was a text field "Voice ID": a saved plain string still reads as the ID.
			...voiceLocator(),
			displayOptions: { show: { ...show, inputMode: ['fields'], audioSource: ['text'] } },
		},
		{
			displayName: 'Script',
			name: 'script',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'What the person in the video should say',
			displayOptions: { show: { ...show, inputMode: ['fields'], audioSource: ['text'] } },
		},
		...dubbingFields(show),
		{
			displayName: 'Input (JSON)',
			name: 'inputJson',
			type: 'json',
			default:
				'[\n  { "type": "video", "url": "https://example.com/video.mp4" },\n  { "type": "audio", "url": "https://example.com/audio.mp3" }\n]',
			description:
				'The `input` array: one video plus exactly one audio or text item (several with segments)',
			displayOptions: { show: { ...show, inputMode: ['json'] } },
		},
		{
			displayName: 'Generation Options',
			name: 'generationOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			...(displayOptions ? { displayOptions } : {}),
			options: [
				{
					displayName: 'Active Speaker: Auto Detect',
					name: 'activeSpeakerAutoDetect',
					type: 'boolean',
					default: true,
					description:
						'Whether Sync should find the speaking face itself (for videos with several faces)',
				},
				{
					displayName: 'Active Speaker: Coordinates',
					name: 'activeSpeakerCoordinates',
					type: 'string',
					default: '',
					placeholder: '640,360',
					description: 'X,Y of the speaker in the frame given below',
				},
				{
					displayName: 'Active Speaker: Frame Number',
					name: 'activeSpeakerFrameNumber',
					type: 'number',
					default: 0,
				},
				{
					displayName: 'Emotion (React-1)',
					name: 'prompt',
					type: 'options',
					options: ['angry', 'disgusted', 'happy', 'neutral', 'sad', 'surprised'].map((value) => ({
						name: value[0].toUpperCase() + value.slice(1),
						value,
					})),
					default: 'neutral',
				},
				{
					displayName: 'Model Mode (React-1)',
					name: 'modelMode',
					type: 'options',
					options: [
						{ name: 'Face', value: 'face' },
						{ name: 'Head', value: 'head' },
						{ name: 'Lips', value: 'lips' },
					],
					default: 'face',
				},
				{
					displayName: 'Occlusion Detection',
					name: 'occlusionDetection',
					type: 'boolean',
					default: false,
					description: 'Whether to handle hands or objects in front of the mouth (slower)',
				},
				{
					displayName: 'Output File Name',
					name: 'outputFileName',
					type: 'string',
					default: '',
					description: 'Base name of the output (letters, digits, _ and -); .mp4 is appended',
				},
				{
					displayName: 'Segments (JSON)',
					name: 'segments',
					type: 'json',
					default: '[]',
					description:
						'Lip-sync only parts of the video: [{startTime, endTime, audioInput: {refId}}]',
				},
				{
					displayName: 'Sync Mode',
					name: 'syncMode',
					type: 'options',
					options: [
						{ name: 'Bounce', value: 'bounce' },
						{ name: 'Cut Off', value: 'cut_off' },
						{ name: 'Loop', value: 'loop' },
						{ name: 'Remap', value: 'remap' },
						{ name: 'Silence', value: 'silence' },
					],
					default: 'loop',
					description: 'What to do when audio and video lengths differ',
				},
				{
					displayName: 'Temperature',
					name: 'temperature',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
					default: 0.5,
					description: 'Expressiveness, 0 to 1',
				},
				{
					displayName: 'Webhook URL',
					name: 'webhookUrl',
					type: 'string',
					default: '',
					description:
						'HTTPS URL Sync calls once when the generation ends (e.g. a Sync Trigger URL)',
				},
			],
		},
	];
	return fields;
}
