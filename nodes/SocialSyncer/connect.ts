/**
 * The SocialSyncer Trigger's hosted "connect your account" flow: one URL starts it (?platform=…),
 * sends the browser to the platform's consent page, and receives the redirect back (?state=…&code=…),
 * exchanging the code at most once for a browser that proves it started the flow.
 */
import { randomBytes } from 'crypto';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { apiRequest } from '../shared/request';
import { PLATFORM_RULES } from './helpers';
import { socialSyncerService } from './service';

const COOKIE = 'n8n_socialsyncer_connect';
const STATE_TTL_MS = 10 * 60_000;

export interface ConnectState {
	platform: string;
	nonce: string;
	expiresAt: number;
	used: boolean;
}
export interface TriggerState {
	webhookUrl?: string;
	secret?: string;
	connect?: Record<string, ConnectState>;
}

/**
 * Pending connections also live in process memory: n8n answers a webhook before it saves the
 * static data written during the call, so a fast browser's callback could find nothing there.
 */
const pendingInProcess = new Map<string, ConnectState>();
type NodeOfWorkflow = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>;
const memoryKey = (ctx: NodeOfWorkflow, state: string) =>
	`${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}\u0000${state}`;

/** Activation and deactivation start afresh, as the static data does. */
export function forgetPendingConnects(ctx: NodeOfWorkflow): void {
	const prefix = memoryKey(ctx, '');
	for (const key of pendingInProcess.keys())
		if (key.startsWith(prefix)) pendingInProcess.delete(key);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const page = (title: string, message: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;

/** One cookie from the Cookie header: n8n runs production webhooks before its cookie parser. */
function cookieValue(header: unknown, name: string): string | undefined {
	for (const pair of String(header ?? '').split(';')) {
		const separator = pair.indexOf('=');
		if (separator > 0 && pair.slice(0, separator).trim() === name)
			return pair.slice(separator + 1).trim();
	}
	return undefined;
}

function respondPage(
	ctx: IWebhookFunctions,
	status: number,
	title: string,
	message: string,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.setHeader('Set-Cookie', `${COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
	response.status(status).send(page(title, message));
	return { noWebhookResponse: true };
}

export async function startConnect(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (!(ctx.getNodeParameter('connectEnabled', true) as boolean))
		return respondPage(
			ctx,
			404,
			'Not available',
			'Connecting accounts is turned off for this link.',
		);
	const platform = String((ctx.getQueryData() as IDataObject).platform ?? '');
	const allowed = ctx.getNodeParameter('connectPlatforms', []) as string[];
	if (!PLATFORM_RULES[platform] || !allowed.includes(platform)) {
		return respondPage(
			ctx,
			400,
			'Unknown platform',
			`Add ?platform= with one of: ${allowed.join(', ')}.`,
		);
	}
	const callbackUrl = ctx.getNodeWebhookUrl('setup') as string;
	let answer: { authUrl?: string; state?: string };
	try {
		answer = (
			await apiRequest<{ authUrl?: string; state?: string }>(ctx, socialSyncerService, {
				method: 'GET',
				path: `/v1/connect/${platform}`,
				qs: { redirect_url: callbackUrl },
			})
		).body;
	} catch (error) {
		return respondPage(
			ctx,
			502,
			'Could not start',
			`SocialSyncer did not start the connection: ${(error as Error).message}`,
		);
	}
	if (!answer.authUrl || !answer.state)
		return respondPage(
			ctx,
			502,
			'Could not start',
			'SocialSyncer answered without an authorization URL.',
		);
	const state = ctx.getWorkflowStaticData('node') as TriggerState;
	const now = Date.now();
	state.connect = Object.fromEntries(
		Object.entries(state.connect ?? {}).filter(
			([, pending]) => pending.expiresAt > now && !pending.used,
		),
	);
	// The API's state can be predictable (e.g. "owner123:instagram"), so the flow is also bound to
	// this browser by a random nonce in an HttpOnly cookie (RFC 6749 §10.12).
	const nonce = randomBytes(24).toString('hex');
	const pending: ConnectState = { platform, nonce, expiresAt: now + STATE_TTL_MS, used: false };
	state.connect[answer.state] = pending;
	for (const [key, entry] of pendingInProcess)
		if (entry.expiresAt <= now || entry.used) pendingInProcess.delete(key);
	pendingInProcess.set(memoryKey(ctx, answer.state), { ...pending });
	const secure = callbackUrl.startsWith('https:') ? '; Secure' : '';
	const response = ctx.getResponseObject();
	response.setHeader(
		'Set-Cookie',
		`${COOKIE}=${nonce}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${STATE_TTL_MS / 1000}${secure}`,
	);
	response.redirect(302, answer.authUrl);
	return { noWebhookResponse: true };
}

export async function finishConnect(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = ctx.getQueryData() as IDataObject;
	const stateValue = typeof query.state === 'string' ? query.state : '';
	const state = ctx.getWorkflowStaticData('node') as TriggerState;
	// The saved state decides; the in-process copy only stands in while n8n has not saved it yet.
	const saved = stateValue ? state.connect?.[stateValue] : undefined;
	const inMemory = stateValue ? pendingInProcess.get(memoryKey(ctx, stateValue)) : undefined;
	const pending = saved ?? inMemory;
	if (!stateValue)
		return respondPage(
			ctx,
			400,
			'Connection failed',
			'The link has no state. Start again from the connect link.',
		);
	if (!pending)
		return respondPage(
			ctx,
			400,
			'Connection failed',
			'This connection request is unknown. Start again from the connect link.',
		);
	if (pending.used || inMemory?.used)
		return respondPage(
			ctx,
			400,
			'Connection failed',
			'This connection request was already used. Start again from the connect link.',
		);
	if (pending.expiresAt < Date.now())
		return respondPage(
			ctx,
			400,
			'Connection failed',
			'This connection request expired. Start again from the connect link.',
		);
	if (cookieValue(ctx.getHeaderData().cookie, COOKIE) !== pending.nonce) {
		return respondPage(
			ctx,
			400,
			'Connection failed',
			'This browser did not start this connection. Open the connect link in the same browser.',
		);
	}
	// Used from here on, whatever happens next: a code is exchanged at most once.
	pending.used = true;
	if (inMemory) inMemory.used = true;
	if (query.error)
		return respondPage(
			ctx,
			400,
			'Connection cancelled',
			`The platform answered: ${String(query.error)}.`,
		);
	if (typeof query.code !== 'string' || !query.code)
		return respondPage(ctx, 400, 'Connection failed', 'The platform sent no authorization code.');
	let account: { platform?: string; username?: string; accountId?: string };
	try {
		account = (
			await apiRequest<{ platform?: string; username?: string; accountId?: string }>(
				ctx,
				socialSyncerService,
				{
					method: 'POST',
					path: `/v1/connect/${pending.platform}`,
					body: {
						code: query.code,
						redirect_url: ctx.getNodeWebhookUrl('setup'),
						state: stateValue,
					},
				},
			)
		).body;
	} catch (error) {
		return respondPage(
			ctx,
			400,
			'Connection failed',
			`SocialSyncer did not accept the authorization: ${(error as Error).message}`,
		);
	}
	const label =
		PLATFORM_RULES[String(account.platform ?? pending.platform)]?.label ?? pending.platform;
	respondPage(
		ctx,
		200,
		'Account connected',
		`Connected @${String(account.username)} on ${label}. You can close this window.`,
	);
	// The page is answered already: n8n must not answer again (n8n 1.x logs "Cannot set headers after they are sent").
	return {
		noWebhookResponse: true,
		workflowData: [
			[
				{
					json: {
						platform: account.platform ?? pending.platform,
						username: account.username,
						accountId: account.accountId,
					},
				},
			],
		],
	};
}
