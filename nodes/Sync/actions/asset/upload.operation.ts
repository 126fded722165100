import { defineOperation } from '../../../shared/operation';
import { fieldError, stringParameter } from '../../../shared/parameters';
import { uploadAsset } from '../../assets';

/** Presigned upload: the bytes stream from n8n's binary data to the upload URL, then the asset is registered. */
export const operation = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload an asset',
	description: 'Upload a binary file (streamed, up to 5 GB)',
	properties: [
		{
			displayName: 'Binary Property',
			name: 'binaryProperty',
			type: 'string',
			required: true,
			default: 'data',
			description:
				'Name of the binary property holding the file (video, audio or image, up to 5 GB)',
		},
		{
			displayName: 'Asset Name',
			name: 'assetName',
			type: 'string',
			default: '',
			description: 'Name shown in the Sync library; the file name when empty',
		},
	],
	async execute(itemIndex, requestOptions) {
		const property = stringParameter(this, 'binaryProperty', itemIndex) || 'data';
		try {
			this.helpers.assertBinaryData(itemIndex, property);
		} catch {
			throw fieldError(
				this,
				`Binary Property: the item has no binary data "${property}"`,
				itemIndex,
			);
		}
		return await uploadAsset(
			this,
			itemIndex,
			property,
			requestOptions,
			stringParameter(this, 'assetName', itemIndex) || undefined,
		);
	},
});
