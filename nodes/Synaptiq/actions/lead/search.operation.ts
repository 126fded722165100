import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { requiredString } from '../../../shared/parameters';
import { listPages } from '../../helpers';

/** GET /leads/search?q= (read), page style. */
export const operation = defineOperation({
	value: 'search',
	readOnly: true,
	name: 'Search',
	action: 'Search leads',
	description: 'Search leads by email, name or company (read scope)',
	properties: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			required: true,
			default: '',
			description: 'Matches email, name and company',
		},
		...listFields(),
	],
	async execute(itemIndex, requestOptions) {
		const q = requiredString(this, 'query', 'Query', itemIndex);
		return await listPages(this, { path: '/leads/search', qs: { q }, itemIndex }, requestOptions);
	},
});
