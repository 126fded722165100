import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/video-translations (at most 100 a page). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many video translations',
	description: 'Get your video translations',
	properties: listFields(),
	async execute(itemIndex, requestOptions) {
		return await listAll(this, '/v3/video-translations', {}, itemIndex, requestOptions, 100);
	},
});
