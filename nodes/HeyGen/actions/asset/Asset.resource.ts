import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBinaryHead, uploadBinaryTo } from '../../../shared/binary';
import { detectFileType, FILE_HEAD_BYTES } from '../../../shared/fileType';
import { buildMultipart } from '../../../shared/multipart';
import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, idField, listAll, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';

/** §2.5: what POST /v3/assets accepts (HeyGen sniffs the type from the bytes), MOV beside MP4. */
const HEYGEN_FILE_TYPES = ['image/png', 'image/jpeg', 'video/mp4', 'video/quicktime', 'video/webm', 'audio/mpeg', 'audio/wav', 'application/pdf', 'application/x-subrip'];
export const DIRECT_LIMIT = 32 * 1024 * 1024;

export const assetDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete an asset', action: 'Delete an asset' },
			{ name: 'Get', value: 'get', description: 'Get an asset', action: 'Get an asset' },
			{ name: 'List', value: 'list', description: "List a user's assets", action: 'List assets' },
			{ name: 'Upload', value: 'upload', description: 'Upload a binary file (streamed above 32 MB)', action: 'Upload an asset' },
		],
		default: 'upload',
	},
	idField('asset', ['get', 'delete'], 'assetId', 'Asset ID'),
	{ displayName: 'Binary Property', name: 'binaryProperty', type: 'string', required: true, default: 'data', displayOptions: { show: { resource: ['asset'], operation: ['upload'] } } },
	{ displayName: 'Username', name: 'username', type: 'string', required: true, default: '', description: 'The owner (User → Get Current gives yours)', displayOptions: { show: { resource: ['asset'], operation: ['list'] } } },
	...returnAllAndLimit('asset', 'list', 1000, 20),
];

/**
 * Checks, before anything is sent, that the item has this binary property and that its bytes are a
 * type HeyGen takes; answers that type (the label the binary came with is not trusted).
 */
export async function assertUploadable(ctx: IExecuteFunctions, itemIndex: number, property: string, label: string): Promise<{ data: IBinaryData; mimeType: string }> {
	let data: IBinaryData;
	try {
		data = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${label}: the item has no binary data "${property}"`, { itemIndex });
	}
	const detected = detectFileType(await readBinaryHead(ctx, itemIndex, property, FILE_HEAD_BYTES));
	if (!detected || !HEYGEN_FILE_TYPES.includes(detected.mimeType)) {
		const name = data.fileName ?? property;
		throw new NodeOperationError(ctx.getNode(), `${label}: "${name}" is not a file type HeyGen takes`, {
			itemIndex,
			description: `Its bytes ${detected ? `are a ${detected.label}` : 'match no supported type'} (labelled ${data.mimeType}). HeyGen takes PNG, JPEG, MP4/MOV, WebM, MP3, WAV, PDF and SRT files.`,
		});
	}
	return { data, mimeType: detected.mimeType };
}

/** Up to 32 MB: POST /v3/assets multipart `file`. Above: direct-uploads → PUT (streamed, headers verbatim, no key) → complete. */
export async function uploadAsset(ctx: IExecuteFunctions, itemIndex: number, property: string, transport: TransportOptions, label = 'Binary Property'): Promise<IDataObject> {
	return await upload.call(ctx, itemIndex, transport, property, label);
}

export async function upload(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions, propertyName?: string, label = 'Binary Property'): Promise<IDataObject> {
	const property = propertyName ?? requiredString(this, 'binaryProperty', 'Binary Property', itemIndex);
	const { data, mimeType } = await assertUploadable(this, itemIndex, property, label);
	const size = data.id ? (await this.helpers.getBinaryMetadata(data.id)).fileSize : Buffer.byteLength(data.data, 'base64');
	const filename = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	if (size <= DIRECT_LIMIT) {
		const form = buildMultipart([{ name: 'file', fileName: filename, contentType: mimeType, data: await this.helpers.getBinaryDataBuffer(itemIndex, property) }]);
		const response = await heyGenRequest(this, { method: 'POST', path: '/v3/assets', rawBody: form.body, contentType: form.contentType, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'asset'), itemIndex }, transport);
		return unwrapData<IDataObject>(response.body);
	}
	const slot = unwrapData<{ asset_id: string; upload_url: string; upload_headers?: Record<string, string> }>(
		(await heyGenRequest(this, { method: 'POST', path: '/v3/assets/direct-uploads', body: { filename, content_type: mimeType, size_bytes: size }, itemIndex }, transport)).body,
	);
	await uploadBinaryTo(this, { url: slot.upload_url, headers: slot.upload_headers }, { itemIndex, propertyName: property, serviceName: 'HeyGen' });
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path: `/v3/assets/${slot.asset_id}/complete`, body: {}, itemIndex }, transport)).body);
}

export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/assets/${encodeURIComponent(requiredString(this, 'assetId', 'Asset ID', itemIndex))}`, itemIndex, transport);
}

export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/assets', { username: requiredString(this, 'username', 'Username', itemIndex) }, itemIndex, transport, 100);
}

export async function remove(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'assetId', 'Asset ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/assets/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}
