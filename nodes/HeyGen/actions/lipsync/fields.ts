/** Lipsync → Create's fields (../shared/api/heygen.md §12.2); the body is built in request.ts. */
import type { INodeProperties } from 'n8n-workflow';

import { jobWaitFields } from '../../../shared/jobWait';
import { resourceLocator } from '../../../shared/locator';
import { voiceLocator } from '../../methods/locators';

export const lipsyncIdField: INodeProperties = {
	displayName: 'Lipsync ID',
	name: 'lipsyncId',
	type: 'string',
	required: true,
	default: '',
	description: 'The lipsync_id Lipsync → Create returned',
};

const assetPicker = (name: string, displayName: string): INodeProperties =>
	resourceLocator({
		name,
		displayName,
		searchMethod: 'searchAssets',
		idPlaceholder: 'asset_…',
		description: 'One of your uploaded HeyGen assets',
	});

const videoFrom = (value: string) => ({ show: { videoFrom: [value] } });
const audioFrom = (value: string) => ({ show: { audioFrom: [value] } });

/** Where the source video and the new audio come from, and the §12.2 options. */
export const lipsyncInputFields: INodeProperties[] = [
	{
		displayName: 'Video From',
		name: 'videoFrom',
		type: 'options',
		options: [
			{ name: 'URL', value: 'url', description: 'A public MP4 or WebM URL' },
			{ name: 'Asset', value: 'asset', description: 'A video you uploaded to HeyGen' },
			{
				name: 'Binary File',
				value: 'binary',
				description: "The item's binary data, uploaded as a HeyGen asset first",
			},
		],
		default: 'url',
		description: 'The video whose speech is replaced',
	},
	{
		displayName: 'Video URL',
		name: 'videoUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/talk.mp4',
		displayOptions: videoFrom('url'),
	},
	{ ...assetPicker('lipsyncVideoAsset', 'Video Asset'), displayOptions: videoFrom('asset') },
	{
		displayName: 'Video Binary Property',
		name: 'videoBinaryProperty',
		type: 'string',
		default: 'data',
		description: 'The binary property holding the video (MP4, MOV or WebM)',
		displayOptions: videoFrom('binary'),
	},
	{
		displayName: 'Audio From',
		name: 'audioFrom',
		type: 'options',
		options: [
			{ name: 'URL', value: 'url', description: 'A public MP3 or WAV URL' },
			{ name: 'Asset', value: 'asset', description: 'An audio file you uploaded to HeyGen' },
			{
				name: 'Binary File',
				value: 'binary',
				description: "The item's binary data, uploaded as a HeyGen asset first",
			},
			{
				name: 'Script (Text to Speech)',
				value: 'script',
				description: 'Spoken by a HeyGen voice first (Voice → Generate Speech), then lip-synced',
			},
		],
		default: 'url',
		description: 'The new speech the mouth is re-animated to',
	},
	{
		displayName: 'Audio URL',
		name: 'audioUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/voice.mp3',
		displayOptions: audioFrom('url'),
	},
	{ ...assetPicker('lipsyncAudioAsset', 'Audio Asset'), displayOptions: audioFrom('asset') },
	{
		displayName: 'Audio Binary Property',
		name: 'audioBinaryProperty',
		type: 'string',
		default: 'audio',
		description: 'The binary property holding the audio (MP3 or WAV)',
		displayOptions: audioFrom('binary'),
	},
	{
		displayName: 'Script',
		name: 'speechScript',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What the person in the video says instead, up to 5,000 characters',
		displayOptions: audioFrom('script'),
	},
	{
		...voiceLocator({ name: 'speechVoiceId', description: 'Must support the starfish engine' }),
		displayOptions: audioFrom('script'),
	},
	{
		displayName: 'Lipsync Options',
		name: 'lipsyncOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Callback ID',
				name: 'callback_id',
				type: 'string',
				default: '',
				description: 'Sent back with the per-job callback, to match it',
			},
			{
				displayName: 'Callback URL',
				name: 'callback_url',
				type: 'string',
				default: '',
				description: 'Gets an (unsigned) POST when the lipsync ends',
			},
			{
				displayName: 'Captions',
				name: 'enable_caption',
				type: 'boolean',
				default: false,
				description: 'Whether to make an SRT caption file (caption_url)',
			},
			{
				displayName: 'Drop Background Music',
				name: 'disable_music_track',
				type: 'boolean',
				default: false,
				description: "Whether to remove the source video's background music",
			},
			{
				displayName: 'Dynamic Duration',
				name: 'enable_dynamic_duration',
				type: 'boolean',
				default: true,
				description: 'Whether the output length may follow the new audio',
			},
			{
				displayName: 'End Time (Seconds)',
				name: 'end_time',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Lip-sync only up to here (with Start Time: only this window)',
			},
			{ displayName: 'Folder ID', name: 'folder_id', type: 'string', default: '' },
			{
				displayName: 'Frame Rate Mode',
				name: 'fps_mode',
				type: 'options',
				options: [
					{ name: 'Constant (CFR)', value: 'cfr' },
					{ name: 'Passthrough', value: 'passthrough' },
					{ name: 'Variable (VFR)', value: 'vfr' },
				],
				default: 'passthrough',
			},
			{
				displayName: 'Keep Source Format',
				name: 'keep_the_same_format',
				type: 'boolean',
				default: false,
				description: "Whether to keep the source video's resolution and bitrate",
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Speed', value: 'speed', description: 'Faster (HeyGen’s default)' },
					{ name: 'Precision', value: 'precision', description: 'Slower, higher quality' },
				],
				default: 'speed',
			},
			{
				displayName: 'Speech Enhancement',
				name: 'enable_speech_enhancement',
				type: 'boolean',
				default: false,
				description: 'Whether to clean up the speech',
			},
			{
				displayName: 'Start Time (Seconds)',
				name: 'start_time',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Lip-sync only from here on',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{
				displayName: 'Watermark',
				name: 'enable_watermark',
				type: 'boolean',
				default: false,
				description: 'Whether to add a HeyGen watermark',
			},
		],
	},
];

export const lipsyncCreateFields: INodeProperties[] = [
	...lipsyncInputFields,
	...jobWaitFields({
		offDescription: 'Return {lipsync_id} at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Lipsyncs take minutes; every check is a request',
		outputLabel: 'lip-synced video',
		webhookResume: 'HeyGen',
	}),
];
