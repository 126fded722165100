import { rethrowUnlessApiStatus } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { voiceLocator } from '../../methods/locators';

/** DELETE /v3/voices/{id}; already deleted (404 voice_not_found) counts as done. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a voice',
	description: 'Delete one of your cloned voices',
	properties: [voiceLocator({ description: 'One of your cloned voices' })],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'voiceId', 'Voice', itemIndex);
		try {
			await heyGenRequest(
				this,
				{ method: 'DELETE', path: `/v3/voices/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			);
		} catch (error) {
			rethrowUnlessApiStatus(error, 404);
			return { voice_id: id, deleted: true, alreadyDeleted: true };
		}
		return { voice_id: id, deleted: true };
	},
});
