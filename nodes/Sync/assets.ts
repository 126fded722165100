/** The three-step asset upload (docs/api/sync.md, "Files"): presign → PUT the bytes (streamed, no key) → register. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { binarySize, uploadBinaryTo } from '../shared/binary';
import type { RequestOptions } from '../shared/request';
import { syncRequest } from './helpers';

export async function uploadAsset(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	requestOptions: RequestOptions,
	name?: string,
): Promise<IDataObject> {
	const data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const size = await binarySize(ctx, data);
	const fileName = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	const slot = await syncRequest<{ uploadUrl: string; url: string }>(
		ctx,
		{
			method: 'POST',
			path: '/v2/assets/upload',
			body: { fileName, contentType: data.mimeType, size },
			itemIndex,
		},
		requestOptions,
	);
	await uploadBinaryTo(
		ctx,
		{ url: slot.body.uploadUrl },
		{ itemIndex, propertyName, serviceName: 'Sync' },
	);
	const asset = await syncRequest(
		ctx,
		{
			method: 'POST',
			path: '/v2/assets',
			body: { url: slot.body.url, name: name ?? fileName },
			itemIndex,
		},
		requestOptions,
	);
	return asset.body;
}
