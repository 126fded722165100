import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { groupLocator } from '../../methods/locators';

/** GET /v3/avatars/{id}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get an avatar group',
	description: 'Get an avatar (a character with its looks)',
	properties: [groupLocator()],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet(
			this,
			`/v3/avatars/${encodeURIComponent(requiredString(this, 'groupId', 'Avatar Group', itemIndex))}`,
			itemIndex,
			requestOptions,
		);
	},
});
