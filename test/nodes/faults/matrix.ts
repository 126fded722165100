/**
 * The transport fault matrix, run for one service: faults injected into its emulator, the
 * request sent by a node in n8n-core's engine through the real transport, and assertions on
 * the outputs and on what crossed the wire (how many calls, how far apart).
 */
import type { INodeType } from 'n8n-workflow';

import { TEST_KEYS, type ServiceName } from '../../emulators';
import type { FaultSpec } from '../../emulators/core';
import { runWorkflow } from '../../harness/engine';
import {
	NODE_NAME,
	type NodeRunError,
	singleNodeWorkflow,
	useEmulator,
} from '../../harness/workflows';
import { TransportProbe } from '../../fixtures/TransportProbe.node';

const CREDENTIAL: Record<ServiceName, { type: string; key: string; getPath: string }> = {
	sync: { type: 'syncApi', key: TEST_KEYS.sync.valid, getPath: '/v2/models' },
	heygen: { type: 'heyGenApi', key: TEST_KEYS.heygen.valid, getPath: '/v3/users/me' },
	viralsync: { type: 'viralSyncApi', key: TEST_KEYS.viralsync.valid, getPath: '/v1/me' },
	socialsyncer: {
		type: 'socialSyncerApi',
		key: TEST_KEYS.socialsyncer.valid,
		getPath: '/v1/accounts',
	},
	synaptiq: { type: 'synaptiqApi', key: TEST_KEYS.synaptiq.liveAdmin, getPath: '/leads' },
};

/** The POST each service would bill or duplicate: the path is all the fault needs. */
const PAID_POST: Record<ServiceName, string> = {
	sync: '/v2/generate',
	heygen: '/v3/videos',
	viralsync: '/v1/render/jobs',
	socialsyncer: '/v1/posts',
	synaptiq: '/leads',
};

/** Each service's own "rejected, try later" answer, and a look-alike that must not be retried. */
const TRY_LATER: Partial<
	Record<ServiceName, { status: number; retried: object; notRetried: object }>
> = {
	sync: {
		status: 429,
		retried: {
			statusCode: 429,
			error: 'Too Many Requests',
			message: 'Concurrency limit reached.',
			errorCode: 'concurrency_limit_reached',
		},
		notRetried: {
			statusCode: 409,
			error: 'Conflict',
			message: 'Not deletable',
			errorCode: 'generation_not_deletable_while_processing',
		},
	},
	heygen: {
		status: 409,
		retried: { error: { code: 'request_in_progress', message: 'Still in progress', param: null } },
		notRetried: { error: { code: 'conflict', message: 'Conflict', param: null } },
	},
	viralsync: {
		status: 409,
		retried: { error: 'Concurrent render limit reached (3).', code: 'CONCURRENCY_LIMIT_EXCEEDED' },
		notRetried: { error: 'Job is not cancellable.', code: 'INVALID_STATE_TRANSITION' },
	},
};

const extraNodeTypes = new Map<string, INodeType>([
	['CUSTOM.transportProbe', new TransportProbe()],
]);

export interface ProbeRun {
	method?: string;
	path?: string;
	body?: object;
	idempotencyKey?: string;
	items?: number;
	requestOptions?: Record<string, number>;
	continueOnFail?: boolean;
	abortSignal?: AbortSignal;
}

export function defineFaultMatrix(service: ServiceName): void {
	const credential = CREDENTIAL[service];
	const emulator = useEmulator(service);

	/** The emulator's base path (Synaptiq serves under /api/v1). */
	const wirePath = (path: string) => `${service === 'synaptiq' ? '/api/v1' : ''}${path}`;

	async function probe(run: ProbeRun = {}) {
		const workflow = singleNodeWorkflow({
			type: 'transportProbe',
			credentialType: credential.type,
			credentials: {},
			continueOnFail: run.continueOnFail,
			parameters: {
				service,
				method: run.method ?? 'GET',
				path: run.path ?? credential.getPath,
				body: run.body ? JSON.stringify(run.body) : '',
				idempotencyKey: run.idempotencyKey ?? '',
				requestOptions: run.requestOptions ?? {},
			},
		});
		const started = Date.now();
		const result = await runWorkflow(workflow, {
			credentials: {
				[credential.type]: { apiKey: credential.key, baseUrl: emulator.current.baseUrl },
			},
			input: Array.from({ length: run.items ?? 1 }, (_, index) => ({ json: { index } })),
			extraNodeTypes,
			abortSignal: run.abortSignal,
		});
		return {
			...result,
			elapsedMs: Date.now() - started,
			items: result.output(NODE_NAME),
			nodeError: result.error(NODE_NAME),
		};
	}

	function inject(spec: FaultSpec) {
		emulator.current.addFault({ ...spec, path: spec.path ? wirePath(spec.path) : undefined });
	}

	const gaps = () =>
		emulator.current.log.slice(1).map((entry, index) => entry.at - emulator.current.log[index].at);

	describe(`${service}: 429 storms`, () => {
		it('honours Retry-After in seconds, then succeeds', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 1,
				times: 2,
			});
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(run.items).toHaveLength(1);
			expect(run.items[0].json.status).toBe(200);
			expect(emulator.current.log.map((entry) => entry.status)).toEqual([429, 429, 200]);
			for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(990);
		});

		it('honours Retry-After as an HTTP date', async () => {
			inject({ kind: 'status', status: 429, retryAfter: 'date', retryAfterSeconds: 2, times: 1 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log.map((entry) => entry.status)).toEqual([429, 200]);
			// An HTTP date has whole-second precision: 2 s ahead is at least 1 s of waiting.
			expect(gaps()[0]).toBeGreaterThanOrEqual(990);
		});

		it('backs off with jitter when no wait is announced', async () => {
			inject({ kind: 'status', status: 429, retryAfter: 'absent', times: 2 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log.map((entry) => entry.status)).toEqual([429, 429, 200]);
			expect(
				emulator.current.log.filter((entry) => entry.headers['retry-after'] !== undefined),
			).toHaveLength(0);
		});

		it('retries a rate-limited POST too (the request was rejected, not processed)', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 1,
				times: 1,
				method: 'POST',
			});
			await probe({ method: 'POST', path: PAID_POST[service], body: { probe: true } });
			expect(emulator.current.log.map((entry) => entry.status).slice(0, 1)).toEqual([429]);
			expect(emulator.current.log).toHaveLength(2);
			expect(emulator.current.log[1].source).not.toBe('fault');
		});

		it('fails at once when the announced wait exceeds Max Total Wait, saying when to retry', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 3600,
				times: 1,
			});
			const run = await probe({ requestOptions: { maxTotalWaitSeconds: 60 } });
			expect(emulator.current.log).toHaveLength(1);
			expect(run.elapsedMs).toBeLessThan(5_000);
			const error = run.nodeError as NodeRunError;
			expect(error.httpCode).toBe('429');
			expect(error.description).toMatch(/asked to wait 60 min.*Try again after \d{4}-\d\d-\d\dT/s);
		});

		it('waits out announced waits that add up to exactly Max Total Wait (jitter does not count against it)', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 1,
				times: 2,
			});
			const run = await probe({ requestOptions: { maxTotalWaitSeconds: 2 } });
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log.map((entry) => entry.status)).toEqual([429, 429, 200]);
		});

		it('stops after Max Retries', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 1,
				times: -1,
			});
			const run = await probe({ requestOptions: { maxRetries: 1 } });
			expect(emulator.current.log).toHaveLength(2);
			expect((run.nodeError as NodeRunError).description).toContain('Gave up after 2 attempts');
		});
	});

	const tryLater = TRY_LATER[service];
	if (tryLater) {
		describe(`${service}: its own "try later" answer`, () => {
			it(`retries the ${tryLater.status} "try later" on a paid POST (nothing was created)`, async () => {
				inject({
					kind: 'status',
					status: tryLater.status,
					body: tryLater.retried,
					method: 'POST',
					retryAfter: 'absent',
					times: 1,
				});
				await probe({ method: 'POST', path: PAID_POST[service], body: { probe: true } });
				expect(emulator.current.log).toHaveLength(2);
				expect(emulator.current.log[0].status).toBe(tryLater.status);
				expect(emulator.current.log[1].source).not.toBe('fault');
			});

			it('does not retry another conflict', async () => {
				inject({
					kind: 'status',
					status: 409,
					body: tryLater.notRetried,
					method: 'POST',
					times: 1,
				});
				const run = await probe({
					method: 'POST',
					path: PAID_POST[service],
					body: { probe: true },
				});
				expect(emulator.current.log).toHaveLength(1);
				expect((run.nodeError as NodeRunError).httpCode).toBe('409');
			});
		});
	}

	describe(`${service}: server errors and broken connections`, () => {
		it('retries a 503 on GET', async () => {
			inject({ kind: 'status', status: 503, times: 1 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log.map((entry) => entry.status)).toEqual([503, 200]);
		});

		it('does not retry a 503 on a POST without Idempotency-Key, and says why', async () => {
			inject({ kind: 'status', status: 503, times: 1, method: 'POST' });
			const run = await probe({ method: 'POST', path: PAID_POST[service], body: { probe: true } });
			expect(emulator.current.log).toHaveLength(1);
			const error = run.nodeError as NodeRunError;
			expect(error.httpCode).toBe('503');
			expect(error.description).toContain('Not retried');
		});

		it('retries a 503 on a POST that carries an Idempotency-Key, sending the same key again', async () => {
			inject({ kind: 'status', status: 503, times: 1, method: 'POST' });
			await probe({
				method: 'POST',
				path: PAID_POST[service],
				body: { probe: true },
				idempotencyKey: 'exec-1-node-0',
			});
			expect(emulator.current.log).toHaveLength(2);
			expect(emulator.current.log.map((entry) => entry.headers['idempotency-key'])).toEqual([
				'exec-1-node-0',
				'exec-1-node-0',
			]);
			expect(emulator.current.log[1].body).toBe(emulator.current.log[0].body);
		});

		it('retries a GET whose connection was reset', async () => {
			inject({ kind: 'reset', times: 1 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log).toHaveLength(2);
			expect(emulator.current.log[0].status).toBe(-1);
		});

		it('does not retry a POST whose connection was reset', async () => {
			inject({ kind: 'reset', times: 1, method: 'POST' });
			const run = await probe({ method: 'POST', path: PAID_POST[service], body: { probe: true } });
			expect(emulator.current.log).toHaveLength(1);
			expect(run.nodeError?.message).toContain('connection was reset');
			expect((run.nodeError as NodeRunError).description).toContain('so nothing is created twice');
		});

		it('retries a GET that timed out waiting for an answer', async () => {
			inject({ kind: 'delay', delayMs: 2500, times: 1 });
			const run = await probe({ requestOptions: { timeoutSeconds: 1 } });
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log).toHaveLength(2);
		});

		it('reads a slow body that arrives within the timeout', async () => {
			inject({ kind: 'slow_body', delayMs: 800, times: 1 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log).toHaveLength(1);
			// The whole body arrived and parsed, not a first chunk.
			expect(JSON.stringify(run.items[0].json.body)).toBe(emulator.current.log[0].responseBody);
		});

		it('retries a GET answered with malformed JSON', async () => {
			inject({ kind: 'malformed_json', times: 1 });
			const run = await probe();
			expect(run.nodeError).toBeUndefined();
			expect(emulator.current.log).toHaveLength(2);
		});

		it('reports malformed JSON on a POST without retrying it', async () => {
			inject({ kind: 'malformed_json', times: 1, method: 'POST' });
			const run = await probe({ method: 'POST', path: PAID_POST[service], body: { probe: true } });
			expect(emulator.current.log).toHaveLength(1);
			expect(run.nodeError?.message).toContain('not valid JSON');
		});
	});

	describe(`${service}: items and errors`, () => {
		it('gives every item exactly one output or error item with Continue On Fail', async () => {
			emulator.current.addFault({ kind: 'status', status: 404, after: 1, times: 1 });
			const run = await probe({ items: 3, continueOnFail: true });
			expect(run.items).toHaveLength(3);
			expect(run.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
				0, 1, 2,
			]);
			expect(run.items[0].json.status).toBe(200);
			expect(run.items[1].json.error).toMatch(/HTTP 404/);
			expect(run.items[1].json.description).toContain('Item: 1');
			expect(run.items[2].json.status).toBe(200);
		});

		it("turns the service's 401 into an error naming the status, the service's words and a hint", async () => {
			const run = await runWorkflow(
				singleNodeWorkflow({
					type: 'transportProbe',
					credentialType: credential.type,
					credentials: {},
					parameters: { service, method: 'GET', path: credential.getPath },
				}),
				{
					credentials: {
						[credential.type]: {
							apiKey: 'wrong-key-for-the-fault-matrix',
							baseUrl: emulator.current.baseUrl,
						},
					},
					extraNodeTypes,
				},
			);
			const error = run.error(NODE_NAME) as NodeRunError;
			expect(error.httpCode).toBe('401');
			expect(error.message).toMatch(/HTTP 401/);
			expect(error.description).toContain('Check the API key');
			expect(emulator.current.log).toHaveLength(1);
		});

		it('stops waiting promptly when the execution is cancelled', async () => {
			inject({
				kind: 'status',
				status: 429,
				retryAfter: 'seconds',
				retryAfterSeconds: 30,
				times: 1,
			});
			const controller = new AbortController();
			setTimeout(() => controller.abort(), 300);
			const run = await probe({ abortSignal: controller.signal });
			expect(run.elapsedMs).toBeLessThan(3_000);
			expect(emulator.current.log).toHaveLength(1);
		});
	});
}
