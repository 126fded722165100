/**
 * The inputs of a generation (video, audio or text-to-speech) and its options, shared by
 * Create and Estimate Cost. Everything is checked before any request is sent.
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MultipartPart } from '../../../shared/multipart';
import type { TransportOptions } from '../../../shared/transport';
import { binarySize, uploadAsset } from '../../assets';
import { assertWebhookUrl, requireText } from '../../helpers';

/** §8: multipart up to 20 MB; larger files go through the asset upload flow. */
export const MULTIPART_LIMIT_BYTES = 20 * 1024 * 1024;

/** The model dropdown, filled from GET /v2/models. */
export function modelField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Model Name or ID',
		name: 'model',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getModels' },
		required: true,
		default: 'lipsync-2',
		displayOptions,
		description: 'The lip-sync model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export function generationInputFields(displayOptions: IDisplayOptions, options: { allowBinary: boolean }): INodeProperties[] {
	const show = displayOptions.show ?? {};
	const sources = (extra: Array<{ name: string; value: string; description: string }>) => [
		{ name: 'URL', value: 'url', description: 'A public URL Sync can fetch' },
		{ name: 'Asset', value: 'asset', description: 'An asset already in your Sync library' },
		...(options.allowBinary ? [{ name: 'Binary File', value: 'binary', description: "A file in this item's binary data" }] : []),
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
						description: 'Name of the binary property holding the file. Files up to 20 MB are sent with the request, larger ones are uploaded as assets first.',
						displayOptions: { show: { ...show, inputMode: ['fields'], [`${slot}Source`]: ['binary'] } },
					},
				]
			: [];
	const fields: INodeProperties[] = [
		modelField(displayOptions),
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'One video and one audio or text, set below' },
				{ name: 'JSON', value: 'json', description: 'The raw `input` array of the API (for segments and several audio inputs)' },
			],
			default: 'fields',
			displayOptions,
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
			displayName: 'Video Asset ID',
			name: 'videoAssetId',
			type: 'string',
			default: '',
			displayOptions: { show: { ...show, inputMode: ['fields'], videoSource: ['asset'] } },
		},
		...binaryField('video', 'data'),
		{
			displayName: 'Audio Source',
			name: 'audioSource',
			type: 'options',
			options: sources([{ name: 'Text to Speech', value: 'text', description: 'Speak a script with an ElevenLabs or cloned voice' }]),
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
			displayName: 'Audio Asset ID',
			name: 'audioAssetId',
			type: 'string',
			default: '',
			displayOptions: { show: { ...show, inputMode: ['fields'], audioSource: ['asset'] } },
		},
		...binaryField('audio', 'audio'),
		{
			displayName: 'Voice ID',
			name: 'voiceId',
			type: 'string',
			default: '',
			description: 'A Sync cloned voice or an ElevenLabs voice ID',
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
		{
			displayName: 'Input (JSON)',
			name: 'inputJson',
			type: 'json',
			default: '[\n  { "type": "video", "url": "https://example.com/video.mp4" },\n  { "type": "audio", "url": "https://example.com/audio.mp3" }\n]',
			description: 'The `input` array: one video plus exactly one audio or text item (several with segments)',
			displayOptions: { show: { ...show, inputMode: ['json'] } },
		},
		{
			displayName: 'Generation Options',
			name: 'generationOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions,
			options: [
				{
					displayName: 'Active Speaker: Auto Detect',
					name: 'activeSpeakerAutoDetect',
					type: 'boolean',
					default: true,
					description: 'Whether Sync should find the speaking face itself (for videos with several faces)',
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
					options: ['angry', 'disgusted', 'happy', 'neutral', 'sad', 'surprised'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
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
					description: 'Lip-sync only parts of the video: [{startTime, endTime, audioInput: {refId}}]',
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
					description: 'HTTPS URL Sync calls once when the generation ends (e.g. a Sync Trigger URL)',
				},
			],
		},
	];
	return fields;
}

export interface GenerationRequest {
	body: IDataObject;
	/** Files that travel in a multipart create (binary inputs up to 20 MB). */
	files: MultipartPart[];
}

function parseJsonParameter(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON`, { itemIndex });
	}
}

function checkInputArray(ctx: IExecuteFunctions, input: unknown, hasSegments: boolean, itemIndex: number): IDataObject[] {
	if (!Array.isArray(input) || input.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Input (JSON) must be a non-empty array of input items', { itemIndex });
	}
	const items = input as IDataObject[];
	const videos = items.filter((item) => item.type === 'video' || item.type === 'image').length;
	const sounds = items.filter((item) => item.type === 'audio' || item.type === 'text').length;
	if (videos !== 1) {
		throw new NodeOperationError(ctx.getNode(), `Input (JSON) must contain exactly one video (found ${videos})`, { itemIndex });
	}
	if (!hasSegments && sounds !== 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Input (JSON) must contain exactly one audio or text item (found ${sounds}); use segments for several`,
			{ itemIndex, description: 'Audio and text-to-speech cannot be combined, and two audio inputs need segments.' },
		);
	}
	for (const item of items) {
		if ((item.type === 'video' || item.type === 'audio') && Boolean(item.url) === Boolean(item.assetId)) {
			throw new NodeOperationError(ctx.getNode(), `Input (JSON): each ${String(item.type)} item needs exactly one of url or assetId`, { itemIndex });
		}
	}
	return items;
}

function buildOptions(ctx: IExecuteFunctions, raw: IDataObject, itemIndex: number): IDataObject {
	const options: IDataObject = {};
	if (raw.syncMode !== undefined) options.sync_mode = raw.syncMode;
	if (raw.temperature !== undefined) {
		const temperature = Number(raw.temperature);
		if (!(temperature >= 0 && temperature <= 1)) {
			throw new NodeOperationError(ctx.getNode(), `Temperature must be between 0 and 1 (got ${String(raw.temperature)})`, { itemIndex });
		}
		options.temperature = temperature;
	}
	if (raw.occlusionDetection !== undefined) options.occlusion_detection_enabled = raw.occlusionDetection;
	if (raw.modelMode !== undefined) options.model_mode = raw.modelMode;
	if (raw.prompt !== undefined) options.prompt = raw.prompt;
	const speaker: IDataObject = {};
	if (raw.activeSpeakerAutoDetect !== undefined) speaker.auto_detect = raw.activeSpeakerAutoDetect;
	if (raw.activeSpeakerFrameNumber !== undefined) speaker.frame_number = raw.activeSpeakerFrameNumber;
	if (raw.activeSpeakerCoordinates) {
		const coordinates = String(raw.activeSpeakerCoordinates).split(',').map((part) => Number(part.trim()));
		if (coordinates.length !== 2 || coordinates.some((value) => !Number.isFinite(value))) {
			throw new NodeOperationError(ctx.getNode(), 'Active Speaker: Coordinates must be "x,y"', { itemIndex });
		}
		speaker.coordinates = coordinates;
	}
	if (Object.keys(speaker).length > 0) options.active_speaker_detection = speaker;
	return options;
}

/**
 * Reads and checks the fields, then (only then) uploads binaries larger than the multipart
 * limit as assets. Small binaries come back as multipart files.
 */
export async function buildGenerationRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	transport: TransportOptions,
	options: { allowBinary: boolean },
): Promise<GenerationRequest> {
	const model = requireText(ctx, 'model', 'Model', itemIndex);
	const raw = ctx.getNodeParameter('generationOptions', itemIndex, {}) as IDataObject;
	const segments = parseJsonParameter(ctx, raw.segments, 'Segments (JSON)', itemIndex) as IDataObject[] | undefined;
	const hasSegments = Array.isArray(segments) && segments.length > 0;
	const body: IDataObject = { model };
	const generationOptions = buildOptions(ctx, raw, itemIndex);
	if (Object.keys(generationOptions).length > 0) body.options = generationOptions;
	if (hasSegments) body.segments = segments;
	if (raw.outputFileName) {
		const name = String(raw.outputFileName);
		if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
			throw new NodeOperationError(ctx.getNode(), `Output File Name may only contain letters, digits, _ and - (got "${name}")`, {
				itemIndex,
				description: 'Give the base name only: .mp4 is appended by Sync.',
			});
		}
		body.outputFileName = name;
	}
	if (raw.webhookUrl) {
		assertWebhookUrl(ctx, String(raw.webhookUrl), itemIndex, 'Webhook URL');
		body.webhookUrl = String(raw.webhookUrl);
	}

	const inputMode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') {
		body.input = checkInputArray(ctx, parseJsonParameter(ctx, ctx.getNodeParameter('inputJson', itemIndex), 'Input (JSON)', itemIndex), hasSegments, itemIndex);
		return { body, files: [] };
	}

	const input: IDataObject[] = [];
	const binaries: Array<{ slot: 'video' | 'audio'; property: string; size: number }> = [];
	for (const slot of ['video', 'audio'] as const) {
		const label = slot === 'video' ? 'Video' : 'Audio';
		const source = ctx.getNodeParameter(`${slot}Source`, itemIndex, 'url') as string;
		if (source === 'url') input.push({ type: slot, url: requireText(ctx, `${slot}Url`, `${label} URL`, itemIndex) });
		else if (source === 'asset') input.push({ type: slot, assetId: requireText(ctx, `${slot}AssetId`, `${label} Asset ID`, itemIndex) });
		else if (source === 'text') {
			input.push({
				type: 'text',
				provider: {
					name: 'elevenlabs',
					voiceId: requireText(ctx, 'voiceId', 'Voice ID', itemIndex),
					script: requireText(ctx, 'script', 'Script', itemIndex),
				},
			});
		} else if (source === 'binary') {
			if (!options.allowBinary) {
				throw new NodeOperationError(ctx.getNode(), `${label} Source "Binary File" is not available here: use a URL or an asset`, { itemIndex });
			}
			const property = requireText(ctx, `${slot}BinaryProperty`, `${label} Binary Property`, itemIndex);
			try {
				ctx.helpers.assertBinaryData(itemIndex, property);
			} catch {
				throw new NodeOperationError(ctx.getNode(), `${label} Binary Property: the item has no binary data "${property}"`, {
					itemIndex,
					description: 'Name the binary property that holds the file (see the input item\'s Binary tab).',
				});
			}
			binaries.push({ slot, property, size: await binarySize(ctx, itemIndex, property) });
		}
	}

	const files: MultipartPart[] = [];
	const multipartTotal = binaries.reduce((sum, binary) => sum + binary.size, 0);
	for (const binary of binaries) {
		if (multipartTotal <= MULTIPART_LIMIT_BYTES) {
			const data = ctx.helpers.assertBinaryData(itemIndex, binary.property);
			files.push({
				name: binary.slot,
				fileName: data.fileName ?? `${binary.slot}.${data.fileExtension ?? 'bin'}`,
				contentType: data.mimeType,
				data: await ctx.helpers.getBinaryDataBuffer(itemIndex, binary.property),
			});
		} else {
			const asset = await uploadAsset(ctx, itemIndex, binary.property, transport);
			input.push({ type: binary.slot, assetId: asset.id as string });
		}
	}
	body.input = input;
	return { body, files };
}

/** The multipart form of a create (§2 #2): one `input` part per item, options as JSON strings. */
export function multipartParts(request: GenerationRequest): MultipartPart[] {
	const parts: MultipartPart[] = [{ name: 'model', value: String(request.body.model) }];
	for (const item of request.body.input as IDataObject[]) parts.push({ name: 'input', value: JSON.stringify(item) });
	if (request.body.options) parts.push({ name: 'options', value: JSON.stringify(request.body.options) });
	if (request.body.segments) parts.push({ name: 'segments', value: JSON.stringify(request.body.segments) });
	if (request.body.webhookUrl) parts.push({ name: 'webhookUrl', value: String(request.body.webhookUrl) });
	if (request.body.outputFileName) parts.push({ name: 'outputFileName', value: String(request.body.outputFileName) });
	return [...parts, ...request.files];
}
