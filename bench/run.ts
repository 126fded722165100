/**
 * Benchmarks against the local emulators in n8n's real engine. Prints a table and writes
 * bench/results.json. `npm run bench` (full), `npm run bench -- --quick` (the smoke size CI runs).
 *
 * Rate-limited throughput: N items of a read operation against an emulator limited to R
 * requests/minute, with the node's pacing on (Requests per Minute = R) and off.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { resetPacing } from '../nodes/shared/pacing';
import { startEmulator, TEST_KEYS } from '../test/emulators';
import type { Emulator } from '../test/emulators/core';
import { NODE_NAME, runNode } from '../test/harness/workflows';

const quick = process.argv.includes('--quick');

interface Row {
	scenario: string;
	limiter: string;
	items: number;
	limitPerMinute: number;
	pacing: 'on' | 'off';
	seconds: number;
	idealSeconds: number;
	ratio: number;
	requests: number;
	responses429: number;
	percent429: number;
	failedItems: number;
}

async function rateLimited(
	emulator: Emulator,
	limiter: string,
	run: { type: string; credentialType: string; key: string; parameters: Record<string, unknown> },
	items: number,
	limitPerMinute: number,
	pacing: boolean,
): Promise<Row> {
	emulator.reset();
	resetPacing();
	if (limiter.startsWith('token bucket')) {
		emulator.config.otherPerMinute = limitPerMinute;
		emulator.config.burst = Math.max(1, Math.round(limitPerMinute / 60));
	} else {
		emulator.config.paidPerMinute = limitPerMinute;
	}
	const started = Date.now();
	const result = await runNode({
		type: run.type,
		credentialType: run.credentialType,
		credentials: { apiKey: run.key, baseUrl: emulator.baseUrl },
		parameters: { ...run.parameters, requestOptions: { requestsPerMinute: pacing ? limitPerMinute : 0, maxRetries: 20 } },
		items,
		continueOnFail: true,
	});
	const seconds = (Date.now() - started) / 1000;
	const outputs = result.output(NODE_NAME);
	const failedItems = new Set(outputs.filter((item) => item.json.error).map((item) => (item.pairedItem as { item: number }).item)).size;
	const responses429 = emulator.log.filter((entry) => entry.status === 429).length;
	const idealSeconds = (items / limitPerMinute) * 60;
	return {
		scenario: 'rate-limited throughput',
		limiter,
		items,
		limitPerMinute,
		pacing: pacing ? 'on' : 'off',
		seconds: Number(seconds.toFixed(2)),
		idealSeconds: Number(idealSeconds.toFixed(2)),
		ratio: Number((seconds / idealSeconds).toFixed(3)),
		requests: emulator.log.length,
		responses429,
		percent429: Number(((responses429 / emulator.log.length) * 100).toFixed(2)),
		failedItems,
	};
}

async function main() {
	const rows: Row[] = [];
	const items = quick ? 40 : 200;
	const limit = quick ? 1200 : 600;

	const sync = await startEmulator('sync');
	const socialsyncer = await startEmulator('socialsyncer');
	const syncRun = { type: 'sync', credentialType: 'syncApi', key: TEST_KEYS.sync.valid, parameters: { resource: 'model', operation: 'list' } };
	const socialRun = {
		type: 'socialSyncer',
		credentialType: 'socialSyncerApi',
		key: TEST_KEYS.socialsyncer.valid,
		parameters: { resource: 'account', operation: 'list', platform: '' },
	};
	try {
		for (const pacing of [true, false]) {
			rows.push(await rateLimited(sync, 'token bucket, 1 s burst (Sync)', syncRun, items, limit, pacing));
			rows.push(await rateLimited(socialsyncer, 'fixed 60 s window (SocialSyncer)', socialRun, items, limit, pacing));
		}
	} finally {
		await sync.close();
		await socialsyncer.close();
	}

	console.log(`\nBenchmarks (${quick ? 'quick' : 'full'}) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
	console.table(
		rows.map((row) => ({
			limiter: row.limiter,
			'N / R': `${row.items} / ${row.limitPerMinute}/min`,
			pacing: row.pacing,
			'time s': row.seconds,
			'ideal N/R s': row.idealSeconds,
			'time / (N/R)': row.ratio,
			requests: row.requests,
			'429s': `${row.responses429} (${row.percent429} %)`,
			'failed items': row.failedItems,
		})),
	);
	const failed = rows.reduce((sum, row) => sum + row.failedItems, 0);
	writeFileSync(
		path.join(__dirname, 'results.json'),
		JSON.stringify({ takenAt: new Date().toISOString(), quick, machine: { cpus: os.cpus().length, node: process.version }, rows }, null, 2) + '\n',
	);
	if (failed > 0) {
		console.error(`${failed} items failed`);
		process.exitCode = 1;
	}
}

void main();
