import {
	blockUntil,
	paceKey,
	recordAnswer,
	holdAtSend,
	recordRateLimited,
	reserveSlot,
	resetPacing,
	smoothly,
} from '../../nodes/shared/pacing';

beforeEach(() => resetPacing());

const none = { requestsPerMinute: 0 };

describe("the user's Requests per Minute", () => {
	it('spaces requests evenly, slightly under the limit', () => {
		const key = paceKey(['syncApi', 'https://api.sync.so', 'k1']);
		const now = 1_000_000;
		const waits = Array.from({ length: 4 }, () =>
			reserveSlot(key, 'all', { requestsPerMinute: 600 }, now),
		);
		// 600/min is one every 100 ms; paced 2 % slower.
		expect(waits).toEqual([0, 102, 204, 306]);
	});

	it('keeps credentials apart', () => {
		const now = 1_000_000;
		reserveSlot(paceKey(['a']), 'all', { requestsPerMinute: 60 }, now);
		expect(reserveSlot(paceKey(['b']), 'all', { requestsPerMinute: 60 }, now)).toBe(0);
		expect(reserveSlot(paceKey(['a']), 'all', { requestsPerMinute: 60 }, now)).toBe(1020);
	});

	it('stays a ceiling when the service publishes a higher limit', () => {
		const key = paceKey(['c']);
		const waits = Array.from({ length: 3 }, () =>
			reserveSlot(key, 'all', { requestsPerMinute: 60, published: smoothly(600) }, 0),
		);
		expect(waits).toEqual([0, 1020, 2040]);
	});
});

describe('an announced wait', () => {
	it('makes every request on a credential wait it out, whatever its bucket', () => {
		const key = paceKey(['x']);
		blockUntil(key, 5_000);
		expect(reserveSlot(key, 'all', none, 1_000)).toBe(4_000);
		expect(reserveSlot(key, 'other', none, 1_000)).toBe(4_000);
		expect(reserveSlot(key, 'all', none, 6_000)).toBe(0);
	});

	it('keys by a hash, not by the API key', () => {
		expect(paceKey(['syncApi', 'https://api.sync.so', 'sk-secret-value'])).not.toContain('secret');
	});
});

describe('a published limit', () => {
	it('lets 10 start at once, then opens as the window moves (600/min: 10 per 1.02 s)', () => {
		const key = paceKey(['p']);
		const waits = Array.from({ length: 21 }, () =>
			reserveSlot(key, 'all', { requestsPerMinute: 0, published: smoothly(600) }, 0),
		);
		expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
		expect(waits.slice(10, 20)).toEqual(Array(10).fill(1020));
		expect(waits[20]).toBe(2040);
	});

	it('a sliding 60 s window lets the whole limit through, then waits for the oldest to leave', () => {
		const key = paceKey(['s']);
		const published = { limit: 120, windowMs: 60_000 };
		for (let index = 0; index < 120; index++)
			expect(reserveSlot(key, 'all', { requestsPerMinute: 0, published }, index * 10)).toBe(0);
		expect(reserveSlot(key, 'all', { requestsPerMinute: 0, published }, 1_200)).toBe(58_800);
	});

	it('keeps endpoint buckets apart', () => {
		const key = paceKey(['b']);
		const create = { requestsPerMinute: 0, published: { limit: 1, windowMs: 60_000 } };
		expect(reserveSlot(key, 'create', create, 0)).toBe(0);
		expect(reserveSlot(key, 'create', create, 0)).toBe(60_000);
		expect(reserveSlot(key, 'status', none, 0)).toBe(0);
	});
});

describe("the service's X-RateLimit headers", () => {
	const headers = (remaining: number, resetAtSeconds: number, limit = 100) => ({
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String(resetAtSeconds),
	});
	const now = 1_800_000_000_000;

	it('send freely while a fifth or more of the window is left', () => {
		const key = paceKey(['h1']);
		recordAnswer(key, 'all', headers(50, now / 1000 + 30), now);
		expect(reserveSlot(key, 'all', none, now)).toBe(0);
		expect(reserveSlot(key, 'all', none, now)).toBe(0);
	});

	it('spread what is left over the time to the reset, and wait for the reset at 0', () => {
		const key = paceKey(['h2']);
		recordAnswer(key, 'all', headers(10, now / 1000 + 20), now);
		const first = reserveSlot(key, 'all', none, now);
		const second = reserveSlot(key, 'all', none, now);
		const third = reserveSlot(key, 'all', none, now);
		// 10 left for 20 s: the first goes now, the next ~2 s later (9 left: 20 s / 9), and so on.
		expect(first).toBe(0);
		expect(second).toBeCloseTo(20_000 / 9, -1);
		expect(third - second).toBeGreaterThan(2_000);
		recordAnswer(key, 'all', headers(0, now / 1000 + 20), now);
		expect(reserveSlot(key, 'all', none, now)).toBe(20_000);
	});

	it("count the requests still in flight, which the service's Remaining has not seen yet", () => {
		const key = paceKey(['h4']);
		for (let index = 0; index < 5; index++) reserveSlot(key, 'all', none, now);
		// The first answer: 5 left of 10, but 4 more of ours are on their way: 1 left.
		recordAnswer(key, 'all', headers(5, now / 1000 + 10, 10), now);
		expect(reserveSlot(key, 'all', none, now)).toBe(10_000);
	});

	it('take over from the published limit once the service sends them', () => {
		const key = paceKey(['h3']);
		recordAnswer(key, 'all', headers(90, now / 1000 + 60), now);
		const waits = Array.from({ length: 15 }, () =>
			reserveSlot(key, 'all', { requestsPerMinute: 0, published: smoothly(600) }, now),
		);
		expect(waits).toEqual(Array(15).fill(0));
	});
});

describe('a 429 without headers or a published limit', () => {
	it('makes the rate that got through before it the pace, a tenth faster per quiet minute', () => {
		const key = paceKey(['l']);
		for (let index = 0; index < 31; index++) reserveSlot(key, 'all', none, index * 100);
		// The 31st was refused: 30 got through in 3.1 s, about 9.7 per second.
		recordRateLimited(key, 'all', 3_100);
		const startsAfter = (now: number) =>
			Array.from({ length: 60 }, () => now + reserveSlot(key, 'all', none, now));
		const paced = startsAfter(3_200);
		// Any 10 consecutive starts span at least 10 / 9.7 per second.
		for (let index = 10; index < paced.length; index++)
			expect(paced[index] - paced[index - 10]).toBeGreaterThanOrEqual(1_033);
		expect(paced.at(-1)! - paced[0]).toBeLessThan(6_000);
		// Two quiet minutes later the pace is 1.21 times that.
		const later = startsAfter(3_100 + 2 * 60_000 + 10_000);
		for (let index = 10; index < later.length; index++) {
			expect(later[index] - later[index - 10]).toBeGreaterThanOrEqual(853);
			expect(later[index] - later[index - 10]).toBeLessThan(1_033);
		}
	});

	it('learns nothing from a 429 after fewer than 10 requests in the minute (a burst, not a limit)', () => {
		const key = paceKey(['few']);
		for (let index = 0; index < 3; index++) reserveSlot(key, 'all', none, index * 100);
		recordRateLimited(key, 'all', 300);
		const waits = Array.from({ length: 20 }, () => reserveSlot(key, 'all', none, 400));
		expect(waits).toEqual(Array(20).fill(0));
	});
});

describe('at send time', () => {
	it('holds back requests whose timers fired together, so real starts keep Requests per Minute', () => {
		const key = paceKey(['ceiling']);
		const rpm = { requestsPerMinute: 1200 };
		// 1200/min: 50 ms apart. Three lanes wake at the same moment after a busy event loop.
		expect(holdAtSend(key, 'all', rpm, 1_000)).toBe(0);
		expect(holdAtSend(key, 'all', rpm, 1_000)).toBe(50);
		expect(holdAtSend(key, 'all', rpm, 1_020)).toBe(30);
		expect(holdAtSend(key, 'all', rpm, 1_050)).toBe(0);
		expect(holdAtSend(key, 'all', none, 1_050)).toBe(0);
	});

	it('keeps the published window on the real starts', () => {
		const key = paceKey(['window-at-send']);
		const published = { requestsPerMinute: 0, published: { limit: 2, windowMs: 1_000 } };
		expect(holdAtSend(key, 'b', published, 0)).toBe(0);
		expect(holdAtSend(key, 'b', published, 10)).toBe(0);
		// The third real start in the same second waits for the first to leave the window.
		expect(holdAtSend(key, 'b', published, 20)).toBe(980);
		expect(holdAtSend(key, 'b', published, 1_000)).toBe(0);
	});
});
