import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { uploadAsset } from '../../assets';

const show = { resource: ['asset'], operation: ['upload'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		required: true,
		default: 'data',
		description: 'Name of the binary property holding the file (video, audio or image, up to 5 GB)',
		displayOptions: { show },
	},
	{
		displayName: 'Asset Name',
		name: 'assetName',
		type: 'string',
		default: '',
		description: 'Name shown in the Sync library; the file name when empty',
		displayOptions: { show },
	},
];

/** Presigned upload (§6): the bytes stream from n8n's binary data to the upload URL, then the asset is registered. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const property = (this.getNodeParameter('binaryProperty', itemIndex, 'data') as string).trim();
	try {
		this.helpers.assertBinaryData(itemIndex, property);
	} catch {
		throw new NodeOperationError(this.getNode(), `Binary Property: the item has no binary data "${property}"`, { itemIndex });
	}
	const name = (this.getNodeParameter('assetName', itemIndex, '') as string).trim();
	return await uploadAsset(this, itemIndex, property, transport, name || undefined);
}
