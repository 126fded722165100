import { randomBytes } from 'crypto';

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
import { verifyBodySignature } from '../shared/signature';
import { apiRequest } from '../shared/transport';
import { WEBHOOK_EVENTS } from './actions/webhookSettings/WebhookSettings.resource';
import { PLATFORM_RULES } from './helpers';
import { PLATFORM_OPTIONS, socialSyncerService } from './transport';

const COOKIE = 'n8n_socialsyncer_connect';
const STATE_TTL_MS = 10 * 60_000;

interface ConnectState {
	platform: string;
	nonce: string;
	expiresAt: number;
	used: boolean;
}
interface TriggerState {
	webhookUrl?: string;
	secret?: string;
	connect?: Record<string, ConnectState>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const page = (title: string, message: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;

export class SocialSyncerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialSyncer Trigger',
		name: 'socialSyncerTrigger',
		icon: { light: 'file:../../icons/socialsyncer.svg', dark: 'file:../../icons/socialsyncer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ") || "Account connections"}}',
		description: 'Starts on SocialSyncer events, and hosts a "connect your account" link for social accounts',
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
				description: 'SocialSyncer events that start the workflow. Leave empty to use the trigger only for account connections.',
			},
			{
				displayName: 'Replace Existing Webhook',
				name: 'replaceExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether to take over the account\'s webhook when another URL is set. SocialSyncer keeps one webhook per account, so the other URL stops receiving events.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description: 'Whether to refuse events whose HMAC signature does not match the webhook secret',
			},
			{
				displayName: 'Account Connect Link',
				name: 'connectEnabled',
				type: 'boolean',
				default: true,
				description:
					'Whether to serve a link that connects a social account: send people the Production URL ending in /connect, with ?platform=instagram (or facebook, threads, tiktok, twitter). The same URL receives the platform\'s redirect. Each connection starts the workflow with {platform, username, accountId}.',
			},
			{
				displayName: 'Platforms',
				name: 'connectPlatforms',
				type: 'multiOptions',
				options: PLATFORM_OPTIONS,
				default: PLATFORM_OPTIONS.map((option) => option.value),
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
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0) return true;
				const url = this.getNodeWebhookUrl('default') as string;
				const current = await currentSetting(this);
				if (current?.url && current.url !== url && !(this.getNodeParameter('replaceExisting', false) as boolean)) {
					throw new NodeOperationError(this.getNode(), 'This SocialSyncer account already sends its webhook to another URL', {
						description: `The current URL is ${current.url}. SocialSyncer keeps one webhook per account: turn on "Replace Existing Webhook" to take it over (the other URL stops receiving events).`,
					});
				}
				const response = await apiRequest<{ secret?: string }>(this, socialSyncerService, { method: 'POST', path: '/v1/webhooks/settings', body: { url, events } });
				const state = this.getWorkflowStaticData('node') as TriggerState;
				state.webhookUrl = url;
				state.secret = response.body?.secret;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0 && !state.webhookUrl) return true;
				const current = await currentSetting(this);
				// Only clear the setting while it is still ours (another workflow may have taken it over).
				// Ours is this trigger's own URL too: n8n may have saved a webhook call's static data over
				// the state activation saved, and the account must not stay pointed at this n8n.
				if (current?.url && (current.url === state.webhookUrl || current.url === this.getNodeWebhookUrl('default'))) {
					try {
						await apiRequest(this, socialSyncerService, { method: 'DELETE', path: '/v1/webhooks/settings' });
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
		return query.state !== undefined || query.code !== undefined || query.error !== undefined ? await finishConnect(this) : await startConnect(this);
	}
}

async function currentSetting(ctx: IHookFunctions): Promise<{ url?: string; events?: string[] } | undefined> {
	try {
		return (await apiRequest<{ url?: string; events?: string[] }>(ctx, socialSyncerService, { method: 'GET', path: '/v1/webhooks/settings' })).body;
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
		// §7: the docs' samples disagree on the header name; both are read.
		const signature = headers['x-socialsyncerapi-signature'] ?? headers['x-socialapi-signature'];
		const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
		const raw = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
		if (!secret || !verifyBodySignature(secret, raw, signature)) {
			ctx.getResponseObject().status(401).json({ error: secret ? 'Signature rejected' : 'No webhook secret is known: reactivate the workflow or set it in the credential' });
			return { noWebhookResponse: true };
		}
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!events.includes(String(body.event))) return { webhookResponse: 'ignored' };
	return { workflowData: [[{ json: body }]] };
}

/** One cookie from the Cookie header: n8n runs production webhooks before its cookie parser. */
function cookieValue(header: unknown, name: string): string | undefined {
	for (const pair of String(header ?? '').split(';')) {
		const separator = pair.indexOf('=');
		if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
	}
	return undefined;
}

function respondPage(ctx: IWebhookFunctions, status: number, title: string, message: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.setHeader('Set-Cookie', `${COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
	response.status(status).send(page(title, message));
	return { noWebhookResponse: true };
}

async function startConnect(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (!(ctx.getNodeParameter('connectEnabled', true) as boolean)) return respondPage(ctx, 404, 'Not available', 'Connecting accounts is turned off for this link.');
	const platform = String((ctx.getQueryData() as IDataObject).platform ?? '');
	const allowed = ctx.getNodeParameter('connectPlatforms', []) as string[];
	if (!PLATFORM_RULES[platform] || !allowed.includes(platform)) {
		return respondPage(ctx, 400, 'Unknown platform', `Add ?platform= with one of: ${allowed.join(', ')}.`);
	}
	const callbackUrl = ctx.getNodeWebhookUrl('setup') as string;
	let answer: { authUrl?: string; state?: string };
	try {
		answer = (await apiRequest<{ authUrl?: string; state?: string }>(ctx, socialSyncerService, { method: 'GET', path: `/v1/connect/${platform}`, qs: { redirect_url: callbackUrl } })).body;
	} catch (error) {
		return respondPage(ctx, 502, 'Could not start', `SocialSyncer did not start the connection: ${(error as Error).message}`);
	}
	if (!answer.authUrl || !answer.state) return respondPage(ctx, 502, 'Could not start', 'SocialSyncer answered without an authorization URL.');
	const state = ctx.getWorkflowStaticData('node') as TriggerState;
	const now = Date.now();
	state.connect = Object.fromEntries(Object.entries(state.connect ?? {}).filter(([, pending]) => pending.expiresAt > now && !pending.used));
	// The API's state can be predictable (e.g. "owner123:instagram"), so the flow is also bound to
	// this browser by a random nonce in an HttpOnly cookie (RFC 6749 §10.12).
	const nonce = randomBytes(24).toString('hex');
	state.connect[answer.state] = { platform, nonce, expiresAt: now + STATE_TTL_MS, used: false };
	const secure = callbackUrl.startsWith('https:') ? '; Secure' : '';
	const response = ctx.getResponseObject();
	response.setHeader('Set-Cookie', `${COOKIE}=${nonce}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${STATE_TTL_MS / 1000}${secure}`);
	response.redirect(302, answer.authUrl);
	return { noWebhookResponse: true };
}

async function finishConnect(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = ctx.getQueryData() as IDataObject;
	const stateValue = typeof query.state === 'string' ? query.state : '';
	const state = ctx.getWorkflowStaticData('node') as TriggerState;
	const pending = stateValue ? state.connect?.[stateValue] : undefined;
	if (!stateValue) return respondPage(ctx, 400, 'Connection failed', 'The link has no state. Start again from the connect link.');
	if (!pending) return respondPage(ctx, 400, 'Connection failed', 'This connection request is unknown. Start again from the connect link.');
	if (pending.used) return respondPage(ctx, 400, 'Connection failed', 'This connection request was already used. Start again from the connect link.');
	if (pending.expiresAt < Date.now()) return respondPage(ctx, 400, 'Connection failed', 'This connection request expired. Start again from the connect link.');
	if (cookieValue(ctx.getHeaderData().cookie, COOKIE) !== pending.nonce) {
		return respondPage(ctx, 400, 'Connection failed', 'This browser did not start this connection. Open the connect link in the same browser.');
	}
	// Used from here on, whatever happens next: a code is exchanged at most once.
	pending.used = true;
	if (query.error) return respondPage(ctx, 400, 'Connection cancelled', `The platform answered: ${String(query.error)}.`);
	if (typeof query.code !== 'string' || !query.code) return respondPage(ctx, 400, 'Connection failed', 'The platform sent no authorization code.');
	let account: { platform?: string; username?: string; accountId?: string };
	try {
		account = (
			await apiRequest<{ platform?: string; username?: string; accountId?: string }>(ctx, socialSyncerService, {
				method: 'POST',
				path: `/v1/connect/${pending.platform}`,
				body: { code: query.code, redirect_url: ctx.getNodeWebhookUrl('setup'), state: stateValue },
			})
		).body;
	} catch (error) {
		return respondPage(ctx, 400, 'Connection failed', `SocialSyncer did not accept the authorization: ${(error as Error).message}`);
	}
	const label = PLATFORM_RULES[String(account.platform ?? pending.platform)]?.label ?? pending.platform;
	respondPage(ctx, 200, 'Account connected', `Connected @${String(account.username)} on ${label}. You can close this window.`);
	return { workflowData: [[{ json: { platform: account.platform ?? pending.platform, username: account.username, accountId: account.accountId } }]] };
}
