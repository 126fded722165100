import { defineOperation } from '../../../shared/operation';
import { createFields, createLook } from './create';

/** POST /v3/avatars {type: 'digital_twin'}: trained from footage; it waits for consent at pending_consent. */
export const operation = defineOperation({
	value: 'createDigitalTwin',
	name: 'Create Digital Twin',
	action: 'Create a digital twin',
	description: 'Train an avatar from footage of a person (consent needed)',
	properties: createFields('digital_twin'),
	async execute(itemIndex, requestOptions) {
		return await createLook(this, itemIndex, 'digital_twin', requestOptions);
	},
});
