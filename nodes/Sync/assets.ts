/** The three-step asset upload (§6): presign → PUT the bytes (streamed, no key) → register. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uploadBinaryTo } from '../shared/binary';
import type { TransportOptions } from '../shared/transport';
import { syncRequest } from './helpers';

export async function binarySize(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<number> {
	const data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	if (data.id) return (await ctx.helpers.getBinaryMetadata(data.id)).fileSize;
	return Buffer.byteLength(data.data, 'base64');
}

export async function uploadAsset(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	transport: TransportOptions,
	name?: string,
): Promise<IDataObject> {
	const data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const size = await binarySize(ctx, itemIndex, propertyName);
	const fileName = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	const slot = await syncRequest<{ uploadUrl: string; url: string }>(
		ctx,
		{ method: 'POST', path: '/v2/assets/upload', body: { fileName, contentType: data.mimeType, size }, itemIndex },
		transport,
	);
	await uploadBinaryTo(ctx, { url: slot.body.uploadUrl }, { itemIndex, propertyName, serviceName: 'Sync' });
	const asset = await syncRequest(
		ctx,
		{ method: 'POST', path: '/v2/assets', body: { url: slot.body.url, ...(name ? { name } : { name: fileName }) }, itemIndex },
		transport,
	);
	return asset.body;
}
