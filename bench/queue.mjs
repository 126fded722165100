#!/usr/bin/env node
// Benchmark (npm run bench runs it in full mode): two n8n queue-mode workers (PostgreSQL + Redis)
// run Synaptiq Lead → Get on the same credential at the same time, default options, against the
// Synaptiq emulator answering after 150 ms with X-RateLimit-* headers on every reply. The workers
// share nothing but the service's own counters. Prints one JSON line: time ÷ (N/R), 429s, failed items.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { packPackage, repo, startEmulators, waitFor } from '../test/e2e/lib.mjs';
import { startN8n } from '../test/e2e/n8n-server.mjs';
import { startPostgres, startRedis } from '../test/e2e/services.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const ITEMS_PER_EXECUTION = 150;
const WORKERS = 2;
/** 120 requests per fixed 12 s window: 600 per minute. */
const WINDOW_LIMIT = 120;
const WINDOW_MS = 12_000;
const LATENCY_MS = 150;

function leadsWorkflow(credential, webhookPath) {
	return {
		name: `Bench ${webhookPath}`,
		connections: {
			Start: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
			Split: { main: [[{ node: 'Get Lead', type: 'main', index: 0 }]] },
		},
		settings: {},
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
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'Split',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.ids', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Get Lead',
				type: `${pkg.name}.synaptiq`,
				typeVersion: 1,
				position: [400, 0],
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'lead',
					operation: 'get',
					leadId: { __rl: true, mode: 'id', value: '={{ $json.leadId }}' },
				},
				credentials: { synaptiqApi: { id: credential.id, name: credential.name } },
			},
		],
	};
}

async function main() {
	const packed = packPackage();
	let redis;
	let postgres;
	let emulators;
	let n8n;
	const workers = [];
	try {
		redis = await startRedis();
		postgres = await startPostgres();
		emulators = await startEmulators();
		const synaptiq = emulators.control('synaptiq');
		const seeded = await synaptiq.api('POST', '/leads', {
			email: 'bench@example.com',
			name: 'Bench Lead',
		});
		const leadId = String(seeded.body.id);
		n8n = await startN8n({
			packageTarball: packed.tarball,
			env: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				...postgres.env,
			},
		});
		for (let index = 0; index < WORKERS; index++)
			workers.push(await n8n.startWorker({ concurrency: 1 }));
		await n8n.setupOwnerAndLogin();
		const credential = await n8n.createCredential('synaptiqApi', 'synaptiq bench', {
			apiKey: emulators.keys.synaptiq,
			baseUrl: emulators.baseUrls.synaptiq,
			keyScope: 'unknown',
		});
		const saved = await n8n.createWorkflow(leadsWorkflow(credential, 'bench-leads'));
		await n8n.activate(saved.id);
		const url = `${n8n.url}/webhook/bench-leads`;
		const body = JSON.stringify({ ids: Array(ITEMS_PER_EXECUTION).fill({ leadId }) });
		const post = () =>
			fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		// n8n answers an activation before it registers the webhook: wait for it with a 1-item call.
		await waitFor(async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ids: [{ leadId }] }),
			});
			await answer.arrayBuffer();
			return answer.status !== 404;
		});
		// Every limit for every plan and scope: the emulator's key is admin-scoped, one bucket per key.
		const limits = { read: WINDOW_LIMIT, write: WINDOW_LIMIT, admin: WINDOW_LIMIT };
		await synaptiq.config({
			scopeLimits: { starter: limits, pro: limits, enterprise: limits },
			windowMs: WINDOW_MS,
			latencyMs: LATENCY_MS,
		});
		// A fresh window for the measured run.
		await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
		await synaptiq.clearRequests();
		const started = Date.now();
		const answers = await Promise.all(Array.from({ length: WORKERS }, post));
		const seconds = (Date.now() - started) / 1000;
		const outputs = await Promise.all(answers.map((answer) => answer.json()));
		const items = outputs.flat();
		const requests = (await synaptiq.requests()).filter((entry) =>
			String(entry.path).includes('/leads/'),
		);
		const responses429 = requests.filter((entry) => entry.status === 429).length;
		const total = WORKERS * ITEMS_PER_EXECUTION;
		const ideal = (total / ((WINDOW_LIMIT * 60_000) / WINDOW_MS)) * 60;
		const ranOn = workers.map(
			(worker) => (worker.log().match(/Worker started execution/g) ?? []).length,
		);
		console.log(
			JSON.stringify({
				subject: `this node, default options, ${WORKERS} queue-mode workers on one credential`,
				items: total,
				limitPerMinute: (WINDOW_LIMIT * 60_000) / WINDOW_MS,
				window: `${WINDOW_LIMIT} per fixed ${WINDOW_MS / 1000} s (X-RateLimit-* headers)`,
				latencyMs: LATENCY_MS,
				seconds: Number(seconds.toFixed(3)),
				requests: requests.length,
				responses429,
				failedItems:
					total - items.filter((item) => item && item.id === leadId && !item.error).length,
				ratioToNOverR: Number((seconds / ideal).toFixed(3)),
				percent429: Number(((responses429 / Math.max(1, requests.length)) * 100).toFixed(2)),
				executionsPerWorker: ranOn.join(' / '),
			}),
		);
	} finally {
		for (const worker of workers) await worker.stop();
		if (n8n) await n8n.stop();
		emulators?.stop();
		await postgres?.stop();
		redis?.stop();
		if (n8n?.userFolder) rmSync(n8n.userFolder, { recursive: true, force: true });
		rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
