import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { eventOptions } from './fields';

/** POST /v3/webhooks/endpoints (Idempotency-Key): the answer holds the only copy of the secret. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a webhook endpoint',
	description: 'Register a URL for events (the secret is only shown now)',
	properties: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/heygen',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: eventOptions,
			default: [],
			description: 'All events when empty',
		},
	],
	async execute(itemIndex, requestOptions) {
		const url = checkUrl(
			this,
			requiredString(this, 'url', 'URL', itemIndex),
			'URL',
			itemIndex,
			'https',
		);
		const events = this.getNodeParameter('events', itemIndex, []) as string[];
		const body = { url, ...(events.length ? { events } : {}) };
		const response = await heyGenRequest(
			this,
			{
				method: 'POST',
				path: '/v3/webhooks/endpoints',
				body,
				idempotencyKey: idempotencyKeyFor(this, itemIndex, 'endpoint'),
				itemIndex,
			},
			requestOptions,
		);
		return unwrapData<IDataObject>(response.body);
	},
});
