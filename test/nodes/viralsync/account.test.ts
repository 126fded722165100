/** ViralSync Account operations in n8n-core's engine against the ViralSync emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { SECRET, create } from './fixtures';

const emulator = useEmulator('viralsync', (current) => (current.config.stageMs = 40));
const run = nodeRunner('viralSync', 'viralSyncApi', emulator, TEST_KEYS.viralsync.valid, {
	credentials: { webhookSecret: SECRET },
});

describe('Account → Get Usage', () => {
	it('gets usage, counting render minutes of finished jobs', async () => {
		await run({ ...create, waitForCompletion: 'poll', pollInterval: 0.05, waitTimeout: 1 });
		const usage = await run({ resource: 'account', operation: 'getUsage' });
		expect(usage.items[0].json).toMatchObject({
			plan: 'pro',
			renderMinutesUsed: 0.08,
			renderMinutesLimit: 200,
			concurrencyLimit: 3,
			dailyMinutesLimit: null,
		});
	});
});
