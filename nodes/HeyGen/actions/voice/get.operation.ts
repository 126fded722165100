import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { voiceLocator } from '../../methods/locators';

/** GET /v3/voices/{id} (a clone's status too). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a voice',
	description: "Get a voice (and a clone's status)",
	properties: [voiceLocator()],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet(
			this,
			`/v3/voices/${encodeURIComponent(requiredString(this, 'voiceId', 'Voice', itemIndex))}`,
			itemIndex,
			requestOptions,
		);
	},
});
