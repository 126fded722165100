/** SocialSyncer Webhook Settings operations in n8n-core's engine against the emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, TEST_KEYS.socialsyncer.valid);

describe('Webhook Settings', () => {
	it('gets, sets and clears the webhook setting', async () => {
		expect((await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json).toEqual({
			set: false,
			url: null,
			events: [],
		});
		const set = await run({
			resource: 'webhookSettings',
			operation: 'set',
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
		});
		expect(set.items[0].json).toMatchObject({
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
			secret: expect.stringMatching(/^whsec_/),
		});
		expect((await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json).toEqual({
			set: true,
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
		});
		expect((await run({ resource: 'webhookSettings', operation: 'clear' })).items[0].json).toEqual({
			cleared: true,
		});
	});
});
