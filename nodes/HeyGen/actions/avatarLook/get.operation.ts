import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { lookLocator } from '../../methods/locators';

/** GET /v3/avatars/looks/{id}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get an avatar look',
	description: 'Get one look (its ID is the avatar_id of a video)',
	properties: [lookLocator()],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet(
			this,
			`/v3/avatars/looks/${encodeURIComponent(requiredString(this, 'lookId', 'Avatar Look', itemIndex))}`,
			itemIndex,
			requestOptions,
		);
	},
});
