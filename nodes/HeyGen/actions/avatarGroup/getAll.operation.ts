import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';
import { avatarFilters, ownershipOption } from './fields';

/** GET /v3/avatars (20 a page by default, at most 50). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many avatar groups',
	description: 'Get avatars (characters)',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'avatarFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [ownershipOption],
		},
	],
	async execute(itemIndex, requestOptions) {
		return await listAll(
			this,
			'/v3/avatars',
			avatarFilters(this, itemIndex, ['ownership']),
			itemIndex,
			requestOptions,
			50,
		);
	},
});
