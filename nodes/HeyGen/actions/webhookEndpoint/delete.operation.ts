import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { endpointIdField } from './fields';

/** DELETE /v3/webhooks/endpoints/{id}. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook endpoint',
	description: 'Delete an endpoint',
	properties: [endpointIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
		await heyGenRequest(
			this,
			{ method: 'DELETE', path: `/v3/webhooks/endpoints/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { endpoint_id: id, deleted: true };
	},
});
