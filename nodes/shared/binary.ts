/**
 * Files in and out without holding them in memory: downloads stream into n8n's binary data
 * (its filesystem mode writes them to disk as they arrive); uploads stream from it.
 */
import type { IBinaryData, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertSecureUrl } from './credentialAuth';

const TYPE_BY_EXTENSION: Record<string, string> = {
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	png: 'image/png',
	jpg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	pdf: 'application/pdf',
	srt: 'application/x-subrip',
	vtt: 'text/vtt',
	json: 'application/json',
};
const EXTENSION_BY_TYPE: Record<string, string> = {
	...Object.fromEntries(
		Object.entries(TYPE_BY_EXTENSION).map(([extension, type]) => [type, extension]),
	),
	'image/jpg': 'jpg',
	'audio/mp3': 'mp3',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
};
/** Labels that say nothing about the file. */
const UNSPECIFIC_TYPES = new Set([
	'application/octet-stream',
	'binary/octet-stream',
	'application/binary',
	'',
]);

/**
 * The file's type and name: the type the response declares when it says something, else the one
 * the job kind's file name implies; the name's extension follows the type.
 */
export function outputFileType(
	defaultFileName: string,
	contentType: string | undefined,
): { fileName: string; mimeType: string } {
	const declared = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const dot = defaultFileName.lastIndexOf('.');
	const base = dot > 0 ? defaultFileName.slice(0, dot) : defaultFileName;
	const defaultExtension = dot > 0 ? defaultFileName.slice(dot + 1).toLowerCase() : '';
	if (!UNSPECIFIC_TYPES.has(declared)) {
		const extension = EXTENSION_BY_TYPE[declared];
		const keepName =
			!extension || TYPE_BY_EXTENSION[defaultExtension] === TYPE_BY_EXTENSION[extension];
		return { fileName: keepName ? defaultFileName : `${base}.${extension}`, mimeType: declared };
	}
	return {
		fileName: defaultFileName,
		mimeType: TYPE_BY_EXTENSION[defaultExtension] ?? 'application/octet-stream',
	};
}

/**
 * Downloads a presigned output URL into binary data. No credential: output links are
 * signed and must be fetched without the API key. `fileName` carries the job kind's usual
 * extension (`.mp4`, `.mp3`, `.png`); the response's Content-Type wins where it is specific.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions,
	url: string,
	options: { fileName: string; itemIndex: number; serviceName: string },
): Promise<IBinaryData> {
	assertSecureUrl(url, `${options.serviceName} download`);
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 10 * 60_000,
	})) as {
		statusCode: number;
		headers: Record<string, string>;
		body: NodeJS.ReadableStream & { resume(): void };
	};
	if (response.statusCode < 200 || response.statusCode >= 300) {
		response.body.resume();
		throw new NodeOperationError(
			ctx.getNode(),
			`${options.serviceName}: downloading the output failed (HTTP ${response.statusCode})`,
			{
				itemIndex: options.itemIndex,
				description: 'Output links expire: get the job again for a fresh link.',
			},
		);
	}
	const { fileName, mimeType } = outputFileType(options.fileName, response.headers['content-type']);
	return await ctx.helpers.prepareBinaryData(response.body as never, fileName, mimeType);
}

/** A binary's size in bytes, from n8n's metadata (filesystem mode) or from its base64 data. */
export async function binarySize(ctx: IExecuteFunctions, data: IBinaryData): Promise<number> {
	if (data.id) return (await ctx.helpers.getBinaryMetadata(data.id)).fileSize;
	return Buffer.byteLength(data.data, 'base64');
}

/** Streams an item's binary property to a presigned upload URL (no API key). */
export async function uploadBinaryTo(
	ctx: IExecuteFunctions,
	target: { url: string; method?: IHttpRequestMethods; headers?: Record<string, string> },
	binary: { itemIndex: number; propertyName: string; serviceName: string },
): Promise<{ size: number; mimeType: string; fileName?: string }> {
	const data = ctx.helpers.assertBinaryData(binary.itemIndex, binary.propertyName);
	assertSecureUrl(target.url, `${binary.serviceName} upload`);
	const size = await binarySize(ctx, data);
	const body = data.id
		? await ctx.helpers.getBinaryStream(data.id)
		: await ctx.helpers.getBinaryDataBuffer(binary.itemIndex, binary.propertyName);
	const response = (await ctx.helpers.httpRequest({
		method: target.method ?? 'PUT',
		url: target.url,
		body,
		headers: {
			'content-type': data.mimeType,
			'content-length': String(size),
			...(target.headers ?? {}),
		},
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30 * 60_000,
	})) as { statusCode: number };
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${binary.serviceName}: uploading the file failed (HTTP ${response.statusCode})`,
			{
				itemIndex: binary.itemIndex,
				description: 'Upload links expire after a while: run the item again to get a fresh one.',
			},
		);
	}
	return { size, mimeType: data.mimeType, fileName: data.fileName };
}

/** The first `bytes` bytes of an item's binary property, read without loading the whole file. */
export async function readBinaryHead(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	bytes: number,
): Promise<Buffer> {
	const data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	if (!data.id) {
		// In-memory binaries are base64: 4 characters hold 3 bytes.
		return Buffer.from(data.data.slice(0, Math.ceil(bytes / 3) * 4), 'base64').subarray(0, bytes);
	}
	const stream = (await ctx.helpers.getBinaryStream(data.id, bytes)) as NodeJS.ReadableStream & {
		destroy(): void;
	};
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream) {
		const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		chunks.push(piece);
		length += piece.length;
		if (length >= bytes) break;
	}
	stream.destroy();
	return Buffer.concat(chunks).subarray(0, bytes);
}
