/** SocialSyncer Account operations in n8n-core's engine against the SocialSyncer emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { TW } from './fixtures';

const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, TEST_KEYS.socialsyncer.valid);
const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v1/'));

describe('Account', () => {
	it('lists health, gets a connect URL, completes a connection and disconnects', async () => {
		emulator.current.hooks.setHealth(
			'tw_1500000000000000001' as never,
			{ health: 'warning', tokenValid: false } as never,
		);
		const health = await run({
			resource: 'account',
			operation: 'getHealth',
			healthPlatform: 'twitter',
		});
		expect(health.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ platform: 'twitter', health: 'warning', tokenValid: false }),
		]);
		expect(api()[0].query).toEqual({ platform: 'twitter' });

		const redirectUrl = 'https://n8n.example.com/webhook/callback';
		const url = await run({
			resource: 'account',
			operation: 'getConnectUrl',
			platform: 'tiktok',
			redirectUrl,
		});
		expect(url.items[0].json).toMatchObject({
			platform: 'tiktok',
			state: 'owner123:tiktok',
			authUrl: expect.stringContaining('/consent/tiktok?'),
		});
		const consent = await fetch(`${String(url.items[0].json.authUrl)}&auto=approve`, {
			redirect: 'manual',
		});
		const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
		const connected = await run({
			resource: 'account',
			operation: 'completeConnection',
			platform: 'tiktok',
			redirectUrl,
			code,
			state: 'owner123:tiktok',
		});
		expect(connected.items[0].json).toEqual({
			platform: 'tiktok',
			username: 'tiktok_creator_1',
			accountId: expect.any(String),
		});
		const reused = await run({
			resource: 'account',
			operation: 'completeConnection',
			platform: 'tiktok',
			redirectUrl,
			code,
		});
		expect(reused.error?.message).toContain('Authorization code already used');

		const gone = await run({ resource: 'account', operation: 'disconnect', account: TW });
		expect(gone.items[0].json).toEqual({
			platform: 'twitter',
			accountId: 'tw_1500000000000000001',
			disconnected: true,
		});
		expect(api().at(-1)).toMatchObject({
			method: 'DELETE',
			path: '/v1/accounts/twitter/tw_1500000000000000001',
		});
	});
});
