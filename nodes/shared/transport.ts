/**
 * The one way this package talks to an API: authenticated by the credential, paced per
 * credential, 429 and "try later" answers waited out, transient failures retried only where
 * a retry cannot duplicate a paid create, and errors that say what to do without the key.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	INode,
} from 'n8n-workflow';

import { buildApiError, genericHint, redact, secretsOf, type ServiceErrorInfo } from './errors';
import { blockUntil, paceKey, reserveSlot } from './pacing';
import {
	backoffDelayMs,
	headerOf,
	isIdempotentMethod,
	serverRequestedWaitMs,
	withJitter,
	type HeaderBag,
} from './retry';
import { cancellableSleep, ExecutionCancelledError } from './wait';
import { apiKeyOf, assertSecureUrl, InsecureBaseUrlError } from './credentialAuth';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** What differs between the five APIs; each node's transport.ts provides one. */
export interface ServiceDescriptor {
	displayName: string;
	credentialType: string;
	/** The header the key travels in, for hints. */
	authHeader: string;
	/** Reads the service's error body. */
	parseError(body: unknown): ServiceErrorInfo;
	/** Answers other than 429 that mean "rejected, nothing done, try later". */
	isTryLater?(status: number, info: ServiceErrorInfo): boolean;
	/** A service-specific hint for an error, before the generic ones. */
	hint?(status: number, info: ServiceErrorInfo): string | undefined;
	/** Header carrying the request id, when the service sends one. */
	requestIdHeader?: string;
	/** The service limits requests per client IP address, not per key: every key behind this n8n shares one pace. */
	pacedPerAddress?: boolean;
	/** When the node also offers OAuth2 (its "Authentication" parameter set to `oAuth2`): that credential type. */
	oAuth2CredentialType?: string;
}

/** The node's "Authentication" choice, read the way each kind of context reads parameters. */
function authenticationOf(ctx: RequestContext, itemIndex: number): string {
	try {
		if ('getInputData' in ctx) return String((ctx as IExecuteFunctions).getNodeParameter('authentication', itemIndex, 'apiKey'));
		// Load-options, hook and webhook contexts read the node's parameters without an item.
		return String((ctx as IHookFunctions).getNodeParameter('authentication', 'apiKey'));
	} catch {
		return 'apiKey';
	}
}

/** The credential type a call uses: the service's API key type, or its OAuth2 type when the node is set to OAuth2. */
export function credentialTypeOf(ctx: RequestContext, service: ServiceDescriptor, itemIndex = 0): string {
	return service.oAuth2CredentialType && authenticationOf(ctx, itemIndex) === 'oAuth2' ? service.oAuth2CredentialType : service.credentialType;
}

export interface TransportOptions {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time all waits of one request may add up to. */
	maxTotalWaitMs: number;
	/** Pace calls per credential; 0 = off. */
	requestsPerMinute: number;
	/** One attempt's timeout. */
	timeoutMs: number;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = {
	maxRetries: 5,
	maxTotalWaitMs: 5 * 60_000,
	requestsPerMinute: 0,
	timeoutMs: 60_000,
};

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Appended to the credential's Base URL. */
	path: string;
	qs?: IDataObject;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as is (multipart and other non-JSON bodies), with `contentType`. */
	rawBody?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	/** Sent as Idempotency-Key; makes transient failures of a POST safe to retry. */
	idempotencyKey?: string;
	/** The item this request is for, named in errors. */
	itemIndex?: number;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: HeaderBag;
	/** Parsed JSON, the text of a non-JSON answer, or undefined for an empty one. */
	body: T;
}

const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);
const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

interface Attempt {
	status?: number;
	headers: HeaderBag;
	text: string;
	networkError?: string;
}

function networkErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && NETWORK_ERROR_CODES.has(current.code)) return current.code;
		if (typeof current.message === 'string') {
			if (/socket hang up/i.test(current.message)) return 'ECONNRESET';
			if (/timeout/i.test(current.message)) return 'ETIMEDOUT';
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

function describeNetworkError(code: string): string {
	switch (code) {
		case 'ECONNRESET':
		case 'EPIPE':
			return 'the connection was reset before an answer arrived';
		case 'ECONNREFUSED':
			return 'the connection was refused (is the Base URL right?)';
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		default:
			return 'no answer arrived in time';
	}
}

function parseBody(text: string, headers: HeaderBag): { ok: true; value: unknown } | { ok: false } {
	if (text === '') return { ok: true, value: undefined };
	const contentType = headerOf(headers, 'content-type') ?? '';
	const looksJson = contentType.includes('json') || /^\s*[[{]/.test(text);
	if (!looksJson) return { ok: true, value: text };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return contentType.includes('json') ? { ok: false } : { ok: true, value: text };
	}
}

function cancelSignalOf(ctx: RequestContext): AbortSignal | undefined {
	const withSignal = ctx as Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>;
	return typeof withSignal.getExecutionCancelSignal === 'function' ? withSignal.getExecutionCancelSignal() : undefined;
}

function formatWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	return `${Math.ceil(seconds / 60)} min`;
}

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	service: ServiceDescriptor,
	spec: RequestSpec,
	options: TransportOptions = DEFAULT_TRANSPORT_OPTIONS,
): Promise<ApiResponse<T>> {
	const node: INode = ctx.getNode();
	const credentialType = credentialTypeOf(ctx, service, spec.itemIndex);
	const oAuth2 = credentialType === service.oAuth2CredentialType;
	const credentials = await ctx.getCredentials(credentialType, spec.itemIndex);
	const apiKey = apiKeyOf(credentials);
	const secrets = [apiKey, ...secretsOf(credentials)];
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	const url = `${baseUrl}${spec.path.startsWith('/') ? '' : '/'}${spec.path}`;
	const fail = (
		status: number | undefined,
		info: ServiceErrorInfo,
		extra: { hint?: string; requestId?: string; transportProblem?: string } = {},
	) =>
		buildApiError({
			node,
			serviceName: service.displayName,
			status,
			info,
			hint:
				extra.hint ??
				(status ? service.hint?.(status, info) : undefined) ??
				(oAuth2 && status === 401
					? `${service.displayName} refused the OAuth2 access token, also after n8n tried to refresh it. Open the ${service.displayName} OAuth2 credential and reconnect the account.`
					: genericHint(status, service.displayName, service.authHeader)),
			requestId: extra.requestId,
			itemIndex: spec.itemIndex,
			secrets,
			transportProblem: extra.transportProblem,
		});

	try {
		assertSecureUrl(url, service.displayName);
	} catch (error) {
		if (error instanceof InsecureBaseUrlError) throw fail(undefined, { message: error.message });
		throw fail(undefined, { message: `the Base URL "${redact(baseUrl, secrets)}" is not a valid URL` });
	}

	const retrySafe = isIdempotentMethod(spec.method) || Boolean(spec.idempotencyKey);
	// Services that limit per client address (Sync) share one budget across keys: paced by Base URL.
	const pace = paceKey(service.pacedPerAddress ? [credentialType, baseUrl] : [credentialType, baseUrl, oAuth2 ? String(credentials.clientId ?? '') : apiKey]);
	const signal = cancelSignalOf(ctx);
	const headers: Record<string, string> = { accept: 'application/json', ...(spec.headers ?? {}) };
	if (spec.idempotencyKey) headers['Idempotency-Key'] = spec.idempotencyKey;
	if (spec.body !== undefined) headers['content-type'] = 'application/json';
	if (spec.rawBody !== undefined) headers['content-type'] = spec.contentType ?? 'application/octet-stream';
	const requestOptions: IHttpRequestOptions = {
		method: spec.method,
		url,
		qs: spec.qs,
		headers,
		body: spec.rawBody ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body)),
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		// n8n refreshes an OAuth2 token only when the request *throws* a 401, so OAuth2 calls let
		// error statuses throw and send() reads the answer back from the error.
		ignoreHttpStatusErrors: !oAuth2,
		timeout: options.timeoutMs,
		abortSignal: signal,
	};

	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		const paceWait = reserveSlot(pace, options.requestsPerMinute);
		if (paceWait > 0) await sleepOrCancel(paceWait, signal, fail);

		const result = await send(ctx, credentialType, requestOptions, signal, fail);
		// Whatever the service echoes (a job's failure text quoting the key) never leaves this layer.
		result.text = redact(result.text, secrets);
		const requestId = service.requestIdHeader ? headerOf(result.headers, service.requestIdHeader) : headerOf(result.headers, 'x-request-id');
		const retriesLeft = attempt < options.maxRetries;

		if (result.networkError) {
			const problem = describeNetworkError(result.networkError);
			if (!retrySafe) {
				// The code stays out of the message: n8n would swap such a message for its generic "retry" text.
				throw fail(undefined, { detail: `Network error: ${result.networkError}.` }, {
					transportProblem: `${problem}; the ${spec.method} was not retried because it may already have been processed`,
					hint: 'Check the result in the service before running this item again, so nothing is created twice.',
				});
			}
			const wait = backoffDelayMs(attempt);
			if (retriesLeft && waitedMs + wait <= options.maxTotalWaitMs) {
				waitedMs += wait;
				await sleepOrCancel(wait, signal, fail);
				continue;
			}
			throw fail(undefined, { detail: `Network error: ${result.networkError}.` }, {
				transportProblem: `${problem} (after ${attempt + 1} attempts)`,
			});
		}

		const status = result.status!;
		const parsed = parseBody(result.text, result.headers);
		if (status >= 200 && status < 300) {
			if (parsed.ok) return { status, headers: result.headers, body: parsed.value as T };
			if (retrySafe && retriesLeft) {
				const wait = backoffDelayMs(attempt);
				if (waitedMs + wait <= options.maxTotalWaitMs) {
					waitedMs += wait;
					await sleepOrCancel(wait, signal, fail);
					continue;
				}
			}
			throw fail(status, { message: 'the answer was not valid JSON' }, {
				requestId,
				hint: retrySafe
					? 'The service sent a damaged answer several times. Try again later.'
					: 'The request may have been processed: check in the service before running this item again.',
			});
		}

		const info = service.parseError(parsed.ok ? parsed.value : undefined);
		const rejected = status === 429 || Boolean(service.isTryLater?.(status, info));
		const transient = TRANSIENT_STATUSES.has(status) && retrySafe;
		if (!rejected && !transient) {
			const notRetried = TRANSIENT_STATUSES.has(status)
				? `Not retried: a ${spec.method} without an Idempotency-Key may already have been processed. Check in ${service.displayName} before running this item again.`
				: undefined;
			throw fail(status, info, { requestId, hint: notRetried });
		}

		const serverWait = serverRequestedWaitMs(result.headers);
		const wait = serverWait !== undefined ? withJitter(serverWait) : backoffDelayMs(attempt);
		if (rejected && serverWait !== undefined) blockUntil(pace, Date.now() + serverWait);
		if (!retriesLeft) {
			throw fail(status, info, {
				requestId,
				hint: `Gave up after ${attempt + 1} attempts ("Max Retries" is ${options.maxRetries}).${serverWait !== undefined ? ` ${service.displayName} asked to wait ${formatWait(serverWait)}.` : ''}`,
			});
		}
		// The budget is compared with the wait the service announced; jitter may push past it.
		if (waitedMs + (serverWait ?? wait) > options.maxTotalWaitMs) {
			const retryAt = new Date(Date.now() + (serverWait ?? wait)).toISOString();
			throw fail(status, info, {
				requestId,
				hint: `${service.displayName} asked to wait ${formatWait(serverWait ?? wait)}, beyond the "Max Total Wait" of ${formatWait(options.maxTotalWaitMs)} left for this request. Try again after ${retryAt}, or raise "Max Total Wait".`,
			});
		}
		waitedMs += serverWait ?? wait;
		await sleepOrCancel(wait, signal, fail);
	}
}

type Fail = (status: number | undefined, info: ServiceErrorInfo, extra?: { hint?: string; transportProblem?: string }) => Error;

async function sleepOrCancel(ms: number, signal: AbortSignal | undefined, fail: Fail): Promise<void> {
	try {
		await cancellableSleep(ms, signal);
	} catch (error) {
		throw fail(undefined, {
			message:
				error instanceof ExecutionCancelledError
					? 'the execution was cancelled while waiting to retry'
					: String(error instanceof Error ? error.message : error),
		});
	}
}

async function send(
	ctx: RequestContext,
	credentialType: string,
	requestOptions: IHttpRequestOptions,
	signal: AbortSignal | undefined,
	fail: Fail,
): Promise<Attempt> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, requestOptions)) as {
			statusCode: number;
			headers: HeaderBag;
			body: unknown;
		};
		const text =
			typeof response.body === 'string'
				? response.body
				: response.body === undefined || response.body === null
					? ''
					: Buffer.isBuffer(response.body)
						? response.body.toString('utf8')
						: JSON.stringify(response.body);
		return { status: response.statusCode, headers: response.headers ?? {}, text };
	} catch (error) {
		if (signal?.aborted) throw fail(undefined, { message: 'the execution was cancelled' });
		const answered = responseInError(error);
		if (answered) return answered;
		const code = networkErrorCode(error);
		if (code) return { headers: {}, text: '', networkError: code };
		const insecure = findInsecureUrlError(error);
		if (insecure) throw fail(undefined, { message: insecure.message });
		// Anything else: report the message only, never the error object (it holds the request).
		throw fail(undefined, { message: error instanceof Error ? error.message : String(error) });
	}
}

/** The HTTP answer inside an error thrown for an error status (OAuth2 calls), found through n8n's wrapping. */
function responseInError(error: unknown): Attempt | undefined {
	let current = error as { cause?: unknown; errorResponse?: unknown; response?: { status?: unknown; headers?: unknown; data?: unknown } } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const response = current.response;
		if (response && typeof response.status === 'number') {
			const data = response.data;
			const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : data === undefined || data === null ? '' : JSON.stringify(data);
			return { status: response.status, headers: (response.headers ?? {}) as HeaderBag, text };
		}
		current = (current.cause ?? current.errorResponse) as typeof current;
	}
	return undefined;
}

function findInsecureUrlError(error: unknown): Error | undefined {
	let current = error as { cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current instanceof InsecureBaseUrlError) return current;
		current = current.cause as typeof current;
	}
	return undefined;
}
