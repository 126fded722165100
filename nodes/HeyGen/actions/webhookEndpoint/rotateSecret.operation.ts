import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { endpointIdField } from './fields';

/** POST /v3/webhooks/endpoints/{id}/rotate-secret (Idempotency-Key): the old secret stops working at once. */
export const operation = defineOperation({
	value: 'rotateSecret',
	name: 'Rotate Secret',
	action: 'Rotate an endpoint secret',
	description: 'Issue a new signing secret (the old one stops working at once)',
	properties: [endpointIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
		const path = `/v3/webhooks/endpoints/${encodeURIComponent(id)}/rotate-secret`;
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'POST',
						path,
						idempotencyKey: idempotencyKeyFor(this, itemIndex, 'rotate'),
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
	},
});
