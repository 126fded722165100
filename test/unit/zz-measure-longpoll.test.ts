import { startEmulator, TEST_KEYS } from '../emulators';
import { NODE_NAME, runNode } from '../harness/workflows';
jest.setTimeout(400_000);
it('measures GETs per job', async () => {
	const emulator = await startEmulator('sync');
	for (const seconds of [60]) {
		emulator.reset();
		emulator.config.stageMs = (seconds * 1000) / 2;
		for (const interval of [1, 10]) {
			emulator.clearLog();
			const run = await runNode({ type: 'sync', credentialType: 'syncApi', credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.baseUrl }, parameters: { resource: 'generation', operation: 'create', model: 'lipsync-2', inputMode: 'fields', videoSource: 'url', videoUrl: 'https://cdn.example.com/v.mp4', audioSource: 'url', audioUrl: 'https://cdn.example.com/a.mp3', waitForCompletion: 'poll', pollInterval: interval, waitTimeout: 10 } });
			const gets = emulator.log.filter((e) => e.method === 'GET').length;
			console.log(`job ${seconds}s interval ${interval}s: ${gets} GETs, status ${run.output(NODE_NAME)[0]?.json.status}`);
		}
	}
	await emulator.close();
});
