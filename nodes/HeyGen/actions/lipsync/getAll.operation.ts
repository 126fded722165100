import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/lipsyncs (10 a page by default, at most 100), newest first. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many lipsyncs',
	description: 'Get your lipsyncs, newest first',
	properties: listFields(),
	async execute(itemIndex, requestOptions) {
		return await listAll(this, '/v3/lipsyncs', {}, itemIndex, requestOptions, 100);
	},
});
