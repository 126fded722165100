/** The request layer's pure "what next" after one attempt (nodes/shared/request/decide.ts). */
import { heyGenService } from '../../nodes/HeyGen/service';
import { decideNext, type DecisionInput } from '../../nodes/shared/request/decide';
import { DEFAULT_REQUEST_OPTIONS, type AttemptOutcome } from '../../nodes/shared/request/types';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const answer = (
	status: number,
	body: unknown = {},
	headers: Record<string, string> = {},
): AttemptOutcome => ({
	status,
	headers: { 'content-type': 'application/json', ...headers },
	text: typeof body === 'string' ? body : JSON.stringify(body),
});
const decide = (outcome: AttemptOutcome, extra: Partial<DecisionInput> = {}) =>
	decideNext({
		outcome,
		method: 'GET',
		retrySafe: true,
		attempt: 0,
		waitedMs: 0,
		options: DEFAULT_REQUEST_OPTIONS,
		service: heyGenService,
		now: NOW,
		random: () => 0.5,
		...extra,
	});

test('a 2xx answer returns its parsed body', () => {
	expect(decide(answer(200, { data: { id: 'v1' } }))).toEqual({
		kind: 'return',
		status: 200,
		body: { data: { id: 'v1' } },
	});
	expect(decide({ status: 204, headers: {}, text: '' })).toEqual({
		kind: 'return',
		status: 204,
		body: undefined,
	});
});

test('a 429 with Retry-After waits what was announced (plus jitter), and the whole credential holds back', () => {
	const decision = decide(answer(429, {}, { 'retry-after': '2' }));
	expect(decision).toMatchObject({ kind: 'retry', countedMs: 2000, holdPaceUntil: NOW + 2000 });
	expect(decision.kind === 'retry' && decision.waitMs).toBeGreaterThanOrEqual(2000);
});

test('an announced wait equal to what is left of Max Total Wait is waited; one beyond fails at once saying when to retry', () => {
	const options = { ...DEFAULT_REQUEST_OPTIONS, maxTotalWaitMs: 3000 };
	expect(
		decide(answer(429, {}, { 'retry-after': '2' }), { options, waitedMs: 1000 }),
	).toMatchObject({ kind: 'retry', countedMs: 2000 });
	const beyond = decide(answer(429, {}, { 'retry-after': '3' }), { options, waitedMs: 1000 });
	expect(beyond).toMatchObject({ kind: 'fail', status: 429, holdPaceUntil: NOW + 3000 });
	expect(beyond.kind === 'fail' && beyond.hint).toBe(
		'HeyGen asked to wait 3 s, beyond the "Max Total Wait" of 3 s left for this request. Try again after 2026-12-02T12:00:03.000Z, or raise "Max Total Wait".',
	);
});

test('Max Retries ends the retries with the count', () => {
	const decision = decide(answer(429, {}, { 'retry-after': '1' }), { attempt: 5 });
	expect(decision.kind === 'fail' && decision.hint).toBe(
		'Gave up after 6 attempts ("Max Retries" is 5). HeyGen asked to wait 1 s.',
	);
});

test("the service's own 'busy, try later' answer is retried; another conflict is not", () => {
	expect(
		decide(answer(409, { error: { code: 'request_in_progress', message: 'busy' } }), {
			method: 'POST',
		}),
	).toMatchObject({ kind: 'retry' });
	expect(
		decide(answer(409, { error: { code: 'conflict', message: 'no' } }), { method: 'POST' }),
	).toMatchObject({ kind: 'fail', status: 409, info: { code: 'conflict' } });
});

test('a 5xx or a broken connection is retried only where a retry cannot create twice', () => {
	expect(decide(answer(503))).toMatchObject({ kind: 'retry' });
	const post = decide(answer(503), { method: 'POST', retrySafe: false });
	expect(post.kind === 'fail' && post.hint).toMatch(
		/^Not retried: a POST without an Idempotency-Key may already have been processed/,
	);
	expect(decide({ headers: {}, text: '', networkError: 'ECONNRESET' })).toMatchObject({
		kind: 'retry',
	});
	expect(
		decide(
			{ headers: {}, text: '', networkError: 'ECONNRESET' },
			{ method: 'POST', retrySafe: false },
		),
	).toMatchObject({
		kind: 'fail',
		transportProblem:
			'the connection was reset before an answer arrived; the POST was not retried because it may already have been processed',
	});
});

test('broken JSON in a 2xx is retried when safe, and said to be possibly processed when not', () => {
	const broken = {
		status: 200,
		headers: { 'content-type': 'application/json' },
		text: '{"data": [',
	};
	expect(decide(broken)).toMatchObject({ kind: 'retry' });
	const post = decide(broken, { method: 'POST', retrySafe: false });
	expect(post).toMatchObject({ kind: 'fail', info: { message: 'the answer was not valid JSON' } });
});

test("HeyGen's auth-page error shape is read into the service's message", () => {
	expect(decide(answer(401, { error: 'Invalid API key', data: null }))).toMatchObject({
		kind: 'fail',
		status: 401,
		info: { message: 'Invalid API key' },
	});
});
