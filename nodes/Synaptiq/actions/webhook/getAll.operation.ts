import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listPages } from '../../helpers';

/** GET /webhooks (admin, even though it is a GET: docs/api/synaptiq.md, "Auth"), page style. Secrets are never listed. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many webhooks',
	description: 'Get webhook subscriptions (admin scope)',
	properties: [...listFields()],
	async execute(itemIndex, requestOptions) {
		return await listPages(this, { path: '/webhooks', scope: 'admin', itemIndex }, requestOptions);
	},
});
