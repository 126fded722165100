/**
 * Streamed download benchmark, alone in its process: Sync Generation → Create with Poll and
 * Download Output of an N MB video into n8n's filesystem binary mode. Prints one JSON line with
 * the peak RSS growth over the warmed-up baseline. Usage: streaming.ts <megabytes>.
 */
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

import { startEmulator, TEST_KEYS } from '../test/emulators';
import { useFilesystemBinaryData } from '../test/harness/binary-mode';
import { NODE_NAME, runNode } from '../test/harness/workflows';

async function main() {
	const megabytes = Number(process.argv[2] ?? 1024);
	await useFilesystemBinaryData();
	const emulator = await startEmulator('sync');
	const create = (bytes: number) => {
		emulator.config.outputBytes = bytes;
		return runNode({
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
				pollInterval: 0.05,
				waitTimeout: 10,
				downloadOutput: true,
			},
		});
	};
	try {
		emulator.config.stageMs = 50;
		await create(1024 * 1024); // warm up the engine, the emulator and the binary store
		(globalThis as { gc?: () => void }).gc?.();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
		const started = Date.now();
		const result = await create(megabytes * 1024 * 1024);
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().rss);
		const error = result.error(NODE_NAME);
		if (error) throw error;
		const binary = result.output(NODE_NAME)[0].binary!.data;
		const stored = (await Container.get(BinaryDataService).getMetadata(binary.id!)).fileSize;
		console.log(
			JSON.stringify({
				megabytes,
				seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
				baselineRssMiB: Number((baseline / 1024 / 1024).toFixed(1)),
				peakRssGrowthMiB: Number(((peak - baseline) / 1024 / 1024).toFixed(1)),
				storedMiB: Number((stored / 1024 / 1024).toFixed(1)),
				binaryMode: 'filesystem',
			}),
		);
	} finally {
		await emulator.close();
	}
}

void main();
