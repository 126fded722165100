/** Uploading an item's binary data as a HeyGen asset (Asset → Upload, and the files of avatar and voice creates). */
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { binarySize, readBinaryHead, uploadBinaryTo } from '../shared/binary';
import { detectFileType, FILE_HEAD_BYTES } from '../shared/fileType';
import { idempotencyKeyFor } from '../shared/idempotency';
import { buildMultipart } from '../shared/multipart';
import { fieldError } from '../shared/parameters';
import type { RequestOptions } from '../shared/request';
import { heyGenRequest } from './helpers';
import { unwrapData } from './service';

/** What POST /v3/assets accepts (HeyGen sniffs the type from the bytes), MOV beside MP4 (docs/api/heygen.md, "Files"). */
const HEYGEN_FILE_TYPES = [
	'image/png',
	'image/jpeg',
	'video/mp4',
	'video/quicktime',
	'video/webm',
	'audio/mpeg',
	'audio/wav',
	'application/pdf',
	'application/x-subrip',
];
export const DIRECT_LIMIT = 32 * 1024 * 1024;

/**
 * Checks, before anything is sent, that the item has this binary property and that its bytes are a
 * type HeyGen takes; answers that type (the label the binary came with is not trusted).
 */
export async function assertUploadable(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	label: string,
): Promise<{ data: IBinaryData; mimeType: string }> {
	let data: IBinaryData;
	try {
		data = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		throw fieldError(ctx, `${label}: the item has no binary data "${property}"`, itemIndex);
	}
	const detected = detectFileType(await readBinaryHead(ctx, itemIndex, property, FILE_HEAD_BYTES));
	if (!detected || !HEYGEN_FILE_TYPES.includes(detected.mimeType)) {
		const name = data.fileName ?? property;
		throw fieldError(
			ctx,
			`${label}: "${name}" is not a file type HeyGen takes`,
			itemIndex,
			`Its bytes ${detected ? `are a ${detected.label}` : 'match no supported type'} (labelled ${data.mimeType}). HeyGen takes PNG, JPEG, MP4/MOV, WebM, MP3, WAV, PDF and SRT files.`,
		);
	}
	return { data, mimeType: detected.mimeType };
}

/** Up to 32 MB: POST /v3/assets multipart `file`. Above: direct-uploads → PUT (streamed, headers verbatim, no key) → complete. */
export async function uploadAsset(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	requestOptions: RequestOptions,
	label = 'Binary Property',
	/** Tells apart two uploads of one item (their Idempotency-Keys), e.g. Lipsync's video and audio. */
	purpose = 'asset',
): Promise<IDataObject> {
	const { data, mimeType } = await assertUploadable(ctx, itemIndex, property, label);
	const size = await binarySize(ctx, data);
	const filename = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	if (size <= DIRECT_LIMIT) {
		const form = buildMultipart([
			{
				name: 'file',
				fileName: filename,
				contentType: mimeType,
				data: await ctx.helpers.getBinaryDataBuffer(itemIndex, property),
			},
		]);
		const response = await heyGenRequest(
			ctx,
			{
				method: 'POST',
				path: '/v3/assets',
				rawBody: form.body,
				contentType: form.contentType,
				idempotencyKey: idempotencyKeyFor(ctx, itemIndex, purpose),
				itemIndex,
			},
			requestOptions,
		);
		return unwrapData<IDataObject>(response.body);
	}
	const slot = unwrapData<{
		asset_id: string;
		upload_url: string;
		upload_headers?: Record<string, string>;
	}>(
		(
			await heyGenRequest(
				ctx,
				{
					method: 'POST',
					path: '/v3/assets/direct-uploads',
					body: { filename, content_type: mimeType, size_bytes: size },
					itemIndex,
				},
				requestOptions,
			)
		).body,
	);
	await uploadBinaryTo(
		ctx,
		{ url: slot.upload_url, headers: slot.upload_headers },
		{ itemIndex, propertyName: property, serviceName: 'HeyGen' },
	);
	return unwrapData<IDataObject>(
		(
			await heyGenRequest(
				ctx,
				{ method: 'POST', path: `/v3/assets/${slot.asset_id}/complete`, body: {}, itemIndex },
				requestOptions,
			)
		).body,
	);
}
