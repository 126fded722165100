import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/webhooks/endpoints (at most 100 a page). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many webhook endpoints',
	description: 'Get endpoints (secrets are not listed)',
	properties: listFields(),
	async execute(itemIndex, requestOptions) {
		return await listAll(this, '/v3/webhooks/endpoints', {}, itemIndex, requestOptions, 100);
	},
});
