import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../shared/errors';
import { apiRequest } from '../shared/request';
import { rawBodyOf, verifyBodySignature } from '../shared/signature';
import { finishConnect, forgetPendingConnects, startConnect, type TriggerState } from './connect';
import { WEBHOOK_EVENTS } from './helpers';
import { PLATFORM_OPTIONS, socialSyncerService } from './service';

export class SocialSyncerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialSyncer Trigger',
		name: 'socialSyncerTrigger',
		icon: {
			light: 'file:../../icons/socialsyncer.svg',
			dark: 'file:../../icons/socialsyncer.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ") || "Account connections"}}',
		description:
			'Starts on SocialSyncer events, and hosts a "connect your account" link for social accounts',
		defaults: { name: 'SocialSyncer Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialSyncerApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'events' },
			// One URL for the whole connect flow: opened with ?platform=… it starts, reached with ?state=… it finishes.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'connect' },
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
				default: ['post.published', 'post.failed'],
				description:
					'SocialSyncer events that start the workflow. Leave empty to use the trigger only for account connections.',
			},
			{
				displayName: 'Replace Existing Webhook',
				name: 'replaceExisting',
				type: 'boolean',
				default: false,
				description:
					"Whether to take over the account's webhook when another URL is set. SocialSyncer keeps one webhook per account, so the other URL stops receiving events.",
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse events whose HMAC signature does not match the webhook secret',
			},
			{
				displayName: 'Account Connect Link',
				name: 'connectEnabled',
				type: 'boolean',
				default: true,
				description:
					"Whether to serve a link that connects a social account: send people the Production URL ending in /connect, with ?platform=instagram (or facebook, threads, tiktok, twitter). The same URL receives the platform's redirect. Each connection starts the workflow with {platform, username, accountId}.",
			},
			{
				displayName: 'Platforms',
				name: 'connectPlatforms',
				type: 'multiOptions',
				options: PLATFORM_OPTIONS,
				default: ['facebook', 'instagram', 'threads', 'tiktok', 'twitter'],
				displayOptions: { show: { connectEnabled: [true] } },
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0) return true;
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const current = await currentSetting(this);
				return current?.url === this.getNodeWebhookUrl('default') && Boolean(state.secret);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				forgetPendingConnects(this);
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0) return true;
				const url = this.getNodeWebhookUrl('default') as string;
				const current = await currentSetting(this);
				if (
					current?.url &&
					current.url !== url &&
					!(this.getNodeParameter('replaceExisting', false) as boolean)
				) {
					throw new NodeOperationError(
						this.getNode(),
						'This SocialSyncer account already sends its webhook to another URL',
						{
							description: `The current URL is ${current.url}. SocialSyncer keeps one webhook per account: turn on "Replace Existing Webhook" to take it over (the other URL stops receiving events).`,
						},
					);
				}
				const response = await apiRequest<{ secret?: string }>(this, socialSyncerService, {
					method: 'POST',
					path: '/v1/webhooks/settings',
					body: { url, events },
				});
				const state = this.getWorkflowStaticData('node') as TriggerState;
				state.webhookUrl = url;
				state.secret = response.body?.secret;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				forgetPendingConnects(this);
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0 && !state.webhookUrl) return true;
				const current = await currentSetting(this);
				// Only clear the setting while it is still ours (another workflow may have taken it over).
				// Ours is this trigger's own URL too: n8n may have saved a webhook call's static data over
				// the state activation saved, and the account must not stay pointed at this n8n.
				if (
					current?.url &&
					(current.url === state.webhookUrl || current.url === this.getNodeWebhookUrl('default'))
				) {
					try {
						await apiRequest(this, socialSyncerService, {
							method: 'DELETE',
							path: '/v1/webhooks/settings',
						});
					} catch (error) {
						rethrowUnlessApiStatus(error, 404, 405);
					}
				}
				delete state.webhookUrl;
				delete state.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() !== 'setup') return await receiveEvent(this);
		const query = this.getQueryData() as IDataObject;
		return query.state !== undefined || query.code !== undefined || query.error !== undefined
			? await finishConnect(this)
			: await startConnect(this);
	}
}

async function currentSetting(
	ctx: IHookFunctions,
): Promise<{ url?: string; events?: string[] } | undefined> {
	try {
		return (
			await apiRequest<{ url?: string; events?: string[] }>(ctx, socialSyncerService, {
				method: 'GET',
				path: '/v1/webhooks/settings',
			})
		).body;
	} catch (error) {
		rethrowUnlessApiStatus(error, 404);
		return undefined;
	}
}

async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = (ctx.getBodyData() ?? {}) as IDataObject;
	if (ctx.getNodeParameter('verifySignature', true) as boolean) {
		const state = ctx.getWorkflowStaticData('node') as TriggerState;
		const credentials = await ctx.getCredentials('socialSyncerApi');
		const secret = state.secret ?? String(credentials.webhookSecret ?? '').trim();
		const headers = ctx.getHeaderData() as Record<string, string | undefined>;
		// The API docs' samples disagree on the header name; both are read.
		const signature = headers['x-socialsyncerapi-signature'] ?? headers['x-socialapi-signature'];
		if (!secret || !verifyBodySignature(secret, rawBodyOf(ctx), signature)) {
			ctx
				.getResponseObject()
				.status(401)
				.json({
					error: secret
						? 'Signature rejected'
						: 'No webhook secret is known: reactivate the workflow or set it in the credential',
				});
			return { noWebhookResponse: true };
		}
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(String(body.event))) return { webhookResponse: 'ignored' };
	return { workflowData: [[{ json: body }]] };
}
