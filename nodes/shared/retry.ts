/** Pure retry arithmetic: how long a rate-limited or failed request should wait. */

export type HeaderBag = Record<string, string | string[] | undefined>;

export function headerOf(headers: HeaderBag | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds ("120") or an HTTP-date.
 * Undefined for absent or unreadable values; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// HTTP-date (RFC 9110 §10.2.3); a bare number-like or negative value is not a date.
	if (!/[a-z]/i.test(text)) return undefined;
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

/**
 * `X-RateLimit-Reset` as milliseconds from `now`. Read as unix seconds when it looks like
 * a timestamp, else as seconds to wait (some services send a delta here).
 */
export function parseRateLimitReset(
	value: string | undefined,
	now = Date.now(),
): number | undefined {
	if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
	const number = Number(value.trim());
	if (number > 1_000_000_000_000) return Math.max(0, number - now); // unix milliseconds
	if (number > 1_000_000_000) return Math.max(0, number * 1000 - now); // unix seconds
	return Math.round(number * 1000);
}

/** The wait the server asked for: Retry-After, then X-RateLimit-RetryAfter, then X-RateLimit-Reset. */
export function serverRequestedWaitMs(
	headers: HeaderBag | undefined,
	now = Date.now(),
): number | undefined {
	return (
		parseRetryAfter(headerOf(headers, 'retry-after'), now) ??
		parseRetryAfter(headerOf(headers, 'x-ratelimit-retryafter'), now) ??
		parseRateLimitReset(headerOf(headers, 'x-ratelimit-reset'), now)
	);
}

export interface BackoffPolicy {
	baseMs: number;
	capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** Full-jitter exponential backoff: random 0..min(cap, base·2^attempt) (attempt counts from 0). */
export function backoffDelayMs(
	attempt: number,
	policy: BackoffPolicy = DEFAULT_BACKOFF,
	random = Math.random,
): number {
	const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
	return Math.floor(random() * ceiling);
}

/** A little spread on top of a server-given wait, so many waiting items do not return at once. */
export function withJitter(waitMs: number, random = Math.random): number {
	return waitMs + Math.floor(random() * Math.min(1000, waitMs * 0.1 + 50));
}

/** Methods whose retry cannot create a second resource. */
export function isIdempotentMethod(method: string): boolean {
	return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(method.toUpperCase());
}
