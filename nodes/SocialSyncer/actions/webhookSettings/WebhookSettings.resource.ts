import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../../../shared/errors';
import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';

export const WEBHOOK_EVENTS = ['post.published', 'post.failed', 'post.scheduled', 'account.connected', 'account.disconnected'];

export const webhookSettingsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookSettings'] } },
		options: [
			{ name: 'Clear', value: 'clear', description: "Remove the account's webhook", action: 'Clear the webhook settings' },
			{ name: 'Get', value: 'get', description: "Get the account's webhook URL and events", action: 'Get the webhook settings' },
			{ name: 'Set', value: 'set', description: 'Set the one webhook of the account (replaces the current one)', action: 'Set the webhook settings' },
		],
		default: 'get',
	},
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', displayOptions: { show: { resource: ['webhookSettings'], operation: ['set'] } } },
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
		required: true,
		default: ['post.published', 'post.failed'],
		displayOptions: { show: { resource: ['webhookSettings'], operation: ['set'] } },
	},
];

/** GET /v1/webhooks/settings; "not set" (404) is an answer, not an error. */
export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const response = await socialRequest(this, { method: 'GET', path: '/v1/webhooks/settings', itemIndex }, { ...transport }).catch((error: unknown) => {
		rethrowUnlessApiStatus(error, 404);
		return undefined;
	});
	return response ? { set: true, ...response.body } : { set: false, url: null, events: [] };
}

/** POST /v1/webhooks/settings {url, events} → {url, events, secret}. */
export async function set(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const url = requiredString(this, 'url', 'URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), `URL must be an http(s) URL (got "${url}")`, { itemIndex });
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event', { itemIndex });
	return (await socialRequest(this, { method: 'POST', path: '/v1/webhooks/settings', body: { url, events }, itemIndex }, transport)).body;
}

/** DELETE /v1/webhooks/settings. */
export async function clear(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	await socialRequest(this, { method: 'DELETE', path: '/v1/webhooks/settings', itemIndex }, transport);
	return { cleared: true };
}
