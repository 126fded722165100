import { randomBytes } from 'crypto';

import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { asNodeError, rethrowUnlessApiStatus } from '../shared/errors';
import { apiRequest } from '../shared/request';
import {
	rawBodyOf,
	verifyBodySignature,
	verifyTimestampedSignature,
	type SignatureCheck,
} from '../shared/signature';
import { newWebhookSecret, synaptiqService, WEBHOOK_EVENTS, type SynaptiqList } from './service';

interface TriggerState {
	webhookId?: string;
	secret?: string;
}

export class SynaptiqTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Synaptiq Trigger',
		name: 'synaptiqTrigger',
		icon: { light: 'file:../../icons/synaptiq.svg', dark: 'file:../../icons/synaptiq.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow on Synaptiq events: leads, conversations, messages, intents, meetings',
		defaults: { name: 'Synaptiq Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'synaptiqApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'synaptiq' },
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
				required: true,
				default: ['lead.created'],
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to check X-Synaptiq-Signature and refuse anything unsigned, forged or older than the tolerance',
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				displayOptions: { show: { verifySignature: [true] } },
			},
			{
				displayName:
					'With an admin-scope key the trigger registers itself. With a read or write key, add this URL in the Synaptiq dashboard (Settings → Webhooks) and paste the secret it shows below.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Webhook Secret (Dashboard)',
				name: 'manualSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'whsec_...',
				description:
					'Only for a webhook added in the dashboard; leave empty to let the trigger register itself',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.webhookId) return false;
				const url = this.getNodeWebhookUrl('default');
				for (let page = 1; page <= 20; page++) {
					const response = await apiRequest<SynaptiqList<IDataObject>>(this, synaptiqService, {
						method: 'GET',
						path: '/webhooks',
						qs: { page, limit: 100 },
					});
					const found = (response.body?.data ?? []).find(
						(webhook) => webhook.id === state.webhookId,
					);
					if (found) return found.url === url;
					if (!response.body?.pagination?.hasMore) break;
				}
				delete state.webhookId;
				delete state.secret;
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (String(this.getNodeParameter('manualSecret', '') ?? '').trim()) return true;
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const secret = newWebhookSecret(randomBytes);
				const body = {
					url: this.getNodeWebhookUrl('default'),
					events: this.getNodeParameter('events', []) as string[],
					secret,
				};
				try {
					const response = await apiRequest<IDataObject>(this, synaptiqService, {
						method: 'POST',
						path: '/webhooks',
						body,
					});
					state.webhookId = String(response.body.id);
					state.secret = secret;
					return true;
				} catch (error) {
					if (error instanceof NodeApiError && error.httpCode === '403') {
						throw new NodeOperationError(
							this.getNode(),
							'This Synaptiq key cannot register webhooks (admin scope needed)',
							{
								description: `Use an admin-scope key, or add ${body.url} in the Synaptiq dashboard (Settings → Webhooks) and paste its secret into "Webhook Secret (Dashboard)".`,
							},
						);
					}
					throw asNodeError(this.getNode(), error);
				}
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.webhookId) return true;
				try {
					await apiRequest(this, synaptiqService, {
						method: 'DELETE',
						path: `/webhooks/${state.webhookId}`,
					});
				} catch (error) {
					// Already gone is what we wanted; anything else must surface.
					rethrowUnlessApiStatus(error, 404);
				}
				delete state.webhookId;
				delete state.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = (this.getBodyData() ?? {}) as IDataObject;
		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const state = this.getWorkflowStaticData('node') as TriggerState;
			const secret =
				String(this.getNodeParameter('manualSecret', '') ?? '').trim() || state.secret || '';
			const header = (this.getHeaderData() as Record<string, string | undefined>)[
				'x-synaptiq-signature'
			];
			const check = verifySynaptiqSignature(
				secret,
				rawBodyOf(this),
				header,
				this.getNodeParameter('toleranceSeconds', 300) as number,
			);
			if (!check.valid) {
				// Why, never what: no secret and no signature value in the answer or the log.
				this.logger.warn(`Synaptiq Trigger refused a delivery: ${check.reason}`, {
					workflowId: this.getWorkflow().id,
					node: this.getNode().name,
				});
				this.getResponseObject()
					.status(401)
					.json({ error: `Signature rejected: ${check.reason}` });
				return { noWebhookResponse: true };
			}
		}
		const type = String(body.type ?? '');
		const events = this.getNodeParameter('events', []) as string[];
		// Unsubscribed types can still arrive (a shared endpoint): ignore them with a 200.
		if (!events.includes(type)) return { webhookResponse: 'ignored' };
		// Both envelopes (docs/api/synaptiq.md, "Webhooks"): camelCase (API page) and snake_case (integration page).
		const event = {
			id: body.id,
			type,
			createdAt: body.createdAt ?? body.created_at,
			apiVersion: body.apiVersion ?? null,
			data: body.data,
		};
		return { workflowData: [[{ json: event as IDataObject }]] };
	}
}

/**
 * The format of X-Synaptiq-Signature is our assumption (docs/api/synaptiq.md, "Assumptions"), and
 * verification is on by default, so every form a sender could use is read: `t=<ts>,v1=<hex>` (HMAC of "t." + body, within the tolerance),
 * or a bare hex / `sha256=<hex>` HMAC-SHA256 of the raw body.
 */
function verifySynaptiqSignature(
	secret: string,
	raw: Buffer,
	header: string | undefined,
	toleranceSeconds: number,
): SignatureCheck {
	if (!secret)
		return {
			valid: false,
			reason: 'no webhook secret is set (reactivate the workflow, or paste the dashboard secret)',
		};
	const value = header?.trim();
	if (!value) return { valid: false, reason: 'no X-Synaptiq-Signature header' };
	if (/^t=/i.test(value) || /(^|,)\s*v1=/i.test(value)) {
		const check = verifyTimestampedSignature(secret, raw, value, toleranceSeconds);
		if (check.valid) return { valid: true };
		return {
			valid: false,
			reason:
				check.reason === 'the signature timestamp is too old or in the future'
					? 'the delivery is too old (or from the future)'
					: (check.reason ?? 'the signature does not match'),
		};
	}
	if (/^(sha256=)?[0-9a-f]{64}$/i.test(value)) {
		return verifyBodySignature(secret, raw, value)
			? { valid: true }
			: { valid: false, reason: 'the signature does not match' };
	}
	return {
		valid: false,
		reason: 'the signature has an unknown format (expected t=…,v1=…, sha256=… or a hex HMAC)',
	};
}
