import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadBinaryTo } from '../../../shared/binary';
import type { TransportOptions } from '../../../shared/transport';
import { socialRequest } from '../../helpers';

export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime', 'video/webm'];

export const description: INodeProperties[] = [
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		required: true,
		default: 'data',
		description: 'Name of the binary property holding the image or video (up to 5 GB)',
		displayOptions: { show: { resource: ['media'], operation: ['upload'] } },
	},
];

/** Presign, then PUT the bytes (streamed, same Content-Type, no key); returns the public URL to use in posts. */
export async function uploadMedia(ctx: IExecuteFunctions, itemIndex: number, propertyName: string, transport: TransportOptions): Promise<IDataObject> {
	let data;
	try {
		data = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Binary Property: the item has no binary data "${propertyName}"`, { itemIndex });
	}
	if (!MEDIA_TYPES.includes(data.mimeType)) {
		throw new NodeOperationError(ctx.getNode(), `SocialSyncer does not take ${data.mimeType} files`, { itemIndex, description: `Supported: ${MEDIA_TYPES.join(', ')}` });
	}
	const filename = data.fileName ?? `upload.${data.fileExtension ?? 'bin'}`;
	const slot = await socialRequest<{ uploadUrl: string; publicUrl: string }>(ctx, { method: 'POST', path: '/v1/media/presign', body: { filename, contentType: data.mimeType }, itemIndex }, transport);
	const uploaded = await uploadBinaryTo(ctx, { url: slot.body.uploadUrl }, { itemIndex, propertyName, serviceName: 'SocialSyncer' });
	return { publicUrl: slot.body.publicUrl, contentType: data.mimeType, size: uploaded.size };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await uploadMedia(this, itemIndex, (this.getNodeParameter('binaryProperty', itemIndex, 'data') as string).trim(), transport);
}
