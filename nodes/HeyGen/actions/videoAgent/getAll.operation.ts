import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/video-agents, newest first (20 a page by default, at most 100). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many video agent sessions',
	description: 'List your Video Agent sessions, newest first',
	properties: listFields(),
	async execute(itemIndex, requestOptions) {
		return await listAll(this, '/v3/video-agents', {}, itemIndex, requestOptions, 100);
	},
});
