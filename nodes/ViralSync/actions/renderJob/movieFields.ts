/** The fields of a render job's movie definition: size presets, scenes and layers, or the movie as JSON. */
import type { INodeProperties } from 'n8n-workflow';

/** The size presets of the movie definition, all 30 fps. */
export const SIZE_PRESETS: Record<string, [number, number]> = {
	'3840x2160': [3840, 2160],
	'1920x1080': [1920, 1080],
	'1280x720': [1280, 720],
	'1080x1920': [1080, 1920],
	'1080x1080': [1080, 1080],
};

export const movieFields: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'proj_abc123',
		description: 'From ViralSync Dashboard → Projects (the API cannot list projects)',
	},
	{
		displayName: 'Movie Source',
		name: 'movieSource',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Title, size, scenes and layers set below' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A complete movie definition (e.g. a stored template with expressions)',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Movie (JSON)',
		name: 'movieJson',
		type: 'json',
		default:
			'{\n  "title": "My video",\n  "width": 1920,\n  "height": 1080,\n  "fps": 30,\n  "scenes": [\n    { "id": "intro", "duration": 5, "backgroundColor": "#000000", "layers": [] }\n  ]\n}',
		displayOptions: { show: { movieSource: ['json'] } },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'Untitled Movie',
		displayOptions: { show: { movieSource: ['fields'] } },
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'options',
		options: [
			{ name: '1080 × 1080 (Square)', value: '1080x1080' },
			{ name: '1080 × 1920 (Reels / TikTok)', value: '1080x1920' },
			{ name: '1280 × 720 (720p, X)', value: '1280x720' },
			{ name: '1920 × 1080 (1080p)', value: '1920x1080' },
			{ name: '3840 × 2160 (4K)', value: '3840x2160' },
			{ name: 'Custom', value: 'custom' },
		],
		default: '1920x1080',
		displayOptions: { show: { movieSource: ['fields'] } },
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: 360, maxValue: 3840 },
		default: 1920,
		displayOptions: { show: { movieSource: ['fields'], size: ['custom'] } },
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: 360, maxValue: 2160 },
		default: 1080,
		displayOptions: { show: { movieSource: ['fields'], size: ['custom'] } },
	},
	{
		displayName: 'FPS',
		name: 'fps',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60 },
		default: 30,
		displayOptions: { show: { movieSource: ['fields'] } },
	},
	{
		displayName: 'Scenes',
		name: 'scenes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add scene',
		default: {},
		description: 'Rendered in parallel; the video keeps this order',
		displayOptions: { show: { movieSource: ['fields'] } },
		options: [
			{
				displayName: 'Scene',
				name: 'scene',
				values: [
					{
						displayName: 'Scene ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Unique in the movie; identical scenes reuse cached renders',
					},
					{
						displayName: 'Duration (Seconds)',
						name: 'duration',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 5,
					},
					{
						displayName: 'Background Color',
						name: 'backgroundColor',
						type: 'color',
						default: '#000000',
					},
					{
						displayName: 'Layers',
						name: 'layers',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						placeholder: 'Add layer',
						default: {},
						options: [
							{
								displayName: 'Layer',
								name: 'layer',
								values: [
									{
										displayName: 'Type',
										name: 'type',
										type: 'options',
										options: [
											{ name: 'Audio', value: 'audio' },
											{ name: 'Image', value: 'image' },
											{ name: 'Text', value: 'text' },
											{ name: 'Video', value: 'video' },
										],
										default: 'video',
									},
									{
										displayName: 'Source URL',
										name: 'src',
										type: 'string',
										default: '',
										description: 'Public URL of the media (video, image, audio layers)',
									},
									{
										displayName: 'Text',
										name: 'text',
										type: 'string',
										default: '',
										description: 'For text layers',
									},
									{
										displayName: 'More Settings (JSON)',
										name: 'extra',
										type: 'json',
										default: '{}',
										description: 'Other layer keys, passed as they are',
									},
								],
							},
						],
					},
				],
			},
		],
	},
];
