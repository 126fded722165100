/**
 * The one way this package talks to an API: authenticated by the credential, paced per
 * credential, 429 and "try later" answers waited out, transient failures retried only where
 * a retry cannot duplicate a paid create, and errors that say what to do without the key.
 * The loop below only sends, asks `decideNext` what to do, and waits; the rules live there.
 */
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { apiKeyOf, assertSecureUrl, InsecureBaseUrlError } from '../credentialAuth';
import { buildApiError, genericHint, redact, secretsOf, type ServiceErrorInfo } from '../errors';
import {
	blockUntil,
	holdAtSend,
	paceKey,
	recordAnswer,
	recordRateLimited,
	reserveSlot,
} from '../pacing';
import { isIdempotentMethod } from '../retry';
import { cancellableSleep, ExecutionCancelledError } from '../wait';
import { sendAttempt } from './attempt';
import { credentialTypeOf } from './credentialType';
import { decideNext } from './decide';
import {
	DEFAULT_REQUEST_OPTIONS,
	type ApiResponse,
	type RequestContext,
	type RequestOptions,
	type RequestSpec,
	type ServiceDescriptor,
} from './types';

export * from './types';
export { credentialTypeOf } from './credentialType';

function cancelSignalOf(ctx: RequestContext): AbortSignal | undefined {
	const withSignal = ctx as Partial<Pick<IExecuteFunctions, 'getExecutionCancelSignal'>>;
	return typeof withSignal.getExecutionCancelSignal === 'function'
		? withSignal.getExecutionCancelSignal()
		: undefined;
}

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	service: ServiceDescriptor,
	spec: RequestSpec,
	options: RequestOptions = DEFAULT_REQUEST_OPTIONS,
): Promise<ApiResponse<T>> {
	const node: INode = ctx.getNode();
	const credentialType = credentialTypeOf(ctx, service, spec.itemIndex);
	const oAuth2 = credentialType === service.oAuth2CredentialType;
	const credentials = await ctx.getCredentials(credentialType, spec.itemIndex);
	const apiKey = apiKeyOf(credentials);
	const secrets = [apiKey, ...secretsOf(credentials)];
	const baseUrl = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
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
		throw fail(undefined, {
			message: `the Base URL "${redact(baseUrl, secrets)}" is not a valid URL`,
		});
	}

	const retrySafe = isIdempotentMethod(spec.method) || Boolean(spec.idempotencyKey);
	// Services that limit per client address (Sync) share one budget across keys: paced by Base URL.
	const pace = paceKey(
		service.pacedPerAddress
			? [credentialType, baseUrl]
			: [credentialType, baseUrl, oAuth2 ? String(credentials.clientId ?? '') : apiKey],
	);
	const bucket = service.rateBucket?.(spec.method, spec.path) ?? { name: 'all' };
	const signal = cancelSignalOf(ctx);
	const headers: Record<string, string> = { accept: 'application/json', ...(spec.headers ?? {}) };
	if (spec.idempotencyKey) headers['Idempotency-Key'] = spec.idempotencyKey;
	if (spec.body !== undefined) headers['content-type'] = 'application/json';
	if (spec.rawBody !== undefined)
		headers['content-type'] = spec.contentType ?? 'application/octet-stream';
	const httpOptions: IHttpRequestOptions = {
		method: spec.method,
		url,
		qs: spec.qs,
		headers,
		body: spec.rawBody ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body)),
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		// n8n refreshes an OAuth2 token only when the request *throws* a 401, so OAuth2 calls let
		// error statuses throw and sendAttempt() reads the answer back from the error.
		ignoreHttpStatusErrors: !oAuth2,
		timeout: options.timeoutMs,
		abortSignal: signal,
	};
	const sleepOrCancel = async (ms: number) => {
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
	};

	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		const paceWait = reserveSlot(pace, bucket.name, {
			requestsPerMinute: options.requestsPerMinute,
			published: bucket.published,
		});
		let sent: Awaited<ReturnType<typeof sendAttempt>> | undefined;
		try {
			if (paceWait > 0) await sleepOrCancel(paceWait);
			const limits = { requestsPerMinute: options.requestsPerMinute, published: bucket.published };
			for (
				let hold = holdAtSend(pace, bucket.name, limits);
				hold > 0;
				hold = holdAtSend(pace, bucket.name, limits)
			)
				await sleepOrCancel(hold);
			sent = await sendAttempt(ctx, credentialType, httpOptions, signal);
		} finally {
			// Also when cancelled: the reservation is no longer in flight.
			recordAnswer(pace, bucket.name, sent?.headers);
		}
		const outcome = sent;
		if (outcome.failure !== undefined) throw fail(undefined, { message: outcome.failure });
		// Whatever the service echoes (a job's failure text quoting the key) never leaves this layer.
		outcome.text = redact(outcome.text, secrets);

		const decision = decideNext({
			outcome,
			method: spec.method,
			retrySafe,
			attempt,
			waitedMs,
			options,
			service,
			now: Date.now(),
		});
		if (decision.kind === 'return')
			return { status: decision.status, headers: outcome.headers, body: decision.body as T };
		if (decision.holdPaceUntil !== undefined) blockUntil(pace, decision.holdPaceUntil);
		if (decision.rateLimited) recordRateLimited(pace, bucket.name);
		if (decision.kind === 'fail') {
			throw fail(decision.status, decision.info, {
				hint: decision.hint,
				requestId: decision.requestId,
				transportProblem: decision.transportProblem,
			});
		}
		waitedMs += decision.countedMs;
		await sleepOrCancel(decision.waitMs);
	}
}
