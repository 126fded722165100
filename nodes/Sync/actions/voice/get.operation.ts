import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';
import { voiceLocator } from '../../methods/locators';

/** GET /v2/voices/{id}: a built-in provider ID or a clone's UUID; 404 voice_not_found otherwise. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a voice',
	description: 'Get a voice, with its preview URL and whether it can synthesize right now',
	properties: [voiceLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'voiceId', 'Voice', itemIndex);
		return (
			await syncRequest(
				this,
				{ method: 'GET', path: `/v2/voices/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
