/**
 * Per-credential request pacing inside one n8n process. Keyed by a hash of the credential,
 * never by the key itself.
 */
import { createHash } from 'crypto';

interface PaceState {
	/** Earliest time the next request may start. */
	nextSlotAt: number;
	/** Set after a 429 so every caller on this credential waits out the same window. */
	blockedUntil: number;
}

const states = new Map<string, PaceState>();

export function paceKey(parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function stateFor(key: string): PaceState {
	let state = states.get(key);
	if (!state) {
		state = { nextSlotAt: 0, blockedUntil: 0 };
		states.set(key, state);
	}
	return state;
}

/**
 * Reserves the next start time for a request and returns how long to wait for it.
 * With `requestsPerMinute` > 0 the starts are spaced evenly (slightly under the limit, so
 * clock skew between us and the server does not tip a window over).
 */
export function reserveSlot(key: string, requestsPerMinute: number, now = Date.now()): number {
	const state = stateFor(key);
	let start = Math.max(now, state.blockedUntil);
	if (requestsPerMinute > 0) {
		const intervalMs = (60_000 / requestsPerMinute) * 1.02;
		start = Math.max(start, state.nextSlotAt);
		state.nextSlotAt = start + intervalMs;
	}
	return start - now;
}

/** Records a server-announced wait so other requests on the credential hold back too. */
export function blockUntil(key: string, until: number): void {
	const state = stateFor(key);
	state.blockedUntil = Math.max(state.blockedUntil, until);
}

/** For tests: forget all pacing state. */
export function resetPacing(): void {
	states.clear();
}
