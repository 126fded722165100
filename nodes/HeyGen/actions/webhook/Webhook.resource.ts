import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, idField, listAll, requiredString } from '../../helpers';
import { EVENT_TYPES, unwrapData } from '../../transport';

const eventOptions = EVENT_TYPES.map((event) => ({ name: event, value: event }));

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookEndpoint'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Register a URL for events (the secret is only shown now)', action: 'Create a webhook endpoint' },
			{ name: 'Delete', value: 'delete', description: 'Delete an endpoint', action: 'Delete a webhook endpoint' },
			{ name: 'List', value: 'list', description: 'List endpoints (secrets are not listed)', action: 'List webhook endpoints' },
			{ name: 'List Event Types', value: 'listEventTypes', description: 'The event types an endpoint can subscribe to', action: 'List event types' },
			{ name: 'List Events', value: 'listEvents', description: 'Recent events that were sent', action: 'List events' },
			{ name: 'Rotate Secret', value: 'rotateSecret', description: 'Issue a new signing secret (the old one stops working at once)', action: 'Rotate an endpoint secret' },
			{ name: 'Update', value: 'update', description: 'Change the URL or the events', action: 'Update a webhook endpoint' },
		],
		default: 'list',
	},
	idField('webhookEndpoint', ['update', 'delete', 'rotateSecret'], 'endpointId', 'Endpoint ID'),
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/heygen', displayOptions: { show: { resource: ['webhookEndpoint'], operation: ['create'] } } },
	{ displayName: 'Events', name: 'events', type: 'multiOptions', options: eventOptions, default: [], description: 'All events when empty', displayOptions: { show: { resource: ['webhookEndpoint'], operation: ['create'] } } },
	{
		displayName: 'Update Fields',
		name: 'endpointUpdate',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { resource: ['webhookEndpoint'], operation: ['update'] } },
		options: [
			{ displayName: 'Events', name: 'events', type: 'multiOptions', options: eventOptions, default: [], description: 'Replaces the whole list' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		],
	},
	...returnAllAndLimit('webhookEndpoint', 'list', 1000, 20),
	...returnAllAndLimit('webhookEndpoint', 'listEvents', 1000, 20),
	{ displayName: 'Event Type', name: 'eventTypeFilter', type: 'options', options: [{ name: 'All', value: '' }, ...eventOptions], default: '', displayOptions: { show: { resource: ['webhookEndpoint'], operation: ['listEvents'] } } },
];

function checkUrl(ctx: IExecuteFunctions, url: string, itemIndex: number): void {
	if (!/^https:\/\/\S+$/i.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(url)) {
		throw new NodeOperationError(ctx.getNode(), `URL must be a public https:// URL (got "${url}")`, { itemIndex });
	}
}

/** POST /v3/webhooks/endpoints (Idempotency-Key): the answer holds the only copy of the secret. */
export async function create(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const url = requiredString(this, 'url', 'URL', itemIndex);
	checkUrl(this, url, itemIndex);
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	const body = { url, ...(events.length ? { events } : {}) };
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path: '/v3/webhooks/endpoints', body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'endpoint'), itemIndex }, transport)).body);
}

export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/webhooks/endpoints', {}, itemIndex, transport, 100);
}

export async function update(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
	const fields = this.getNodeParameter('endpointUpdate', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.url) {
		checkUrl(this, String(fields.url), itemIndex);
		body.url = fields.url;
	}
	if (Array.isArray(fields.events) && fields.events.length) body.events = fields.events;
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: add the URL or the events to change', { itemIndex });
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'PATCH', path: `/v3/webhooks/endpoints/${encodeURIComponent(id)}`, body, itemIndex }, transport)).body);
}

export async function remove(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
	await heyGenRequest(this, { method: 'DELETE', path: `/v3/webhooks/endpoints/${encodeURIComponent(id)}`, itemIndex }, transport);
	return { endpoint_id: id, deleted: true };
}

export async function rotateSecret(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
	const path = `/v3/webhooks/endpoints/${encodeURIComponent(id)}/rotate-secret`;
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'rotate'), itemIndex }, transport)).body);
}

export async function listEventTypes(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await heyGenGet<IDataObject[]>(this, '/v3/webhooks/event-types', itemIndex, transport);
}

export async function listEvents(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const type = this.getNodeParameter('eventTypeFilter', itemIndex, '') as string;
	return await listAll(this, '/v3/webhooks/events', type ? { event_type: type } : {}, itemIndex, transport, 100);
}
