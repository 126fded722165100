import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { requiredString } from '../../../shared/parameters';
import { listAll } from '../../helpers';

/** GET /v3/assets?username= (HeyGen lists one owner's assets; at most 100 a page). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many assets',
	description: "Get a user's assets",
	properties: [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'The owner (User → Get Current gives yours)',
		},
		...listFields(),
	],
	async execute(itemIndex, requestOptions) {
		return await listAll(
			this,
			'/v3/assets',
			{ username: requiredString(this, 'username', 'Username', itemIndex) },
			itemIndex,
			requestOptions,
			100,
		);
	},
});
