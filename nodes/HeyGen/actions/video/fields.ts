/** Video → Create's fields (the request is built in request.ts). */
import type { INodeProperties } from 'n8n-workflow';

import { jobWaitFields } from '../../../shared/jobWait';
import { lookLocator, voiceLocator } from '../../methods/locators';

const spoken = { videoType: ['avatar', 'image'] };

export const createFields: INodeProperties[] = [
	{
		displayName: 'Video Type',
		name: 'videoType',
		type: 'options',
		options: [
			{ name: 'Avatar', value: 'avatar', description: 'A HeyGen avatar look speaks' },
			{ name: 'Image', value: 'image', description: 'A photo is animated to speak' },
			{
				name: 'Studio (Several Scenes)',
				value: 'studio',
				description: 'Up to 50 scenes: avatar, image and video scenes',
			},
		],
		default: 'avatar',
	},
	{
		...lookLocator({
			name: 'avatarId',
			description: "The avatar look that speaks: one of yours or HeyGen's",
		}),
		displayOptions: { show: { videoType: ['avatar'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/portrait.png',
		displayOptions: { show: { videoType: ['image'] } },
	},
	{
		displayName: 'Scenes (JSON)',
		name: 'scenes',
		type: 'json',
		default:
			'[\n  {\n    "type": "avatar_video",\n    "input": { "type": "avatar", "avatar_id": "", "script": "Hello!", "voice_id": "" }\n  }\n]',
		description: 'HeyGen studio scenes (1–50): avatar_video, image and video scenes',
		displayOptions: { show: { videoType: ['studio'] } },
	},
	{
		displayName: 'Audio',
		name: 'audioSource',
		type: 'options',
		options: [
			{ name: 'Script (Text to Speech)', value: 'script' },
			{ name: 'Audio URL', value: 'audioUrl' },
			{ name: 'Audio Asset', value: 'audioAssetId' },
		],
		default: 'script',
		displayOptions: { show: spoken },
	},
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'What the avatar says, up to 5,000 characters',
		displayOptions: { show: { ...spoken, audioSource: ['script'] } },
	},
	{
		...voiceLocator({
			required: false,
			description:
				"Required for image videos; avatar videos use the look's default voice when empty",
		}),
		displayOptions: { show: { ...spoken, audioSource: ['script'] } },
	},
	{
		displayName: 'Audio URL',
		name: 'audioUrl',
		type: 'string',
		default: '',
		displayOptions: { show: { ...spoken, audioSource: ['audioUrl'] } },
	},
	{
		displayName: 'Audio Asset ID',
		name: 'audioAssetId',
		type: 'string',
		default: '',
		displayOptions: { show: { ...spoken, audioSource: ['audioAssetId'] } },
	},
	{
		displayName: 'Video Options',
		name: 'videoOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Aspect Ratio',
				name: 'aspect_ratio',
				type: 'options',
				options: ['16:9', '9:16', '1:1', '4:5', '5:4', 'auto'].map((value) => ({
					name: value,
					value,
				})),
				default: '16:9',
			},
			{
				displayName: 'Background Color',
				name: 'backgroundColor',
				type: 'color',
				default: '#ffffff',
				description: 'Not for studio videos or WebM output',
			},
			{
				displayName: 'Background Image URL',
				name: 'backgroundImageUrl',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Burn In Captions',
				name: 'burnCaptions',
				type: 'boolean',
				default: false,
				description: 'Whether to draw the captions into the video',
			},
			{
				displayName: 'Callback ID',
				name: 'callback_id',
				type: 'string',
				default: '',
				description: 'Sent back with the per-video callback, to match it',
			},
			{
				displayName: 'Callback URL',
				name: 'callback_url',
				type: 'string',
				default: '',
				description: 'Gets an (unsigned) POST when the video ends',
			},
			{
				displayName: 'Captions',
				name: 'captions',
				type: 'boolean',
				default: false,
				description: 'Whether to make an SRT subtitle file',
			},
			{
				displayName: 'Engine',
				name: 'engine',
				type: 'options',
				options: [
					{ name: 'Avatar III', value: 'avatar_iii' },
					{ name: 'Avatar IV (Default)', value: 'avatar_iv' },
					{ name: 'Avatar V', value: 'avatar_v' },
				],
				default: 'avatar_iv',
				description: 'Avatar videos only; must be one the look supports',
			},
			{
				displayName: 'Output Format',
				name: 'output_format',
				type: 'options',
				options: [
					{ name: 'MP4', value: 'mp4' },
					{ name: 'WebM (Transparent)', value: 'webm' },
				],
				default: 'mp4',
			},
			{
				displayName: 'Resolution',
				name: 'resolution',
				type: 'options',
				options: [
					{ name: '4K', value: '4k' },
					{ name: '1080p', value: '1080p' },
					{ name: '720p', value: '720p' },
				],
				default: '1080p',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{
				displayName: 'Voice Speed',
				name: 'speed',
				type: 'number',
				typeOptions: { minValue: 0.5, maxValue: 1.5, numberPrecision: 2 },
				default: 1,
			},
		],
	},
	...jobWaitFields({
		offDescription: 'Return {video_id, status} at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Renders take 5–20+ minutes; every check is a request',
		outputLabel: 'video',
		webhookResume: 'HeyGen',
	}),
];
