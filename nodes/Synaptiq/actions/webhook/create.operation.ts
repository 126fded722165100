import { randomBytes } from 'crypto';

import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString, stringParameter } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';
import { newWebhookSecret, WEBHOOK_EVENTS } from '../../service';

/** POST /webhooks (admin). The secret is returned in the output: it is needed to verify deliveries. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a webhook',
	description: 'Subscribe a URL to events (admin scope)',
	properties: [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/hooks/synaptiq',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
			required: true,
			default: [],
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Signing secret (whsec_…); a new one is generated and returned when empty',
		},
	],
	async execute(itemIndex, requestOptions) {
		const url = checkUrl(
			this,
			requiredString(this, 'url', 'URL', itemIndex),
			'URL',
			itemIndex,
			'https',
			'Synaptiq delivers webhooks over HTTPS only.',
		);
		const events = this.getNodeParameter('events', itemIndex, []) as string[];
		if (events.length === 0) throw fieldError(this, 'Events: choose at least one event', itemIndex);
		const secret = stringParameter(this, 'secret', itemIndex) || newWebhookSecret(randomBytes);
		const response = await synaptiqRequest(
			this,
			'admin',
			{ method: 'POST', path: '/webhooks', body: { url, events, secret }, itemIndex },
			requestOptions,
		);
		return { ...response.body, secret };
	},
});
