import { defineOperation } from '../../../shared/operation';
import { stringParameter } from '../../../shared/parameters';
import { uploadMedia } from '../../media';

/** Presign, then PUT the bytes (streamed, same Content-Type, no key); returns the public URL to use in posts. */
export const operation = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload media',
	description: 'Upload an image or video and get its public URL',
	properties: [
		{
			displayName: 'Binary Property',
			name: 'binaryProperty',
			type: 'string',
			required: true,
			default: 'data',
			description: 'Name of the binary property holding the image or video (up to 5 GB)',
		},
	],
	async execute(itemIndex, requestOptions) {
		return await uploadMedia(
			this,
			itemIndex,
			stringParameter(this, 'binaryProperty', itemIndex),
			requestOptions,
		);
	},
});
