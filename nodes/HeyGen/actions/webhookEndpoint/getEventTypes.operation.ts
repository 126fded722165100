import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { heyGenGet } from '../../helpers';

/** GET /v3/webhooks/event-types: not paged; one item per type. */
export const operation = defineOperation({
	value: 'getEventTypes',
	readOnly: true,
	name: 'Get Event Types',
	action: 'Get webhook event types',
	description: 'Get the event types an endpoint can subscribe to',
	properties: [],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet<IDataObject[]>(
			this,
			'/v3/webhooks/event-types',
			itemIndex,
			requestOptions,
		);
	},
});
