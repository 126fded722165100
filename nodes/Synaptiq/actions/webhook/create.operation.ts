import { randomBytes } from 'crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, synaptiqRequest } from '../../helpers';
import { newWebhookSecret, WEBHOOK_EVENTS } from '../../transport';

const show = { resource: ['webhook'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/hooks/synaptiq', displayOptions: { show } },
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
		required: true,
		default: [],
		displayOptions: { show },
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Signing secret (whsec_…); a new one is generated and returned when empty',
		displayOptions: { show },
	},
];

/** POST /webhooks (admin). The secret is returned in the output: it is needed to verify deliveries. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const url = requiredString(this, 'url', 'URL', itemIndex);
	if (!/^https:\/\/\S+$/i.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(url)) {
		throw new NodeOperationError(this.getNode(), `URL must be an https:// URL (got "${url}")`, { itemIndex, description: 'Synaptiq delivers webhooks over HTTPS only.' });
	}
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event', { itemIndex });
	const secret = String(this.getNodeParameter('secret', itemIndex, '') ?? '').trim() || newWebhookSecret(randomBytes);
	const response = await synaptiqRequest(this, 'admin', { method: 'POST', path: '/webhooks', body: { url, events, secret }, itemIndex }, transport);
	return { ...response.body, secret };
}
