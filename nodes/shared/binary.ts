/**
 * Files in and out without holding them in memory: downloads stream into n8n's binary data
 * (its filesystem mode writes them to disk as they arrive); uploads stream from it.
 */
import type { IBinaryData, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertSecureUrl } from './credentialAuth';

/**
 * Downloads a presigned output URL into binary data. No credential: output links are
 * signed and must be fetched without the API key.
 */
export async function downloadToBinary(
	ctx: IExecuteFunctions,
	url: string,
	options: { fileName: string; mimeType?: string; itemIndex: number; serviceName: string },
): Promise<IBinaryData> {
	assertSecureUrl(url, `${options.serviceName} download`);
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 10 * 60_000,
	})) as { statusCode: number; headers: Record<string, string>; body: NodeJS.ReadableStream & { resume(): void } };
	if (response.statusCode < 200 || response.statusCode >= 300) {
		response.body.resume();
		throw new NodeOperationError(
			ctx.getNode(),
			`${options.serviceName}: downloading the output failed (HTTP ${response.statusCode})`,
			{ itemIndex: options.itemIndex, description: 'Output links expire: get the job again for a fresh link.' },
		);
	}
	const mimeType = options.mimeType ?? response.headers['content-type']?.split(';')[0];
	return await ctx.helpers.prepareBinaryData(response.body as never, options.fileName, mimeType);
}

/** Streams an item's binary property to a presigned upload URL (no API key). */
export async function uploadBinaryTo(
	ctx: IExecuteFunctions,
	target: { url: string; method?: IHttpRequestMethods; headers?: Record<string, string> },
	binary: { itemIndex: number; propertyName: string; serviceName: string },
): Promise<{ size: number; mimeType: string; fileName?: string }> {
	const data = ctx.helpers.assertBinaryData(binary.itemIndex, binary.propertyName);
	assertSecureUrl(target.url, `${binary.serviceName} upload`);
	const metadata = data.id ? await ctx.helpers.getBinaryMetadata(data.id) : undefined;
	const size = metadata?.fileSize ?? Buffer.byteLength(data.data, 'base64');
	const body = data.id ? await ctx.helpers.getBinaryStream(data.id) : await ctx.helpers.getBinaryDataBuffer(binary.itemIndex, binary.propertyName);
	const response = (await ctx.helpers.httpRequest({
		method: target.method ?? 'PUT',
		url: target.url,
		body,
		headers: { 'content-type': data.mimeType, 'content-length': String(size), ...(target.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30 * 60_000,
	})) as { statusCode: number };
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new NodeOperationError(ctx.getNode(), `${binary.serviceName}: uploading the file failed (HTTP ${response.statusCode})`, {
			itemIndex: binary.itemIndex,
			description: 'Upload links expire after a while: run the item again to get a fresh one.',
		});
	}
	return { size, mimeType: data.mimeType, fileName: data.fileName };
}
