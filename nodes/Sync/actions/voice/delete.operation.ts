import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';
import { voiceLocator } from '../../methods/locators';

/** DELETE /v2/voices/{id} (../shared/api/sync.md §9): a clone's Sync UUID; frees a clone slot; answers `true`. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a cloned voice',
	description:
		'Delete one of your cloned voices and free its clone slot (built-in voices cannot be deleted)',
	properties: [voiceLocator('voiceId', 'Voice', 'searchClonedVoices')],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'voiceId', 'Voice', itemIndex);
		await syncRequest(
			this,
			{ method: 'DELETE', path: `/v2/voices/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { id, deleted: true };
	},
});
