import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import { socialRequest, WEBHOOK_EVENTS } from '../../helpers';

/** POST /v1/webhooks/settings {url, events} → {url, events, secret}; SocialSyncer keeps one webhook per account. */
export const operation = defineOperation({
	value: 'set',
	name: 'Set',
	action: 'Set the webhook settings',
	description: 'Set the one webhook of the account (replaces the current one)',
	properties: [
		{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '' },
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
			required: true,
			default: ['post.published', 'post.failed'],
		},
	],
	async execute(itemIndex, requestOptions) {
		const url = checkUrl(
			this,
			requiredString(this, 'url', 'URL', itemIndex),
			'URL',
			itemIndex,
			'public',
		);
		const events = this.getNodeParameter('events', itemIndex, []) as string[];
		if (events.length === 0) throw fieldError(this, 'Events: choose at least one event', itemIndex);
		return (
			await socialRequest(
				this,
				{ method: 'POST', path: '/v1/webhooks/settings', body: { url, events }, itemIndex },
				requestOptions,
			)
		).body;
	},
});
