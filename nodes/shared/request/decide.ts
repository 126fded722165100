/**
 * The pure "what next" after one attempt: return the body, retry after N ms, or fail with this
 * message. No I/O and no clock of its own, so every rule is unit-tested like retry.ts.
 */
import type { ServiceErrorInfo } from '../errors';
import { backoffDelayMs, headerOf, serverRequestedWaitMs, withJitter } from '../retry';
import { describeNetworkError, parseBody } from './attempt';
import type { AttemptOutcome, RequestOptions, ServiceDescriptor } from './types';

const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);

export interface DecisionInput {
	outcome: AttemptOutcome;
	method: string;
	/** GET/HEAD/PUT/DELETE, or a POST carrying an Idempotency-Key: a retry cannot create twice. */
	retrySafe: boolean;
	/** Attempts made before this one. */
	attempt: number;
	/** Announced waits already spent on this request. */
	waitedMs: number;
	options: RequestOptions;
	service: ServiceDescriptor;
	now: number;
	random?: () => number;
}

export type Decision =
	| { kind: 'return'; status: number; body: unknown }
	/**
	 * `waitMs` is slept (jitter included); `countedMs` is what counts against Max Total Wait;
	 * `holdPaceUntil`: the service announced a wait on a rejection, so the whole credential holds back.
	 */
	| {
			kind: 'retry';
			waitMs: number;
			countedMs: number;
			holdPaceUntil?: number;
			/** A 429 for the request rate (not for jobs running at once): pacing learns from it. */
			rateLimited?: boolean;
	  }
	| {
			kind: 'fail';
			status?: number;
			info: ServiceErrorInfo;
			hint?: string;
			transportProblem?: string;
			requestId?: string;
			holdPaceUntil?: number;
			rateLimited?: boolean;
	  };

function formatWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	return `${Math.ceil(seconds / 60)} min`;
}

export function decideNext(input: DecisionInput): Decision {
	const { outcome, options, service, attempt, waitedMs, retrySafe, method, now } = input;
	const random = input.random ?? Math.random;
	const retriesLeft = attempt < options.maxRetries;
	const backoff = () => backoffDelayMs(attempt, undefined, random);
	const retryWithin = (waitMs: number, countedMs = waitMs): Decision | undefined =>
		retriesLeft && waitedMs + countedMs <= options.maxTotalWaitMs
			? { kind: 'retry', waitMs, countedMs }
			: undefined;

	if (outcome.networkError) {
		const problem = describeNetworkError(outcome.networkError);
		// The code stays out of the message: n8n would swap such a message for its generic "retry" text.
		const detail = `Network error: ${outcome.networkError}.`;
		if (!retrySafe) {
			return {
				kind: 'fail',
				info: { detail },
				transportProblem: `${problem}; the ${method} was not retried because it may already have been processed`,
				hint: 'Check the result in the service before running this item again, so nothing is created twice.',
			};
		}
		return (
			retryWithin(backoff()) ?? {
				kind: 'fail',
				info: { detail },
				transportProblem: `${problem} (after ${attempt + 1} attempts)`,
			}
		);
	}

	const status = outcome.status!;
	const requestId = headerOf(outcome.headers, service.requestIdHeader ?? 'x-request-id');
	const parsed = parseBody(outcome.text, outcome.headers);
	if (status >= 200 && status < 300) {
		if (parsed.ok) return { kind: 'return', status, body: parsed.value };
		return (
			(retrySafe ? retryWithin(backoff()) : undefined) ?? {
				kind: 'fail',
				status,
				info: { message: 'the answer was not valid JSON' },
				requestId,
				hint: retrySafe
					? 'The service sent a damaged answer several times. Try again later.'
					: 'The request may have been processed: check in the service before running this item again.',
			}
		);
	}

	const info = service.parseError(parsed.ok ? parsed.value : undefined);
	const rejected = status === 429 || Boolean(service.isTryLater?.(status, info));
	const transient = TRANSIENT_STATUSES.has(status) && retrySafe;
	if (!rejected && !transient) {
		const notRetried = TRANSIENT_STATUSES.has(status)
			? `Not retried: a ${method} without an Idempotency-Key may already have been processed. Check in ${service.displayName} before running this item again.`
			: undefined;
		return { kind: 'fail', status, info, requestId, hint: notRetried };
	}

	const serverWait = serverRequestedWaitMs(outcome.headers, now);
	const announced = serverWait ?? backoff();
	const holdPaceUntil = rejected && serverWait !== undefined ? now + serverWait : undefined;
	const rateLimited = status === 429 && !/concurrency/i.test(info.code ?? '');
	if (!retriesLeft) {
		return {
			kind: 'fail',
			status,
			info,
			requestId,
			holdPaceUntil,
			rateLimited,
			hint: `Gave up after ${attempt + 1} attempts ("Max Retries" is ${options.maxRetries}).${serverWait !== undefined ? ` ${service.displayName} asked to wait ${formatWait(serverWait)}.` : ''}`,
		};
	}
	// The budget is compared with the wait the service announced; jitter may push past it.
	if (waitedMs + announced > options.maxTotalWaitMs) {
		return {
			kind: 'fail',
			status,
			info,
			requestId,
			holdPaceUntil,
			rateLimited,
			hint: `${service.displayName} asked to wait ${formatWait(announced)}, beyond the "Max Total Wait" of ${formatWait(options.maxTotalWaitMs)} left for this request. Try again after ${new Date(now + announced).toISOString()}, or raise "Max Total Wait".`,
		};
	}
	return {
		kind: 'retry',
		waitMs: serverWait !== undefined ? withJitter(serverWait, random) : announced,
		countedMs: announced,
		holdPaceUntil,
		rateLimited,
	};
}
