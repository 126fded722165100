import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { stringParameter } from '../../../shared/parameters';
import { listAll } from '../../helpers';

/** GET /v3/videos (10 a page by default, at most 100). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many videos',
	description: 'Get your videos',
	properties: [
		...listFields(),
		{ displayName: 'Title Contains', name: 'titleFilter', type: 'string', default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const title = stringParameter(this, 'titleFilter', itemIndex);
		return await listAll(
			this,
			'/v3/videos',
			title ? { title } : {},
			itemIndex,
			requestOptions,
			100,
		);
	},
});
