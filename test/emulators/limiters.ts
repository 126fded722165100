/** Rate limiters the emulators enforce, in the styles their contracts describe. */

export interface LimitDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Unix milliseconds when the current window ends (fixed) or the next slot frees (sliding/bucket). */
	resetAt: number;
	/** Whole seconds to wait before a retry can succeed (≥ 1 when refused). */
	retryAfterSeconds: number;
}

export interface Limiter {
	take(key: string, limit: number, windowMs?: number): LimitDecision;
	reset(): void;
}

/** Fixed window starting with the first counted request (SocialSyncer, Synaptiq). */
export class FixedWindowLimiter implements Limiter {
	private windows = new Map<string, { start: number; count: number }>();

	take(key: string, limit: number, windowMs = 60_000): LimitDecision {
		const now = Date.now();
		let window = this.windows.get(key);
		if (!window || now - window.start >= windowMs) {
			window = { start: now, count: 0 };
			this.windows.set(key, window);
		}
		const resetAt = window.start + windowMs;
		const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - now) / 1000));
		if (window.count >= limit) {
			return { allowed: false, limit, remaining: 0, resetAt, retryAfterSeconds };
		}
		window.count++;
		return { allowed: true, limit, remaining: limit - window.count, resetAt, retryAfterSeconds };
	}

	reset(): void {
		this.windows.clear();
	}
}

/** Sliding window over the last `windowMs` (ViralSync). */
export class SlidingWindowLimiter implements Limiter {
	private hits = new Map<string, number[]>();

	take(key: string, limit: number, windowMs = 60_000): LimitDecision {
		const now = Date.now();
		const recent = (this.hits.get(key) ?? []).filter((at) => now - at < windowMs);
		this.hits.set(key, recent);
		if (recent.length >= limit) {
			const resetAt = recent[0] + windowMs;
			return {
				allowed: false,
				limit,
				remaining: 0,
				resetAt,
				retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
			};
		}
		recent.push(now);
		return {
			allowed: true,
			limit,
			remaining: limit - recent.length,
			resetAt: recent[0] + windowMs,
			retryAfterSeconds: 0,
		};
	}

	reset(): void {
		this.hits.clear();
	}
}

/**
 * Token bucket refilled continuously, `limit` tokens per `windowMs` (Sync, HeyGen). `capacity`
 * (default `limit`) is the burst it allows: a small one models a limit enforced per second.
 */
export class TokenBucketLimiter implements Limiter {
	private buckets = new Map<string, { tokens: number; at: number }>();

	take(key: string, limit: number, windowMs = 60_000, capacity = limit): LimitDecision {
		const now = Date.now();
		const perMs = limit / windowMs;
		const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
		bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) {
			const waitMs = (1 - bucket.tokens) / perMs;
			return {
				allowed: false,
				limit,
				remaining: 0,
				resetAt: now + waitMs,
				retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
			};
		}
		bucket.tokens -= 1;
		return {
			allowed: true,
			limit,
			remaining: Math.floor(bucket.tokens),
			resetAt: now + (capacity - bucket.tokens) / perMs,
			retryAfterSeconds: 0,
		};
	}

	reset(): void {
		this.buckets.clear();
	}
}
