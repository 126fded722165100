/**
 * A generation's request from its fields: everything is checked before any request is sent, and
 * (only then) binaries larger than the multipart limit are uploaded as assets.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { binarySize } from '../../../shared/binary';
import { textPart, type MultipartPart } from '../../../shared/multipart';
import { checkUrl, fieldError, jsonParameter, requiredString } from '../../../shared/parameters';
import type { RequestOptions } from '../../../shared/request';
import { uploadAsset } from '../../assets';
import { buildDubParams } from './dubbing';

/** Multipart up to 20 MB (docs/api/sync.md, "Files"); larger files go through the asset upload flow. */
export const MULTIPART_LIMIT_BYTES = 20 * 1024 * 1024;

export interface GenerationRequest {
	body: IDataObject;
	/** Files that travel in a multipart create (binary inputs up to 20 MB). */
	files: MultipartPart[];
}

function checkInputArray(
	ctx: IExecuteFunctions,
	input: unknown,
	hasSegments: boolean,
	itemIndex: number,
): IDataObject[] {
	if (!Array.isArray(input) || input.length === 0) {
		throw fieldError(ctx, 'Input (JSON) must be a non-empty array of input items', itemIndex);
	}
	const items = input as IDataObject[];
	const videos = items.filter((item) => item.type === 'video' || item.type === 'image').length;
	const sounds = items.filter((item) => item.type === 'audio' || item.type === 'text').length;
	if (videos !== 1) {
		throw fieldError(
			ctx,
			`Input (JSON) must contain exactly one video (found ${videos})`,
			itemIndex,
		);
	}
	if (!hasSegments && sounds !== 1) {
		throw fieldError(
			ctx,
			`Input (JSON) must contain exactly one audio or text item (found ${sounds}); use segments for several`,
			itemIndex,
			'Audio and text-to-speech cannot be combined, and two audio inputs need segments.',
		);
	}
	for (const item of items) {
		if (
			(item.type === 'video' || item.type === 'audio') &&
			Boolean(item.url) === Boolean(item.assetId)
		) {
			throw fieldError(
				ctx,
				`Input (JSON): each ${String(item.type)} item needs exactly one of url or assetId`,
				itemIndex,
			);
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
			throw fieldError(
				ctx,
				`Temperature must be between 0 and 1 (got ${String(raw.temperature)})`,
				itemIndex,
			);
		}
		options.temperature = temperature;
	}
	if (raw.occlusionDetection !== undefined)
		options.occlusion_detection_enabled = raw.occlusionDetection;
	if (raw.modelMode !== undefined) options.model_mode = raw.modelMode;
	if (raw.prompt !== undefined) options.prompt = raw.prompt;
	const speaker: IDataObject = {};
	if (raw.activeSpeakerAutoDetect !== undefined) speaker.auto_detect = raw.activeSpeakerAutoDetect;
	if (raw.activeSpeakerFrameNumber !== undefined)
		speaker.frame_number = raw.activeSpeakerFrameNumber;
	if (raw.activeSpeakerCoordinates) {
		const coordinates = String(raw.activeSpeakerCoordinates)
			.split(',')
			.map((part) => Number(part.trim()));
		if (coordinates.length !== 2 || coordinates.some((value) => !Number.isFinite(value))) {
			throw fieldError(ctx, 'Active Speaker: Coordinates must be "x,y"', itemIndex);
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
	requestOptions: RequestOptions,
	options: { allowBinary: boolean },
): Promise<GenerationRequest> {
	const model = requiredString(ctx, 'model', 'Model', itemIndex);
	const raw = ctx.getNodeParameter('generationOptions', itemIndex, {}) as IDataObject;
	const segments = jsonParameter(ctx, raw.segments, 'Segments (JSON)', itemIndex) as
		IDataObject[] | undefined;
	const hasSegments = Array.isArray(segments) && segments.length > 0;
	const body: IDataObject = { model };
	const generationOptions = buildOptions(ctx, raw, itemIndex);
	if (Object.keys(generationOptions).length > 0) body.options = generationOptions;
	if (hasSegments) body.segments = segments;
	if (raw.outputFileName) {
		const name = String(raw.outputFileName);
		if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
			throw fieldError(
				ctx,
				`Output File Name may only contain letters, digits, _ and - (got "${name}")`,
				itemIndex,
				'Give the base name only: .mp4 is appended by Sync.',
			);
		}
		body.outputFileName = name;
	}
	if (raw.webhookUrl) {
		checkUrl(
			ctx,
			String(raw.webhookUrl),
			'Webhook URL',
			itemIndex,
			'https',
			'Sync only calls HTTPS webhooks.',
		);
		body.webhookUrl = String(raw.webhookUrl);
	}

	const inputMode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') {
		body.input = checkInputArray(
			ctx,
			jsonParameter(ctx, ctx.getNodeParameter('inputJson', itemIndex), 'Input (JSON)', itemIndex),
			hasSegments,
			itemIndex,
		);
		return { body, files: [] };
	}

	const input: IDataObject[] = [];
	const binaries: Array<{ slot: 'video' | 'audio'; property: string; size: number }> = [];
	for (const slot of ['video', 'audio'] as const) {
		const label = slot === 'video' ? 'Video' : 'Audio';
		const source = ctx.getNodeParameter(`${slot}Source`, itemIndex, 'url') as string;
		if (source === 'url')
			input.push({ type: slot, url: requiredString(ctx, `${slot}Url`, `${label} URL`, itemIndex) });
		else if (source === 'asset')
			input.push({
				type: slot,
				assetId: requiredString(ctx, `${slot}AssetId`, `${label} Asset ID`, itemIndex),
			});
		else if (source === 'text') {
			input.push({
				type: 'text',
				provider: {
					name: 'elevenlabs',
					voiceId: requiredString(ctx, 'voiceId', 'Voice', itemIndex),
					script: requiredString(ctx, 'script', 'Script', itemIndex),
				},
			});
		} else if (source === 'dub') {
			// §10.2: the video alone; Sync takes the speech from its audio track.
			body.dubParams = buildDubParams(ctx, itemIndex, hasSegments);
		} else if (source === 'binary') {
			if (!options.allowBinary) {
				throw fieldError(
					ctx,
					`${label} Source "Binary File" is not available here: use a URL or an asset`,
					itemIndex,
				);
			}
			const property = requiredString(
				ctx,
				`${slot}BinaryProperty`,
				`${label} Binary Property`,
				itemIndex,
			);
			try {
				ctx.helpers.assertBinaryData(itemIndex, property);
			} catch {
				throw fieldError(
					ctx,
					`${label} Binary Property: the item has no binary data "${property}"`,
					itemIndex,
					"Name the binary property that holds the file (see the input item's Binary tab).",
				);
			}
			binaries.push({
				slot,
				property,
				size: await binarySize(ctx, ctx.helpers.assertBinaryData(itemIndex, property)),
			});
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
			const asset = await uploadAsset(ctx, itemIndex, binary.property, requestOptions);
			input.push({ type: binary.slot, assetId: asset.id as string });
		}
	}
	body.input = input;
	return { body, files };
}

/** The multipart form of a create (docs/api/sync.md "Endpoints" #2): one `input` part per item, options as JSON strings. */
export function multipartParts(request: GenerationRequest): MultipartPart[] {
	const parts: MultipartPart[] = [textPart('model', String(request.body.model))];
	for (const item of request.body.input as IDataObject[])
		parts.push(textPart('input', JSON.stringify(item)));
	if (request.body.options) parts.push(textPart('options', JSON.stringify(request.body.options)));
	if (request.body.segments)
		parts.push(textPart('segments', JSON.stringify(request.body.segments)));
	if (request.body.webhookUrl) parts.push(textPart('webhookUrl', String(request.body.webhookUrl)));
	if (request.body.outputFileName)
		parts.push(textPart('outputFileName', String(request.body.outputFileName)));
	if (request.body.dubParams)
		parts.push(textPart('dubParams', JSON.stringify(request.body.dubParams)));
	return [...parts, ...request.files];
}
