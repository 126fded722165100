#!/usr/bin/env node
// `npm run test:e2e` (queue part): n8n's production queue mode. PostgreSQL (Debian's postgresql-15:
// a cluster made by initdb in a temporary folder, on loopback) and Redis (Debian's redis-server),
// both started here; n8n main and two `n8n worker`s. Each of the five nodes runs behind a
// production Webhook; a signed Sync delivery to the Sync Trigger also runs there. Eight executions
// at once spread over both workers (each worker's log names the executions it ran); Webhook Resume
// executions park on a worker and their callbacks resume them; one worker stopped with SIGTERM
// mid-run loses nothing (n8n's graceful shutdown: its running executions finish there, the other
// worker takes what is queued and resumes what was parked). Everything is in PostgreSQL at the end.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { SERVICES, workflowFor } from './fixtures.mjs';
import { checks, packPackage, repo, startEmulators, waitFor } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';
import { startPostgres, startRedis } from './services.mjs';
import { triggerWorkflow } from './triggers.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('queue mode e2e');

/** A Webhook node (production URL, answers with the last node's items) in front of one of our nodes. */
function webhookFronted(service, credential) {
	const workflow = workflowFor(service, SERVICES[service], credential);
	const webhookId = randomUUID();
	delete workflow.id;
	workflow.name = `Queue ${service}`;
	workflow.nodes[0] = {
		id: 'webhook',
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path: `queue-${service}`,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	return workflow;
}

/** A production Webhook (answers at once) in front of Sync Generation Create with `wait` (Poll or Webhook Resume). */
function syncJobWorkflow(name, webhookPath, credential, wait) {
	return {
		name,
		connections: { Start: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'Generate',
				type: `${pkg.name}.sync`,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'generation',
					operation: 'create',
					model: 'lipsync-2',
					inputMode: 'fields',
					videoSource: 'url',
					videoUrl: 'https://media.example.com/queue.mp4',
					audioSource: 'url',
					audioUrl: 'https://media.example.com/queue.wav',
					...wait,
				},
				credentials: { syncApi: { id: credential.id, name: credential.name } },
			},
		],
	};
}

/** POSTs to a production webhook; n8n answers an activation before the webhook is registered, so a 404 is retried. */
async function callWebhook(url, body = {}) {
	return await waitFor(
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (answer.status !== 404) return answer;
			await answer.arrayBuffer();
			return undefined;
		},
		{ timeoutMs: 10_000 },
	);
}

/** The workers whose logs say they started execution `id`, in log order per worker (a resumed execution starts twice). */
function startsOf(workers, id) {
	return workers.flatMap((worker) =>
		(worker.log().match(new RegExp(`Worker started execution ${id} \\(`, 'g')) ?? []).map(
			() => worker.name,
		),
	);
}

const finishedOn = (worker, id) =>
	new RegExp(`Worker finished execution ${id} \\(`).test(worker.log());

/** "worker-1: 3, 5 · worker-2: 4" for a map of execution id → worker names. */
function placement(workers, ranOn) {
	return workers
		.map(
			(worker) =>
				`${worker.name}: ${
					Object.entries(ranOn)
						.filter(([, names]) => names.includes(worker.name))
						.map(([id]) => id)
						.join(', ') || 'none'
				}`,
		)
		.join(' · ');
}

/** Whether two executions (REST list entries) ran at the same time. */
const overlap = (a, b) =>
	Date.parse(a.startedAt) < Date.parse(b.stoppedAt) &&
	Date.parse(b.startedAt) < Date.parse(a.stoppedAt);

async function main() {
	const packed = packPackage();
	let redis;
	let postgres;
	let emulators;
	let n8n;
	const workers = [];
	/** Every execution the suite started, for the PostgreSQL check at the end. */
	const allExecutionIds = new Set();
	try {
		redis = await startRedis();
		postgres = await startPostgres();
		emulators = await startEmulators();
		n8n = await startN8n({
			packageTarball: packed.tarball,
			env: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				...postgres.env,
			},
		});
		// Four jobs at a time each: eight runs at once cannot all fit on one worker.
		workers.push(
			...(await Promise.all([
				n8n.startWorker({ concurrency: 4 }),
				n8n.startWorker({ concurrency: 4 }),
			])),
		);
		const tables = await postgres.query(
			"SELECT count(*) FROM information_schema.tables WHERE table_name = 'execution_entity'",
		);
		check(
			'n8n main and two workers run in queue mode on PostgreSQL and Redis',
			tables[0]?.[0] === '1',
			`main :${n8n.port}, ${workers.map((worker) => `${worker.name} pid ${worker.pid}`).join(', ')}, postgres :${postgres.port}, redis :${redis.port}`,
		);
		await n8n.setupOwnerAndLogin();

		const executionIds = [];
		for (const [service, spec] of Object.entries(SERVICES)) {
			if (service === 'synaptiq') {
				await emulators
					.control('synaptiq')
					.api('POST', '/leads', { email: 'smoke@example.com', name: 'Queue Lead' });
			}
			const credential = await n8n.createCredential(spec.credential, `${service} queue`, {
				apiKey: emulators.keys[service],
				baseUrl: emulators.baseUrls[service],
			});
			const saved = await n8n.createWorkflow(webhookFronted(service, credential));
			const activated = await n8n.activate(saved.id);
			if (
				!check(
					`${service}: webhook workflow activated`,
					activated.status === 200,
					activated.status === 200 ? '' : activated.text.slice(0, 300),
				)
			)
				continue;
			const response = await callWebhook(`${n8n.url}/webhook/queue-${service}`);
			if (!check(`${service}: the production webhook answered`, response !== undefined)) continue;
			const text = await response.text();
			let items;
			try {
				items = JSON.parse(text).map((json) => ({ json }));
			} catch {
				// Gone already, or not answering yet: nothing to do.
			}
			check(
				`${service}: the ${spec.node} node ran in queue mode and answered the webhook`,
				response.status === 200 && items !== undefined && spec.expect(items),
				`${response.status} ${text.slice(0, 160)}`,
			);
			const [execution] = await n8n.executions(saved.id);
			if (execution) executionIds.push(execution.id);
		}

		// A trigger in queue mode: Sync's signed completion webhook starts an execution on a worker.
		const syncCredential = await n8n.createCredential('syncApi', 'sync trigger queue', {
			apiKey: emulators.keys.sync,
			baseUrl: emulators.baseUrls.sync,
			webhookSecret: 'whsec_emulatorSyncSigningSecret01',
		});
		const webhookId = randomUUID();
		const trigger = await n8n.createWorkflow({
			...triggerWorkflow('sync', syncCredential, webhookId),
			name: 'Queue sync trigger',
		});
		const activated = await n8n.activate(trigger.id);
		check(
			'sync trigger: activated in queue mode',
			activated.status === 200,
			activated.status === 200 ? '' : activated.text.slice(0, 300),
		);
		// The job calls back once: first wait until main serves the trigger's production URL (an
		// unsigned probe gets the trigger's 401 and starts nothing; before registration n8n answers 404).
		const probe = await callWebhook(`${n8n.url}/webhook/${webhookId}/sync`);
		await probe?.arrayBuffer();
		check(
			'sync trigger: main serves its production URL, an unsigned delivery gets 401',
			probe?.status === 401,
			`${probe?.status ?? 'still 404'}`,
		);
		const sync = emulators.control('sync');
		await sync.config({ stageMs: 50 });
		await sync.api('POST', '/v2/generate', {
			model: 'lipsync-2',
			input: [
				{ type: 'video', url: 'https://media.example.com/q.mp4' },
				{ type: 'audio', url: 'https://media.example.com/q.wav' },
			],
			webhookUrl: `${n8n.url}/webhook/${webhookId}/sync`,
		});
		const triggered = await waitFor(async () =>
			(await n8n.executions(trigger.id)).find((execution) => execution.status === 'success'),
		);
		check(
			'sync trigger: the signed webhook started a successful execution',
			Boolean(triggered),
			triggered ? `execution ${triggered.id}` : 'none',
		);
		if (triggered) executionIds.push(triggered.id);
		executionIds.forEach((id) => allExecutionIds.add(id));

		const ranOn = await waitFor(
			() => {
				const names = Object.fromEntries(executionIds.map((id) => [id, startsOf(workers, id)]));
				return Object.values(names).every((starts) => starts.length === 1) && names;
			},
			{ timeoutMs: 5_000 },
		);
		check(
			`a worker ran each of the ${executionIds.length} executions (one worker's log names each)`,
			executionIds.length === 6 && Boolean(ranOn),
			ranOn
				? placement(workers, ranOn)
				: `ids ${executionIds.join(', ')}; ${placement(
						workers,
						Object.fromEntries(executionIds.map((id) => [id, startsOf(workers, id)])),
					)}`,
		);

		// Several at once: eight webhook calls together, each a Sync job polled to its end (~4 s).
		await sync.config({ stageMs: 2000 });
		await sync.clearRequests();
		const parallel = await n8n.createWorkflow(
			syncJobWorkflow('Queue parallel', 'queue-parallel', syncCredential, {
				waitForCompletion: 'poll',
				pollInterval: 1,
				waitTimeout: 2,
			}),
		);
		await n8n.activate(parallel.id);
		const answers = await Promise.all(
			Array.from({ length: 8 }, (_, index) =>
				callWebhook(`${n8n.url}/webhook/queue-parallel`, { index }),
			),
		);
		check(
			'eight webhook calls at once were accepted',
			answers.every((answer) => answer?.status === 200),
			answers.map((answer) => answer?.status ?? 'none').join(' '),
		);
		await Promise.all(answers.map((answer) => answer?.arrayBuffer()));
		const parallelRuns = await waitFor(
			async () => {
				const list = await n8n.executions(parallel.id);
				return list.length === 8 && list.every((execution) => execution.status === 'success')
					? list
					: undefined;
			},
			{ timeoutMs: 60_000, intervalMs: 500 },
		);
		const parallelList = parallelRuns ?? (await n8n.executions(parallel.id));
		parallelList.forEach((execution) => allExecutionIds.add(execution.id));
		const creates = (await sync.requests()).filter(
			(entry) => entry.method === 'POST' && entry.path === '/v2/generate',
		);
		check(
			'all eight executions succeeded, one Sync job each',
			Boolean(parallelRuns) && creates.length === 8,
			`${parallelList.map((execution) => `${execution.id} ${execution.status}`).join(', ')}; ${creates.length} jobs created`,
		);
		const parallelOn = Object.fromEntries(
			parallelList.map((execution) => [execution.id, startsOf(workers, execution.id)]),
		);
		const crossWorkerOverlap = parallelList.some((a) =>
			parallelList.some((b) => parallelOn[a.id][0] !== parallelOn[b.id][0] && overlap(a, b)),
		);
		check(
			'the eight spread over both workers, running at the same time (each in one worker log)',
			Object.values(parallelOn).every((names) => names.length === 1) &&
				workers.every((worker) =>
					Object.values(parallelOn).some((names) => names[0] === worker.name),
				) &&
				crossWorkerOverlap,
			`${placement(workers, parallelOn)}${crossWorkerOverlap ? '; runs on different workers overlapped' : '; no overlap'}`,
		);

		// Webhook Resume: four executions park (status waiting) on the workers; each job's signed
		// callback reaches main's /webhook-waiting/<id>, which queues the rest of the run for a worker.
		await sync.config({ stageMs: 3000 });
		await sync.clearRequests();
		const resume = await n8n.createWorkflow(
			syncJobWorkflow('Queue resume', 'queue-resume', syncCredential, {
				waitForCompletion: 'webhook',
				waitTimeout: 5,
			}),
		);
		await n8n.activate(resume.id);
		const resumeAnswers = await Promise.all(
			Array.from({ length: 4 }, (_, index) =>
				callWebhook(`${n8n.url}/webhook/queue-resume`, { index }),
			),
		);
		await Promise.all(resumeAnswers.map((answer) => answer?.arrayBuffer()));
		const parked = await waitFor(
			async () => {
				const list = await n8n.executions(resume.id);
				return list.length === 4 && list.every((execution) => execution.status === 'waiting')
					? list
					: undefined;
			},
			{ timeoutMs: 15_000, intervalMs: 100 },
		);
		const parkedOn = Object.fromEntries(
			(parked ?? []).map((execution) => [execution.id, startsOf(workers, execution.id)]),
		);
		const callbackUrls = (await sync.requests())
			.filter((entry) => entry.method === 'POST' && entry.path === '/v2/generate')
			.map((entry) => JSON.parse(entry.body).webhookUrl);
		check(
			"webhook resume: four executions parked on the workers, each job's callback aimed at main's resume URL",
			Boolean(parked) &&
				parked.every(
					(execution) =>
						parkedOn[execution.id].length === 1 &&
						callbackUrls.some((url) =>
							String(url).startsWith(`${n8n.url}/webhook-waiting/${execution.id}`),
						),
				),
			parked
				? `parked ${placement(workers, parkedOn)}; callbacks ${callbackUrls.join(' ')}`
				: 'not all waiting',
		);
		const resumed = await waitFor(
			async () => {
				const list = await n8n.executions(resume.id);
				return list.length === 4 &&
					list.every((execution) => ['success', 'error'].includes(execution.status))
					? list
					: undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 500 },
		);
		const outcomes = [];
		for (const execution of resumed ?? []) {
			allExecutionIds.add(execution.id);
			const items = n8n.outputOf(await n8n.execution(execution.id), 'Generate') ?? [];
			// Its two starts: where it parked (seen while it waited) and where the callback resumed it.
			const starts = startsOf(workers, execution.id);
			const parkedBy = parkedOn[execution.id]?.[0];
			const resumedBy = starts.filter((name, index) => index !== starts.indexOf(parkedBy))[0];
			outcomes.push({
				id: execution.id,
				ok:
					execution.status === 'success' &&
					items.length === 1 &&
					items[0].json?.status === 'COMPLETED' &&
					starts.length === 2 &&
					starts.includes(parkedBy),
				crossed: Boolean(parkedBy && resumedBy && parkedBy !== resumedBy),
				text: `${execution.id} ${execution.status} ${items[0]?.json?.status ?? 'no item'}, parked on ${parkedBy ?? '?'}, resumed on ${resumedBy ?? '?'}`,
			});
		}
		check(
			'webhook resume: each callback resumed its parked execution on a worker with the finished job',
			outcomes.length === 4 && outcomes.every((outcome) => outcome.ok),
			`${outcomes.map((outcome) => outcome.text).join('; ') || 'not resumed'}; ${
				outcomes.filter((outcome) => outcome.crossed).length
			} of ${outcomes.length} resumed on the other worker`,
		);

		// SIGTERM mid-run: two Webhook Resume executions park, six runs (~5 s each) start on both
		// workers; worker-2 gets SIGTERM while it runs some; four more runs and the parked jobs'
		// callbacks arrive during its shutdown. n8n's graceful shutdown pauses its queue and waits for
		// its running jobs: nothing may be lost, and each run's worker is reported.
		await sync.config({ stageMs: 2500 });
		await sync.clearRequests();
		const resumedBefore = new Set(outcomes.map((outcome) => outcome.id));
		const lateResumeAnswers = await Promise.all(
			Array.from({ length: 2 }, (_, index) =>
				callWebhook(`${n8n.url}/webhook/queue-resume`, { phase: 'sigterm', index }),
			),
		);
		await Promise.all(lateResumeAnswers.map((answer) => answer?.arrayBuffer()));
		const lateParked = await waitFor(
			async () => {
				const list = (await n8n.executions(resume.id)).filter(
					(execution) => !resumedBefore.has(execution.id),
				);
				return list.length === 2 && list.every((execution) => execution.status === 'waiting')
					? list
					: undefined;
			},
			{ timeoutMs: 15_000, intervalMs: 100 },
		);
		const lateParkedOn = Object.fromEntries(
			(lateParked ?? []).map((execution) => [execution.id, startsOf(workers, execution.id)[0]]),
		);
		const drain = await n8n.createWorkflow(
			syncJobWorkflow('Queue drain', 'queue-drain', syncCredential, {
				waitForCompletion: 'poll',
				pollInterval: 1,
				waitTimeout: 2,
			}),
		);
		await n8n.activate(drain.id);
		const [survivor, stopped] = workers;
		const firstWave = await Promise.all(
			Array.from({ length: 6 }, (_, index) =>
				callWebhook(`${n8n.url}/webhook/queue-drain`, { wave: 1, index }),
			),
		);
		await Promise.all(firstWave.map((answer) => answer?.arrayBuffer()));
		const runningOnStopped = await waitFor(
			async () => {
				const list = await n8n.executions(drain.id);
				const running = list
					.map((execution) => execution.id)
					.filter((id) => startsOf([stopped], id).length > 0 && !finishedOn(stopped, id));
				return running.length > 0 ? running : undefined;
			},
			{ timeoutMs: 15_000, intervalMs: 100 },
		);
		const shutdown = stopped.shutdown();
		// Once it logs what it drains, its queue is paused: what comes now is for the other worker.
		await waitFor(() => /Waiting for \d+ active executions/.test(stopped.log()), {
			timeoutMs: 10_000,
			intervalMs: 50,
		});
		const secondWave = await Promise.all(
			Array.from({ length: 4 }, (_, index) =>
				callWebhook(`${n8n.url}/webhook/queue-drain`, { wave: 2, index }),
			),
		);
		await Promise.all(secondWave.map((answer) => answer?.arrayBuffer()));
		const exit = await shutdown;
		// What n8n itself says it was running when the SIGTERM came (its first drain line).
		const drainLine = stopped
			.log()
			.split('\n')
			.find((line) => /Waiting for \d+ active executions/.test(line));
		const runningAtSigterm = drainLine?.match(/execution IDs: ([\d, ]+)/)?.[1].split(/, */) ?? [];
		check(
			`SIGTERM mid-run: ${stopped.name} was running ${runningAtSigterm.length} execution(s) and shut down gracefully (exit code 0)`,
			Boolean(runningOnStopped) && runningAtSigterm.length > 0 && exit.code === 0,
			`exit ${exit.code ?? exit.signal}; its log: ${drainLine?.trim() ?? 'no drain line'}`,
		);
		const drained = await waitFor(
			async () => {
				const list = await n8n.executions(drain.id);
				return list.length === 10 && list.every((execution) => execution.status === 'success')
					? list
					: undefined;
			},
			{ timeoutMs: 60_000, intervalMs: 500 },
		);
		const drainList = drained ?? (await n8n.executions(drain.id));
		drainList.forEach((execution) => allExecutionIds.add(execution.id));
		// Jobs without a callback URL: the polled runs (the parked ones have theirs).
		const drainCreates = (await sync.requests()).filter(
			(entry) =>
				entry.method === 'POST' &&
				entry.path === '/v2/generate' &&
				!JSON.parse(entry.body).webhookUrl,
		);
		check(
			'SIGTERM mid-run: nothing lost, all ten executions succeeded with one Sync job each',
			Boolean(drained) && drainCreates.length === 10,
			`${drainList.map((execution) => `${execution.id} ${execution.status}`).join(', ')}; ${drainCreates.length} jobs created`,
		);
		const fates = runningAtSigterm.map((id) => {
			if (finishedOn(stopped, id)) return { id, fate: `finished on ${stopped.name}` };
			if (startsOf([survivor], id).length > 0) return { id, fate: `picked up by ${survivor.name}` };
			return { id, fate: 'lost' };
		});
		check(
			`SIGTERM mid-run: what ${stopped.name} was running finished there or was picked up by ${survivor.name}`,
			fates.length > 0 && fates.every((entry) => entry.fate !== 'lost'),
			fates.map((entry) => `${entry.id} ${entry.fate}`).join(', '),
		);
		const drainOn = Object.fromEntries(
			drainList.map((execution) => [execution.id, startsOf(workers, execution.id)]),
		);
		const late = drainList.filter((execution) => !drainOn[execution.id].includes(stopped.name));
		check(
			`SIGTERM mid-run: the runs ${stopped.name} did not start went to ${survivor.name}`,
			late.every((execution) => drainOn[execution.id].includes(survivor.name)) && late.length >= 4,
			placement(workers, drainOn),
		);

		// The executions parked before the SIGTERM: their callbacks came while worker-2 shut down.
		const lateResumed = await waitFor(
			async () => {
				const list = (await n8n.executions(resume.id)).filter(
					(execution) => !resumedBefore.has(execution.id),
				);
				return list.length === 2 &&
					list.every((execution) => ['success', 'error'].includes(execution.status))
					? list
					: undefined;
			},
			{ timeoutMs: 30_000, intervalMs: 500 },
		);
		const lateOutcomes = [];
		for (const execution of lateResumed ?? []) {
			allExecutionIds.add(execution.id);
			const items = n8n.outputOf(await n8n.execution(execution.id), 'Generate') ?? [];
			const starts = startsOf(workers, execution.id);
			const parkedBy = lateParkedOn[execution.id];
			const resumedBy = starts.filter((name, index) => index !== starts.indexOf(parkedBy))[0];
			lateOutcomes.push({
				ok:
					execution.status === 'success' &&
					items[0]?.json?.status === 'COMPLETED' &&
					starts.length === 2,
				text: `${execution.id} ${execution.status} ${items[0]?.json?.status ?? 'no item'}, parked on ${parkedBy ?? '?'}, resumed on ${resumedBy ?? '?'}`,
			});
		}
		check(
			`SIGTERM mid-run: executions parked before it resumed on their callbacks with the finished job`,
			lateOutcomes.length === 2 && lateOutcomes.every((outcome) => outcome.ok),
			lateOutcomes.map((outcome) => outcome.text).join('; ') || 'not resumed',
		);

		// Everything is in PostgreSQL: the executions n8n listed are rows of execution_entity there.
		const rows = await postgres.query('SELECT id, status FROM execution_entity');
		const stored = new Map(rows.map(([id, status]) => [id, status]));
		const missing = [...allExecutionIds].filter((id) => stored.get(String(id)) !== 'success');
		check(
			`PostgreSQL holds all ${allExecutionIds.size} executions, each with status success`,
			allExecutionIds.size === 30 && missing.length === 0,
			`${rows.length} rows in execution_entity${missing.length ? `; missing or not success: ${missing.join(', ')}` : ''}`,
		);
	} catch (error) {
		check('queue run completed', false, String(error?.stack ?? error));
		if (n8n) console.error(n8n.logTail());
		for (const worker of workers)
			console.error(`--- ${worker.name}\n${worker.log().split('\n').slice(-20).join('\n')}`);
	} finally {
		for (const worker of workers) await worker.stop();
		await n8n?.stop();
		emulators?.stop();
		redis?.stop();
		await postgres?.stop();
		if (process.env.KEEP_E2E_FOLDERS) console.log(`kept ${n8n?.userFolder}`);
		else if (n8n) rmSync(n8n.userFolder, { recursive: true, force: true });
		rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
	}
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
