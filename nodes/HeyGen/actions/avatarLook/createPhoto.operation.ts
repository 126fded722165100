import { defineOperation } from '../../../shared/operation';
import { createFields, createLook } from './create';

/** POST /v3/avatars {type: 'photo'}: an avatar from one photo (binary or URL). */
export const operation = defineOperation({
	value: 'createPhoto',
	name: 'Create Photo Avatar',
	action: 'Create a photo avatar',
	description: 'Make an avatar from one photo',
	properties: createFields('photo'),
	async execute(itemIndex, requestOptions) {
		return await createLook(this, itemIndex, 'photo', requestOptions);
	},
});
