/**
 * Per-credential request pacing inside one n8n process, keyed by a hash of the credential (never
 * the key itself). With nothing set by the user it still paces, from what the service tells:
 * - its `X-RateLimit-Remaining` / `X-RateLimit-Reset` headers: once less than a fifth of the
 *   window is left, the rest is spread over the time to the reset (the service's own counters,
 *   so several n8n workers on one key coordinate through them);
 * - its published limit for the endpoint, where there is one (a window of its own: see `smoothly`);
 * - a 429 without any of that: the rate that got through before it (at least 10 requests in the
 *   last minute) becomes the pace, raised by a tenth for every minute without another 429;
 * - a 429's announced wait: the whole credential holds back until then.
 * "Requests per Minute" set by the user is a hard ceiling on top of all of it.
 */
import { createHash } from 'crypto';

import { headerOf, parseRateLimitReset, type HeaderBag } from './retry';

/** A published limit: `limit` requests in any `windowMs`. */
export interface RateWindow {
	limit: number;
	windowMs: number;
}

interface BucketState {
	/** Reserved start times in the last minute, oldest first. */
	starts: number[];
	/** Requests reserved and not answered yet (the service's Remaining has not counted them for us). */
	inFlight: number;
	/** When requests really started, oldest first (reservations can bunch up when timers fire late). */
	sent: number[];
	/** From the service's headers: what is left of its window, and when the window resets. */
	headerRemaining?: number;
	headerLimit?: number;
	headerResetAt?: number;
	/** Learned from a 429 that came without headers: requests per millisecond that got through. */
	learnedRate?: number;
	learnedAt?: number;
}

interface CredentialState {
	/** Earliest time the next request may start under the user's Requests per Minute. */
	nextSlotAt: number;
	/** Set after an announced wait so every caller on this credential waits out the same window. */
	blockedUntil: number;
	/** When the last request really started (under Requests per Minute). */
	lastStartAt: number;
	buckets: Map<string, BucketState>;
}

const MINUTE = 60_000;
/** Below this share of the window left, header pacing spreads the rest instead of sending freely. */
const SPREAD_BELOW = 0.2;
/** Fewer requests than this in the minute before a 429 teach no limit. */
const MIN_LEARNED = 10;

const states = new Map<string, CredentialState>();

export function paceKey(parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function credentialState(key: string): CredentialState {
	let state = states.get(key);
	if (!state) {
		state = { nextSlotAt: 0, blockedUntil: 0, lastStartAt: 0, buckets: new Map() };
		states.set(key, state);
	}
	return state;
}

function bucketState(key: string, bucket: string): BucketState {
	const credential = credentialState(key);
	let state = credential.buckets.get(bucket);
	if (!state) {
		state = { starts: [], inFlight: 0, sent: [] };
		credential.buckets.set(bucket, state);
	}
	return state;
}

/**
 * A published "N per minute" whose window shape is not published, as a window short enough that
 * a per-second bucket holds too: 10 requests per 10/N minutes (plus 2 % for clock skew).
 */
export function smoothly(perMinute: number): RateWindow {
	return { limit: 10, windowMs: ((10 * MINUTE) / perMinute) * 1.02 };
}

/** The earliest time at or after `from` when fewer than `limit` starts lie in the window before it. */
function windowOpensAt(starts: number[], window: RateWindow, from: number): number {
	const limit = Math.max(1, Math.floor(window.limit));
	let at = from;
	// Starts are sorted, so the start that must leave the window is `limit` places from the end.
	for (;;) {
		const inWindow = starts.filter((start) => start > at - window.windowMs);
		if (inWindow.length < limit) return at;
		at = inWindow[inWindow.length - limit] + window.windowMs;
	}
}

/** The learned rate of a bucket as it stands now (a tenth higher for each minute without a 429), as an even window. */
function learnedWindow(state: BucketState, now: number): RateWindow | undefined {
	if (state.learnedRate === undefined || state.learnedAt === undefined) return undefined;
	const quietMinutes = Math.floor((now - state.learnedAt) / MINUTE);
	if (quietMinutes >= 10) {
		state.learnedRate = undefined;
		return undefined;
	}
	return { limit: 10, windowMs: 10 / (state.learnedRate * 1.1 ** quietMinutes) };
}

/** The start time header pacing allows: free while the window has plenty left, then spread. */
function headerSlot(state: BucketState, from: number): number {
	const { headerRemaining, headerResetAt, headerLimit } = state;
	if (headerRemaining === undefined || headerResetAt === undefined || headerResetAt <= from)
		return from;
	const plenty = Math.max(2, (headerLimit ?? 0) * SPREAD_BELOW);
	if (headerRemaining >= plenty) return from;
	if (headerRemaining <= 0) return headerResetAt;
	const last = state.starts.at(-1) ?? 0;
	return Math.max(from, last + (headerResetAt - from) / headerRemaining);
}

export interface PaceLimits {
	/** The user's Requests per Minute; 0 = not set. */
	requestsPerMinute: number;
	/** The service's published limit for this endpoint, if any. */
	published?: RateWindow;
}

/**
 * Reserves the start time of the next request on this credential and endpoint bucket and
 * returns how long to wait for it.
 */
export function reserveSlot(
	key: string,
	bucket: string,
	limits: PaceLimits,
	now = Date.now(),
): number {
	const credential = credentialState(key);
	const state = bucketState(key, bucket);
	// Sorted, so the ones older than the longest window leave from the front.
	let old = 0;
	while (old < state.starts.length && state.starts[old] <= now - 2 * MINUTE) old++;
	if (old > 0) state.starts.splice(0, old);
	let start = Math.max(now, credential.blockedUntil);
	if (limits.requestsPerMinute > 0) start = Math.max(start, credential.nextSlotAt);
	start = headerSlot(state, start);
	// Headers, when the service sends them, describe its window better than any published figure.
	if (state.headerRemaining === undefined && limits.published)
		start = windowOpensAt(state.starts, limits.published, start);
	const learned = learnedWindow(state, now);
	if (learned) start = windowOpensAt(state.starts, learned, start);

	if (limits.requestsPerMinute > 0) {
		// Slightly under the limit, so clock skew between us and the server does not tip a window over.
		credential.nextSlotAt = start + (MINUTE / limits.requestsPerMinute) * 1.02;
	}
	// Keep the list sorted: a start is rarely earlier than the last one (a later bucket's wait).
	let at = state.starts.length;
	while (at > 0 && state.starts[at - 1] > start) at--;
	state.starts.splice(at, 0, start);
	state.inFlight++;
	if (state.headerRemaining !== undefined) state.headerRemaining -= 1;
	return start - now;
}

/**
 * Called when a reserved request is about to go out: answers how much longer to wait so that the
 * requests that really start keep Requests per Minute and the bucket's windows. Timers of several
 * items in flight can fire together after the event loop was busy; the limits hold anyway.
 */
export function holdAtSend(
	key: string,
	bucket: string,
	limits: PaceLimits,
	now = Date.now(),
): number {
	const credential = credentialState(key);
	const state = bucketState(key, bucket);
	let old = 0;
	while (old < state.sent.length && state.sent[old] <= now - 2 * MINUTE) old++;
	if (old > 0) state.sent.splice(0, old);
	let at = now;
	if (limits.requestsPerMinute > 0)
		at = Math.max(at, credential.lastStartAt + MINUTE / limits.requestsPerMinute);
	if (state.headerRemaining === undefined && limits.published)
		at = windowOpensAt(state.sent, limits.published, at);
	const learned = learnedWindow(state, now);
	if (learned) at = windowOpensAt(state.sent, learned, at);
	if (at > now) return at - now;
	credential.lastStartAt = now;
	state.sent.push(now);
	return 0;
}

/**
 * An answer (or a failed attempt) to a reserved request: reads the service's X-RateLimit-*
 * headers when it sends them. Its Remaining has not counted the other requests still in flight.
 */
export function recordAnswer(
	key: string,
	bucket: string,
	headers: HeaderBag = {},
	now = Date.now(),
): void {
	const state = bucketState(key, bucket);
	state.inFlight = Math.max(0, state.inFlight - 1);
	const remaining = Number(headerOf(headers, 'x-ratelimit-remaining'));
	const resetIn = parseRateLimitReset(headerOf(headers, 'x-ratelimit-reset'), now);
	if (!Number.isFinite(remaining) || resetIn === undefined) return;
	const limit = Number(headerOf(headers, 'x-ratelimit-limit'));
	state.headerRemaining = remaining - state.inFlight;
	state.headerResetAt = now + resetIn;
	state.headerLimit = Number.isFinite(limit) ? limit : undefined;
}

/**
 * A 429 for the request rate without headers that describe the window: the rate that got through
 * before it (over the last minute, or since the first request in it, at least a second) becomes
 * the bucket's pace. Rates, not counts, so a per-second limit is learned as well as a per-minute one.
 */
export function recordRateLimited(key: string, bucket: string, now = Date.now()): void {
	const state = bucketState(key, bucket);
	if (state.headerRemaining !== undefined) return;
	// Only starts already made count (reservations in the future are ours, not the service's).
	const recent = state.starts.filter((start) => start > now - MINUTE && start <= now);
	// A 429 after a handful of requests says nothing about a rate limit (a burst or a job limit):
	// its announced wait or the backoff handles it.
	if (recent.length < MIN_LEARNED) return;
	const span = Math.max(1000, now - recent[0]);
	const rate = (recent.length - 1) / span;
	state.learnedRate = Math.min(state.learnedRate ?? Infinity, rate);
	state.learnedAt = now;
}

/** Records a server-announced wait so other requests on the credential hold back too. */
export function blockUntil(key: string, until: number): void {
	const state = credentialState(key);
	state.blockedUntil = Math.max(state.blockedUntil, until);
}

/** For tests: forget all pacing state. */
export function resetPacing(): void {
	states.clear();
}
