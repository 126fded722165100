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
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { useFilesystemBinaryData } from '../test/harness/binary-mode';
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

interface StreamRow {
	scenario: string;
	megabytes: number;
	seconds: number;
	peakRssGrowthMiB: number;
	storedMiB: number;
}

/**
 * Sync Generation → Create with Wait + Download Output of a `megabytes` MB video, in n8n's
 * filesystem binary mode; the peak RSS growth of this process while it runs.
 */
async function streamedDownload(megabytes: number): Promise<StreamRow> {
	await useFilesystemBinaryData();
	const sync = await startEmulator('sync');
	try {
		Object.assign(sync.config, { stageMs: 50, outputBytes: megabytes * 1024 * 1024 });
		(globalThis as { gc?: () => void }).gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss);
		}, 10);
		const started = Date.now();
		const result = await runNode({
			type: 'sync',
			credentialType: 'syncApi',
			credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: sync.baseUrl },
			parameters: {
				resource: 'generation',
				operation: 'create',
				model: 'lipsync-2',
				videoUrl: 'https://cdn.example.com/v.mp4',
				audioUrl: 'https://cdn.example.com/a.mp3',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 5,
				downloadOutput: true,
			},
		});
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const error = result.error(NODE_NAME);
		if (error) throw error;
		const binary = result.output(NODE_NAME)[0].binary!.data;
		return {
			scenario: 'streamed download (filesystem binary mode)',
			megabytes,
			seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
			peakRssGrowthMiB: Number(((peak - baseline) / 1024 / 1024).toFixed(1)),
			storedMiB: Number(((await Container.get(BinaryDataService).getMetadata(binary.id!)).fileSize / 1024 / 1024).toFixed(1)),
		};
	} finally {
		await sync.close();
	}
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
	const streaming = [await streamedDownload(quick ? 20 : 200)];
	console.table(streaming.map((row) => ({ scenario: row.scenario, MB: row.megabytes, 'time s': row.seconds, 'peak RSS growth MiB': row.peakRssGrowthMiB, 'stored MiB': row.storedMiB })));

	const failed = rows.reduce((sum, row) => sum + row.failedItems, 0);
	writeFileSync(
		path.join(__dirname, 'results.json'),
		JSON.stringify({ takenAt: new Date().toISOString(), quick, machine: { cpus: os.cpus().length, node: process.version }, rows, streaming }, null, 2) + '\n',
	);
	if (failed > 0) {
		console.error(`${failed} items failed`);
		process.exitCode = 1;
	}
}

void main();
