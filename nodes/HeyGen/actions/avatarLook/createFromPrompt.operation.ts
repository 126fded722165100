import { defineOperation } from '../../../shared/operation';
import { createFields, createLook } from './create';

/** POST /v3/avatars {type: 'prompt'}: generated from a description. */
export const operation = defineOperation({
	value: 'createFromPrompt',
	name: 'Create From Prompt',
	action: 'Create an avatar from a prompt',
	description: 'Generate an avatar from a description',
	properties: createFields('prompt'),
	async execute(itemIndex, requestOptions) {
		return await createLook(this, itemIndex, 'prompt', requestOptions);
	},
});
