import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../shared/errors';
import { isRepeatedDelivery, rawBodyOf, verifyHexSignatureWithTime } from '../shared/signature';
import {
	isLipsyncEvent,
	isTrustedLipsyncCallback,
	LIPSYNC_EVENT_TYPES,
	lipsyncCallbackIdProperty,
	lipsyncEventItem,
	registeredEvents,
} from './actions/lipsync/trigger';
import { heyGenPage, heyGenRequest } from './helpers';
import {
	isDuplicateVideoEnd,
	isVideoAgentEvent,
	videoAgentEventItem,
} from './actions/videoAgent/trigger';
import { authenticationProperty, EVENT_TYPES, heyGenCredentials, unwrapData } from './service';

interface TriggerState {
	endpointId?: string;
	secret?: string;
}

/** Delivery headers (docs/api/heygen.md, "Webhooks"): the v3 name first, then the names earlier handlers read (n8n hands headers over lower-cased). */
const SIGNATURE_HEADERS = ['heygen-signature', 'x-heygen-signature', 'signature'];

export class HeyGenTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HeyGen Trigger',
		name: 'heyGenTrigger',
		icon: { light: 'file:../../icons/heygen.svg', dark: 'file:../../icons/heygen.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when HeyGen videos, translations or avatars finish',
		defaults: { name: 'HeyGen Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: heyGenCredentials,
		// HeyGen probes a new endpoint with OPTIONS (1 s timeout); n8n's webhook server answers OPTIONS itself.
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'heygen' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [...EVENT_TYPES, ...LIPSYNC_EVENT_TYPES].map((event) => ({
					name: event,
					value: event,
				})),
				required: true,
				default: ['avatar_video.success', 'avatar_video.fail'],
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse deliveries whose HMAC-SHA256 signature (header Heygen-Signature, X-HeyGen-Signature or Signature) does not match the endpoint secret',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description:
					'Refuse a delivery whose Heygen-Timestamp is further than this from now (0 = no time check)',
				displayOptions: { show: { verifySignature: [true] } },
			},
			lipsyncCallbackIdProperty,
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.endpointId) return false;
				// Our endpoint is somewhere in HeyGen's list of endpoints (20 pages at most).
				let token: string | undefined;
				for (let page = 0; page < 20; page++) {
					const { items, next } = await heyGenPage(this, {
						path: '/v3/webhooks/endpoints',
						limit: 100,
						token,
					});
					const found = items.find((endpoint) => endpoint.endpoint_id === state.endpointId);
					if (found)
						return found.url === this.getNodeWebhookUrl('default') && found.status === 'enabled';
					if (!next) break;
					token = next;
				}
				delete state.endpointId;
				delete state.secret;
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const body = {
					url: this.getNodeWebhookUrl('default'),
					events: registeredEvents(this.getNodeParameter('events', []) as string[]),
				};
				const response = await heyGenRequest(this, {
					method: 'POST',
					path: '/v3/webhooks/endpoints',
					body,
				});
				const endpoint = unwrapData<IDataObject>(response.body);
				const state = this.getWorkflowStaticData('node') as TriggerState;
				state.endpointId = String(endpoint.endpoint_id);
				state.secret = String(endpoint.secret);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.endpointId) return true;
				try {
					await heyGenRequest(this, {
						method: 'DELETE',
						path: `/v3/webhooks/endpoints/${state.endpointId}`,
					});
				} catch (error) {
					// Already gone is what we wanted; anything else must surface.
					rethrowUnlessApiStatus(error, 404);
				}
				delete state.endpointId;
				delete state.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const headers = this.getHeaderData() as Record<string, string | undefined>;
		const state = this.getWorkflowStaticData('node') as TriggerState;
		if (
			(this.getNodeParameter('verifySignature', true) as boolean) &&
			!isTrustedLipsyncCallback(this, body)
		) {
			const signature = SIGNATURE_HEADERS.map((name) => headers[name]).find(
				(value) => value !== undefined,
			);
			const raw = rawBodyOf(this);
			const check = state.secret
				? verifyHexSignatureWithTime(state.secret, raw, signature, {
						timestamp: headers['heygen-timestamp'],
						toleranceSeconds: this.getNodeParameter('timestampTolerance', 300) as number,
					})
				: {
						valid: false as const,
						reason: 'this trigger has no endpoint secret: deactivate and activate the workflow',
					};
			if (!check.valid) {
				response.status(401).json({ error: `Delivery rejected: ${check.reason}` });
				return { noWebhookResponse: true };
			}
		}
		// HeyGen may deliver an event again (docs/api/heygen.md, "Webhooks"); the same event id within 24 h starts nothing.
		const eventId =
			headers['heygen-event-id'] ?? (typeof body.event_id === 'string' ? body.event_id : undefined);
		if (isRepeatedDelivery(`${this.getWorkflow().id}:${this.getNode().id}`, eventId))
			return { webhookResponse: 'duplicate ignored' };
		// The type is `event_type` (not `event`); types not subscribed can still arrive.
		const eventType = String(body.event_type ?? '');
		if (!(this.getNodeParameter('events', []) as string[]).includes(eventType))
			return { webhookResponse: 'ignored' };
		if (isLipsyncEvent(eventType))
			return { workflowData: [[{ json: await lipsyncEventItem(this, body, eventType) }]] };
		const data = (body.event_data ?? {}) as IDataObject;
		const events = this.getNodeParameter('events', []) as string[];
		if (isDuplicateVideoEnd(this, events, eventType, data))
			return { webhookResponse: 'duplicate ignored' };
		const json: IDataObject = {
			event_type: eventType,
			event_id: body.event_id ?? null,
			created_at: body.created_at ?? null,
			...data,
			// Read defensively: url or video_url; msg or message.
			url: data.url ?? data.video_url ?? null,
			message: data.msg ?? data.message ?? null,
		};
		// Video Agent events are undocumented: emit what HeyGen has now (docs/api/heygen.md §11.5).
		if (isVideoAgentEvent(eventType))
			return { workflowData: [[{ json: await videoAgentEventItem(this, json) }]] };
		return { workflowData: [[{ json }]] };
	}
}
