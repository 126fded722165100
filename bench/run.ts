/**
 * Benchmarks against the local emulators in n8n's real engine, each measured as a ratio against
 * n8n's own HTTP Request node (Header Auth credential, Retry On Fail at its best values) doing the
 * same calls in the same engine, in the same run. Prints tables and writes bench/results.json.
 * `npm run bench` (full) · `npm run bench -- --quick` (the smoke size CI runs; targets not gated).
 * The peer node comes from the n8n install that `scripts/ensure-n8n.mjs` caches (the e2e suite installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
		seconds: Number(((Date.now() - started) / 1000).toFixed(3)),
		requests: emulator.log.length,
		responses429: emulator.log.filter((entry) => entry.status === 429).length,
		failedItems,
	};
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const PAIRS = 3;

/** A B A B …: both sides see the same machine load; the ratio is the median of the pairs' ratios. */
async function interleaved(a: () => Promise<Outcome>, b: () => Promise<Outcome>) {
	const runs: Array<{ a: Outcome; b: Outcome }> = [];
	for (let pair = 0; pair < PAIRS; pair++) runs.push({ a: await a(), b: await b() });
	const middleOf = (side: 'a' | 'b') => {
		const seconds = median(runs.map((run) => run[side].seconds));
		return runs.map((run) => run[side]).find((run) => run.seconds === seconds) ?? runs[0][side];
	};
	return {
		a: middleOf('a'),
		b: middleOf('b'),
		ratio: round(median(runs.map((run) => run.a.seconds / run.b.seconds))),
		pairs: runs.map((run) => [run.a.seconds, run.b.seconds]),
	};
}

interface Target {
	emulator: Emulator;
	/** This package's node and its parameters. */
	node: { type: string; credentialType: string; apiKey: string; parameters: INodeParameters };
	/** The same GET for the HTTP Request node, with the header our credential sends. */
	peer: { url: string; header: { name: string; value: string } };
}

function syncModels(emulator: Emulator): Target {
	return {
		emulator,
		node: {
			type: 'sync',
			credentialType: 'syncApi',
			apiKey: TEST_KEYS.sync.valid,
			parameters: { resource: 'model', operation: 'getAll' },
		},
		peer: {
			url: `${emulator.baseUrl}/v2/models`,
			header: { name: 'x-api-key', value: TEST_KEYS.sync.valid },
		},
	};
}

/** HeyGen User → Get Current: an endpoint without a published limit, so nothing paces it. */
function heyGenUser(emulator: Emulator): Target {
	return {
		emulator,
		node: {
			type: 'heyGen',
			credentialType: 'heyGenApi',
			apiKey: TEST_KEYS.heygen.valid,
			parameters: { resource: 'user', operation: 'getCurrent' },
		},
		peer: {
			url: `${emulator.baseUrl}/v3/users/me`,
			header: { name: 'X-Api-Key', value: TEST_KEYS.heygen.valid },
		},
	};
}

async function ours(
	target: Target,
	items: number,
	requestOptions: Record<string, number> = {},
): Promise<Outcome> {
	const { emulator, node } = target;
	emulator.clearLog();
	resetPacing();
	const started = Date.now();
	const result = await runNode({
		type: node.type,
		credentialType: node.credentialType,
		credentials: { apiKey: node.apiKey, baseUrl: emulator.baseUrl },
		parameters: { ...node.parameters, requestOptions },
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
 * the most n8n allows); optionally its own batching.
 */
async function peer(
	node: INodeType,
	target: Target,
	items: number,
	batching?: { batchSize: number; batchInterval: number },
): Promise<Outcome> {
	const { emulator } = target;
	emulator.clearLog();
	const parameters: INodeParameters = {
		url: target.peer.url,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		options: batching ? { batching: { batch: batching } } : {},
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
			credentials: { httpHeaderAuth: target.peer.header },
			input: Array.from({ length: items }, (_, index) => ({ json: { index } })),
			extraNodeTypes: new Map([['n8n-nodes-base.httpRequest', node]]),
		},
	);
	// The peer fails the whole node (all items) once its retries are used up.
	return outcome(emulator, started, result.error('Peer') ? items : 0);
}

/** 1. N items under R requests/minute, enforced per second, 150 ms per answer; default options. */
async function rateLimited(peerNode: INodeType | undefined) {
	const items = quick ? 60 : 300;
	const limit = 600;
	const latencyMs = 150;
	const ideal = (items / limit) * 60;
	const emulator = await startEmulator('sync');
	Object.assign(emulator.config, {
		otherPerMinute: limit,
		burst: Math.max(1, Math.round(limit / 60)),
		latencyMs,
	});
	const target = syncModels(emulator);
	const rows: Array<Record<string, unknown>> = [];
	const add = (subject: string, result: Outcome) =>
		rows.push({
			subject,
			items,
			limitPerMinute: limit,
			latencyMs,
			...result,
			ratioToNOverR: round(result.seconds / ideal),
			percent429: round((result.responses429 / Math.max(1, result.requests)) * 100, 2),
		});
	try {
		// The peer's best batching for R/min: R/60 requests a second, the interval less the latency.
		const batching = { batchSize: limit / 60, batchInterval: 1000 - latencyMs };
		if (peerNode) {
			const pair = await interleaved(
				() => ours(target, items),
				() => peer(peerNode, target, items, batching),
			);
			add(`this node, default options (median of ${PAIRS})`, pair.a);
			add(
				`HTTP Request node, batching ${batching.batchSize} per ${batching.batchInterval} ms + Retry On Fail (median of ${PAIRS})`,
				pair.b,
			);
			add('HTTP Request node, Retry On Fail (5 tries, 5 s)', await peer(peerNode, target, items));
		} else {
			add('this node, default options', await ours(target, items));
		}
		add(
			'this node, Requests per Minute = R',
			await ours(target, items, { requestsPerMinute: limit }),
		);
	} finally {
		await emulator.close();
	}
	return rows;
}

/** 2. Per-item cost: N items, no limit, no latency, default options on both sides. */
async function overhead(peerNode: INodeType | undefined) {
	const items = quick ? 200 : 2000;
	const emulator = await startEmulator('heygen');
	const target = heyGenUser(emulator);
	try {
		await ours(target, 20); // warm-up
		if (!peerNode) return { items, oursSeconds: (await ours(target, items)).seconds };
		await peer(peerNode, target, 20);
		const pair = await interleaved(
			() => ours(target, items),
			() => peer(peerNode, target, items),
		);
		return {
			items,
			oursSeconds: pair.a.seconds,
			peerSeconds: pair.b.seconds,
			medianRatio: pair.ratio,
			pairs: JSON.stringify(pair.pairs),
		};
	} finally {
		await emulator.close();
	}
}

/** 3. N items, no limit, 150 ms per answer: items in flight against the peer's batches. */
async function latencyBound(peerNode: INodeType | undefined) {
	const items = quick ? 200 : 2000;
	const latencyMs = 150;
	const concurrency = 20;
	const emulator = await startEmulator('heygen');
	emulator.config.latencyMs = latencyMs;
	const target = heyGenUser(emulator);
	try {
		const defaults = await ours(target, items);
		// Reads run 5 at once by default.
		const defaultIdeal = (items / 5) * (latencyMs / 1000);
		const result: Record<string, unknown> = {
			items,
			latencyMs,
			defaultOptionsSeconds: defaults.seconds,
			defaultOptionsRatioToNOverCTimesLatency: round(defaults.seconds / defaultIdeal),
		};
		if (peerNode) {
			const pair = await interleaved(
				() => ours(target, items, { concurrency }),
				() => peer(peerNode, target, items, { batchSize: concurrency, batchInterval: latencyMs }),
			);
			Object.assign(result, {
				concurrency20Seconds: pair.a.seconds,
				peerBatching20Seconds: pair.b.seconds,
				medianRatio: pair.ratio,
				pairs: JSON.stringify(pair.pairs),
			});
		}
		return result;
	} finally {
		await emulator.close();
	}
}

/** 4a. Poll: the job's end → the node's output, with a 1 s poll interval. */
async function pollLatency() {
	const emulator = await startEmulator('sync');
	const jobs = quick ? 2 : 5;
	const intervalSeconds = 1;
	Object.assign(emulator.config, { stageMs: 700 });
	const latencies: number[] = [];
	try {
		for (let index = 0; index < jobs; index++) {
			resetPacing();
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
	return {
		mode: 'Poll',
		pollIntervalSeconds: intervalSeconds,
		jobs,
		medianLatencySeconds: round(median(latencies) / 1000),
		maxLatencySeconds: round(Math.max(...latencies) / 1000),
		maxRatioToInterval: round(Math.max(...latencies) / 1000 / intervalSeconds),
	};
}

/**
 * 4b. Webhook Resume needs n8n's waiting-webhook server: the resume e2e suite runs on a real n8n
 * and records, per create operation, the job's final callback → the execution finished.
 */
function webhookResumeLatency() {
	if (quick) return { mode: 'Webhook Resume', note: 'full run only (real n8n)' };
	const file = path.join(os.tmpdir(), `resume-latency-${process.pid}.json`);
	try {
		execFileSync(process.execPath, [path.join(REPO, 'test/e2e/resume.mjs')], {
			cwd: REPO,
			env: { ...process.env, RESUME_LATENCY_FILE: file },
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	} catch {
		// A failed check still records the latencies it measured; a missing file says it did not run.
	}
	if (!existsSync(file)) return { mode: 'Webhook Resume', note: 'the resume suite did not run' };
	const measured = JSON.parse(readFileSync(file, 'utf8')) as Array<{ case: string; ms: number }>;
	const values = measured.map((entry) => entry.ms).filter(Number.isFinite);
	return {
		mode: 'Webhook Resume (real n8n)',
		jobs: values.length,
		medianLatencySeconds: round(median(values) / 1000),
		maxLatencySeconds: round(Math.max(...values) / 1000),
		cases: measured.map((entry) => `${entry.case}: ${entry.ms} ms`).join('; '),
	};
}

/**
 * 1b. Two queue-mode workers of a real n8n on one credential (full run only): bench/queue.mjs, which
 * prints one row.
 */
function twoWorkers() {
	if (quick) return undefined;
	try {
		const output = execFileSync(process.execPath, [path.join(__dirname, 'queue.mjs')], {
			cwd: REPO,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		return JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
	} catch (error) {
		return { subject: 'two queue-mode workers', note: `did not run: ${(error as Error).message}` };
	}
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
		twoWorkers: twoWorkers(),
		overhead: await overhead(peerNode),
		latencyBound: await latencyBound(peerNode),
		completionLatency: [await pollLatency(), webhookResumeLatency()],
		streaming: streamedDownload(),
		package: await packageWeight(),
	};
	console.log(
		`\nBenchmarks (${quick ? 'quick' : 'full'}) on ${results.machine.cpus} × ${results.machine.cpu}, Node ${process.version}`,
	);
	console.log(
		'\n1. Rate-limited, 150 ms latency, default options (target: ≤ 1.05 × N/R, 0 failed, ≤ 2 % 429s)',
	);
	console.table(results.rateLimited);
	if (results.twoWorkers) {
		console.log(
			'1b. Two queue-mode workers on one credential, Synaptiq-style headers (target: ≤ 1.10 × N/R, ≤ 2 % 429s, 0 failed)',
		);
		console.table([results.twoWorkers]);
	}
	console.log(
		'2. Overhead, no limit, no latency, default options (target: median ours / peer ≤ 1.0)',
	);
	console.table([results.overhead]);
	console.log(
		'3. No limit, 150 ms latency (targets: Concurrency 20 ≤ 0.8 × peer batching 20; default ≤ 1.2 × N ÷ 5 × latency)',
	);
	console.table([results.latencyBound]);
	console.log(
		'4. Completion latency (targets: Poll ≤ 1.1 × interval; Webhook Resume median ≤ 1 s)',
	);
	console.table(results.completionLatency);
	console.log('5. Streamed download (target: peak RSS growth < 64 MiB)');
	console.table([results.streaming]);
	console.log('6. Package (targets: < 300 KB, 0 runtime dependencies)');
	console.table([results.package]);
	writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
	const ourRows = results.rateLimited.filter((row) => String(row.subject).startsWith('this node'));
	if (ourRows.some((row) => Number(row.failedItems) > 0)) {
		console.error('items failed');
		process.exitCode = 1;
	}
}

void main();
