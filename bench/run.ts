/**
 * Benchmarks against the local emulators in n8n's real engine, each measured as a ratio against
 * n8n's own HTTP Request node (Header Auth credential, Retry On Fail at its best values) doing the
 * same calls in the same engine, in the same run. Prints tables and writes bench/results.json.
 * `npm run bench` (full) · `npm run bench -- --quick` (the smoke size CI runs; targets not gated).
 * The peer node comes from the n8n install that `scripts/ensure-n8n.mjs` caches (the e2e suite installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { resetPacing } from '../nodes/shared/pacing';
import { startEmulator, TEST_KEYS } from '../test/emulators';
import type { Emulator } from '../test/emulators/core';
import { runWorkflow } from '../test/harness/engine';
import { registerCredentialType } from '../test/harness/types';
import { NODE_NAME, runNode } from '../test/harness/workflows';

const quick = process.argv.includes('--quick');
const REPO = path.resolve(__dirname, '..');
const NODES_BASE = path.join(
	process.env.N8N_CACHE_DIR ??
		path.join(os.homedir(), '.cache', 'n8n-nodes-creator-suite', 'n8n-2.40.7-node-24.21.0'),
	'n8n',
	'node_modules',
	'n8n-nodes-base',
	'dist',
);

/** n8n's HTTP Request node and Header Auth credential, when the cached n8n install is there. */
function loadPeer(): INodeType | undefined {
	const nodeFile = path.join(NODES_BASE, 'nodes/HttpRequest/HttpRequest.node.js');
	if (!existsSync(nodeFile)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpHeaderAuth } = require(
		path.join(NODES_BASE, 'credentials/HttpHeaderAuth.credentials.js'),
	);
	registerCredentialType(new HttpHeaderAuth());
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(nodeFile);
	return new HttpRequest() as INodeType;
}

interface Outcome {
	seconds: number;
	requests: number;
	responses429: number;
	failedItems: number;
}

function outcome(emulator: Emulator, started: number, failedItems: number): Outcome {
	return {
		seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
		requests: emulator.log.length,
		responses429: emulator.log.filter((entry) => entry.status === 429).length,
		failedItems,
	};
}

async function ours(
	emulator: Emulator,
	items: number,
	requestsPerMinute: number,
): Promise<Outcome> {
	emulator.clearLog();
	resetPacing();
	const started = Date.now();
	const result = await runNode({
		type: 'sync',
		credentialType: 'syncApi',
		credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.baseUrl },
		parameters: {
			resource: 'model',
			operation: 'getAll',
			requestOptions: { requestsPerMinute, maxRetries: 20 },
		},
		items,
		continueOnFail: true,
	});
	const failed = new Set(
		result
			.output(NODE_NAME)
			.filter((item) => item.json.error)
			.map((item) => (item.pairedItem as { item: number }).item),
	).size;
	return outcome(emulator, started, failed);
}

/**
 * The peer: HTTP Request (v4.2) GET with Header Auth; Retry On Fail at its best (5 tries, 5 s,
 * the most n8n allows); optionally its own batching (1 request per interval) as pacing.
 */
async function peer(
	node: INodeType,
	emulator: Emulator,
	items: number,
	batchIntervalMs?: number,
): Promise<Outcome> {
	emulator.clearLog();
	const parameters: INodeParameters = {
		url: `${emulator.baseUrl}/v2/models`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		options: batchIntervalMs
			? { batching: { batch: { batchSize: 1, batchInterval: batchIntervalMs } } }
			: {},
	};
	const started = Date.now();
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'peer',
					name: 'Peer',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [0, 0],
					parameters,
					credentials: { httpHeaderAuth: { id: '1', name: 'Header Auth' } },
					retryOnFail: true,
					maxTries: 5,
					waitBetweenTries: 5000,
				},
			],
			connections: {},
		},
		{
			credentials: { httpHeaderAuth: { name: 'x-api-key', value: TEST_KEYS.sync.valid } },
			input: Array.from({ length: items }, (_, index) => ({ json: { index } })),
			extraNodeTypes: new Map([['n8n-nodes-base.httpRequest', node]]),
		},
	);
	// The peer fails the whole node (all items) once its retries are used up.
	return outcome(emulator, started, result.error('Peer') ? items : 0);
}

async function rateLimited(peerNode: INodeType | undefined) {
	const items = quick ? 60 : 300;
	const limit = quick ? 1200 : 600;
	const ideal = (items / limit) * 60;
	const emulator = await startEmulator('sync');
	// R requests/minute enforced per second (a 1 s burst), as APIs with per-second buckets do.
	Object.assign(emulator.config, {
		otherPerMinute: limit,
		burst: Math.max(1, Math.round(limit / 60)),
	});
	const rows: Array<Record<string, unknown>> = [];
	const add = (subject: string, result: Outcome) =>
		rows.push({
			subject,
			items,
			limitPerMinute: limit,
			...result,
			ratioToNOverR: Number((result.seconds / ideal).toFixed(3)),
			percent429: Number(((result.responses429 / Math.max(1, result.requests)) * 100).toFixed(2)),
		});
	try {
		add('this node, Requests per Minute = R', await ours(emulator, items, limit));
		add('this node, pacing off', await ours(emulator, items, 0));
		if (peerNode) {
			add('HTTP Request node, Retry On Fail (5 tries, 5 s)', await peer(peerNode, emulator, items));
			add(
				'HTTP Request node, batching 1 per 60/R s + Retry On Fail',
				await peer(peerNode, emulator, items, Math.ceil(60_000 / limit)),
			);
		}
	} finally {
		await emulator.close();
	}
	return rows;
}

async function overhead(peerNode: INodeType | undefined) {
	const items = quick ? 200 : 2000;
	const emulator = await startEmulator('sync');
	Object.assign(emulator.config, { otherPerMinute: 10_000_000 });
	try {
		await ours(emulator, 20, 0); // warm-up
		const mine = await ours(emulator, items, 0);
		const theirs = peerNode ? await peer(peerNode, emulator, items) : undefined;
		return {
			items,
			oursSeconds: mine.seconds,
			peerSeconds: theirs?.seconds ?? null,
			ratio: theirs ? Number((mine.seconds / theirs.seconds).toFixed(3)) : null,
			note: 'ours runs items one after another; the HTTP Request node sends them concurrently',
		};
	} finally {
		await emulator.close();
	}
}

async function completionLatency() {
	const emulator = await startEmulator('sync');
	const jobs = quick ? 2 : 5;
	const intervalSeconds = 1;
	Object.assign(emulator.config, { stageMs: 700 });
	const latencies: number[] = [];
	try {
		for (let index = 0; index < jobs; index++) {
			const result = await runNode({
				type: 'sync',
				credentialType: 'syncApi',
				credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.baseUrl },
				parameters: {
					resource: 'generation',
					operation: 'create',
					model: 'lipsync-2',
					videoUrl: 'https://cdn.example.com/v.mp4',
					audioUrl: 'https://cdn.example.com/a.mp3',
					waitForCompletion: 'poll',
					pollInterval: intervalSeconds,
					waitTimeout: 1,
				},
			});
			const emittedAt = Date.now();
			const id = String(result.output(NODE_NAME)[0].json.id);
			latencies.push(
				emittedAt - Number((emulator.hooks.completedAt as (id: string) => number)(id)),
			);
		}
	} finally {
		await emulator.close();
	}
	const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
	return {
		mode: 'Poll',
		pollIntervalSeconds: intervalSeconds,
		jobs,
		meanLatencySeconds: Number((mean / 1000).toFixed(3)),
		maxLatencySeconds: Number((Math.max(...latencies) / 1000).toFixed(3)),
		webhookResume: 'not built yet (issue 10)',
	};
}

/** Run in its own process (bench/streaming.ts) so the memory baseline is not the other scenarios' heap. */
function streamedDownload() {
	const megabytes = quick ? 50 : 1024;
	const output = execFileSync(
		process.execPath,
		['--expose-gc', '--import', 'tsx', path.join(__dirname, 'streaming.ts'), String(megabytes)],
		{ cwd: REPO, encoding: 'utf8' },
	);
	return JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

async function packageWeight() {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: REPO,
			encoding: 'utf8',
		}),
	) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const pkg = JSON.parse(
		execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], {
			cwd: REPO,
			encoding: 'utf8',
		}),
	) as { dependencies?: object };
	// n8n's own loader (n8n-core PackageDirectoryLoader), as n8n loads a community package at start.
	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(REPO);
	await loader.loadAll();
	const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
	return {
		tarballKB: Number((packed.size / 1024).toFixed(1)),
		unpackedKB: Number((packed.unpackedSize / 1024).toFixed(1)),
		files: packed.entryCount,
		runtimeDependencies: Object.keys(pkg.dependencies ?? {}).length,
		n8nLoadMs: Number(loadMs.toFixed(1)),
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
	};
}

async function main() {
	const peerNode = loadPeer();
	if (!peerNode)
		console.log(
			`(peer HTTP Request node not found under ${NODES_BASE}: run npm run test:e2e once; peer rows are skipped)`,
		);
	const results = {
		takenAt: new Date().toISOString(),
		quick,
		machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'cpu', node: process.version },
		rateLimited: await rateLimited(peerNode),
		overhead: await overhead(peerNode),
		completionLatency: await completionLatency(),
		streaming: streamedDownload(),
		package: await packageWeight(),
	};
	console.log(
		`\nBenchmarks (${quick ? 'quick' : 'full'}) on ${results.machine.cpus} × ${results.machine.cpu}, Node ${process.version}`,
	);
	console.log('\n1. Rate-limited throughput (target: ≤ 1.05 × N/R, 0 failed, ≤ 2 % 429s)');
	console.table(results.rateLimited);
	console.log('2. Overhead, no limit (target: ours / peer ≤ 1.10)');
	console.table([results.overhead]);
	console.log('3. Completion latency');
	console.table([results.completionLatency]);
	console.log('4. Streamed download (target: peak RSS growth < 64 MiB)');
	console.table([results.streaming]);
	console.log('5. Package (targets: < 300 KB, 0 runtime dependencies)');
	console.table([results.package]);
	writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
	const ourRows = results.rateLimited.filter((row) => String(row.subject).startsWith('this node'));
	if (ourRows.some((row) => Number(row.failedItems) > 0)) {
		console.error('items failed');
		process.exitCode = 1;
	}
}

void main();
