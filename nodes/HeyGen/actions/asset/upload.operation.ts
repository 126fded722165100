import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { uploadAsset } from '../../assets';

/** Up to 32 MB in one multipart request; larger files streamed through HeyGen's direct upload. */
export const operation = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload an asset',
	description: 'Upload a binary file (streamed above 32 MB)',
	properties: [
		{
			displayName: 'Binary Property',
			name: 'binaryProperty',
			type: 'string',
			required: true,
			default: 'data',
		},
	],
	async execute(itemIndex, requestOptions) {
		return await uploadAsset(
			this,
			itemIndex,
			requiredString(this, 'binaryProperty', 'Binary Property', itemIndex),
			requestOptions,
		);
	},
});
