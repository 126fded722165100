import {
	backoffDelayMs,
	isIdempotentMethod,
	parseRateLimitReset,
	parseRetryAfter,
	serverRequestedWaitMs,
	withJitter,
} from '../../nodes/shared/retry';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');

describe('parseRetryAfter', () => {
	it.each([
		['120', 120_000],
		['0', 0],
		['1.5', 1_500],
		[' 7 ', 7_000],
	])('reads delta-seconds %p', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	it('reads an HTTP-date as the time left until it', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
	});

	it('treats a date in the past as no wait', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
	});

	it.each([undefined, '', '-5', 'soon', '12abc', '1e3', 'NaN', '   '])(
		'ignores unreadable value %p',
		(value) => {
			expect(parseRetryAfter(value, NOW)).toBeUndefined();
		},
	);
});

describe('parseRateLimitReset', () => {
	it('reads unix seconds', () => {
		expect(parseRateLimitReset(String(NOW / 1000 + 42), NOW)).toBe(42_000);
	});
	it('reads unix milliseconds', () => {
		expect(parseRateLimitReset(String(NOW + 500), NOW)).toBe(500);
	});
	it('reads a small number as seconds to wait', () => {
		expect(parseRateLimitReset('15', NOW)).toBe(15_000);
	});
	it('ignores junk', () => {
		expect(parseRateLimitReset('tomorrow', NOW)).toBeUndefined();
	});
});

describe('serverRequestedWaitMs', () => {
	it('prefers Retry-After over the X-RateLimit headers, case-insensitively', () => {
		expect(
			serverRequestedWaitMs(
				{ 'Retry-After': '3', 'X-RateLimit-RetryAfter': '9', 'x-ratelimit-reset': '20' },
				NOW,
			),
		).toBe(3_000);
	});
	it('falls back to X-RateLimit-RetryAfter, then X-RateLimit-Reset', () => {
		expect(
			serverRequestedWaitMs({ 'x-ratelimit-retryafter': '9', 'x-ratelimit-reset': '20' }, NOW),
		).toBe(9_000);
		expect(serverRequestedWaitMs({ 'x-ratelimit-reset': String(NOW / 1000 + 20) }, NOW)).toBe(
			20_000,
		);
	});
	it('skips an unreadable Retry-After for the next header', () => {
		expect(
			serverRequestedWaitMs({ 'retry-after': 'later', 'x-ratelimit-retryafter': '4' }, NOW),
		).toBe(4_000);
	});
	it('is undefined when nothing was announced', () => {
		expect(serverRequestedWaitMs({ 'content-type': 'application/json' }, NOW)).toBeUndefined();
	});
});

describe('backoffDelayMs (full jitter)', () => {
	it('spans 0 up to base·2^attempt', () => {
		expect(backoffDelayMs(0, { baseMs: 1000, capMs: 60_000 }, () => 0)).toBe(0);
		expect(backoffDelayMs(0, { baseMs: 1000, capMs: 60_000 }, () => 0.999)).toBe(999);
		expect(backoffDelayMs(3, { baseMs: 1000, capMs: 60_000 }, () => 0.5)).toBe(4_000);
	});
	it('never exceeds the cap', () => {
		for (let attempt = 0; attempt < 30; attempt++) {
			expect(backoffDelayMs(attempt, { baseMs: 1000, capMs: 60_000 }, () => 0.9999)).toBeLessThan(
				60_000,
			);
		}
	});
	it('gives a schedule whose ceilings double: 1, 2, 4, 8, 16, 32, 60, 60 s', () => {
		const ceilings = Array.from({ length: 8 }, (_, attempt) =>
			backoffDelayMs(attempt, undefined, () => 1),
		);
		expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
	});
});

describe('withJitter', () => {
	it('adds at most 10 % + 50 ms (capped at 1 s) on top of the server wait', () => {
		expect(withJitter(1000, () => 0)).toBe(1000);
		expect(withJitter(1000, () => 0.999)).toBeLessThan(1150);
		expect(withJitter(60_000, () => 0.999)).toBeLessThan(61_000);
	});
});

test('idempotent methods', () => {
	expect(['GET', 'head', 'PUT', 'DELETE', 'OPTIONS'].every(isIdempotentMethod)).toBe(true);
	expect(['POST', 'PATCH'].some(isIdempotentMethod)).toBe(false);
});
