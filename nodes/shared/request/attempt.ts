/** One attempt: send the request through n8n's authenticated HTTP helper and read what came back. */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { InsecureBaseUrlError } from '../credentialAuth';
import { headerOf } from '../retry';
import type { AttemptOutcome, HeaderBag, RequestContext } from './types';

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

function networkErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && NETWORK_ERROR_CODES.has(current.code))
			return current.code;
		if (typeof current.message === 'string') {
			if (/socket hang up/i.test(current.message)) return 'ECONNRESET';
			if (/timeout/i.test(current.message)) return 'ETIMEDOUT';
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

export function describeNetworkError(code: string): string {
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

const asText = (data: unknown) =>
	typeof data === 'string'
		? data
		: Buffer.isBuffer(data)
			? data.toString('utf8')
			: data === undefined || data === null
				? ''
				: JSON.stringify(data);

/** The HTTP answer inside an error thrown for an error status (OAuth2 calls), found through n8n's wrapping. */
function responseInError(error: unknown): AttemptOutcome | undefined {
	let current = error as
		| {
				cause?: unknown;
				errorResponse?: unknown;
				response?: { status?: unknown; headers?: unknown; data?: unknown };
		  }
		| undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const response = current.response;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: (response.headers ?? {}) as HeaderBag,
				text: asText(response.data),
			};
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

/** Sends once. Answers the HTTP outcome, the network problem, or (the message only: the error object holds the request) what else failed. */
export async function sendAttempt(
	ctx: RequestContext,
	credentialType: string,
	requestOptions: IHttpRequestOptions,
	signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			credentialType,
			requestOptions,
		)) as {
			statusCode: number;
			headers: HeaderBag;
			body: unknown;
		};
		return {
			status: response.statusCode,
			headers: response.headers ?? {},
			text: asText(response.body),
		};
	} catch (error) {
		if (signal?.aborted) return { headers: {}, text: '', failure: 'the execution was cancelled' };
		const answered = responseInError(error);
		if (answered) return answered;
		const code = networkErrorCode(error);
		if (code) return { headers: {}, text: '', networkError: code };
		const insecure = findInsecureUrlError(error);
		return {
			headers: {},
			text: '',
			failure: insecure ? insecure.message : error instanceof Error ? error.message : String(error),
		};
	}
}

/** The answer's body: parsed JSON, the text of a non-JSON answer, or undefined when empty; `ok: false` for broken JSON. */
export function parseBody(
	text: string,
	headers: HeaderBag,
): { ok: true; value: unknown } | { ok: false } {
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
