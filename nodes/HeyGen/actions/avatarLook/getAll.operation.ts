import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';
import { avatarFilters, ownershipOption } from '../avatarGroup/fields';

/** GET /v3/avatars/looks (at most 50 a page; small pages keep it responsive). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many avatar looks',
	description: 'Get looks (outfits and poses) to make videos with',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'avatarFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Avatar Type',
					name: 'avatar_type',
					type: 'options',
					options: [
						{ name: 'Digital Twin', value: 'digital_twin' },
						{ name: 'Photo Avatar', value: 'photo_avatar' },
						{ name: 'Studio Avatar', value: 'studio_avatar' },
					],
					default: 'studio_avatar',
				},
				{
					displayName: 'Group ID',
					name: 'group_id',
					type: 'string',
					default: '',
					description: 'Looks of one avatar group only',
				},
				ownershipOption,
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		return await listAll(
			this,
			'/v3/avatars/looks',
			avatarFilters(this, itemIndex, ['ownership', 'avatar_type', 'group_id']),
			itemIndex,
			requestOptions,
			50,
		);
	},
});
