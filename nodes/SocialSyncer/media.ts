/** Media for posts: presign, then PUT the bytes (streamed, same Content-Type, no key). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uploadBinaryTo } from '../shared/binary';
import { fieldError } from '../shared/parameters';
import type { RequestOptions } from '../shared/request';
import { socialRequest } from './helpers';

export const MEDIA_TYPES = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/gif',
	'video/mp4',
	'video/quicktime',
	'video/webm',
];

/** Uploads one binary property; answers the public URL to use in posts. */
export async function uploadMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	requestOptions: RequestOptions,
): Promise<IDataObject> {
	let data;
	try {
		data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	} catch {
		throw fieldError(
			ctx,
			`Binary Property: the item has no binary data "${propertyName}"`,
			itemIndex,
		);
	}
	if (!MEDIA_TYPES.includes(data.mimeType)) {
		throw fieldError(
			ctx,
			`SocialSyncer does not take ${data.mimeType} files`,
			itemIndex,
			`Supported: ${MEDIA_TYPES.join(', ')}`,
		);
	}
	const filename = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	const slot = await socialRequest<{ uploadUrl: string; publicUrl: string }>(
		ctx,
		{
			method: 'POST',
			path: '/v1/media/presign',
			body: { filename, contentType: data.mimeType },
			itemIndex,
		},
		requestOptions,
	);
	const uploaded = await uploadBinaryTo(
		ctx,
		{ url: slot.body.uploadUrl },
		{ itemIndex, propertyName, serviceName: 'SocialSyncer' },
	);
	return { publicUrl: slot.body.publicUrl, contentType: data.mimeType, size: uploaded.size };
}
