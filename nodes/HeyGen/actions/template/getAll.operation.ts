import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/templates (at most 100 a page). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many templates',
	description: 'Get templates that have variables',
	properties: listFields(),
	async execute(itemIndex, requestOptions) {
		return await listAll(this, '/v3/templates', {}, itemIndex, requestOptions, 100);
	},
});
