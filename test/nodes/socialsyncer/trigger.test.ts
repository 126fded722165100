/**
 * SocialSyncer Trigger events: activation points the account's webhook setting at the trigger,
 * the emulator's signed events start it, deactivation clears the setting (only if still its own).
 */
import { createHmac } from 'node:crypto';

import { SocialSyncerTrigger } from '../../../nodes/SocialSyncer/SocialSyncerTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { IG, TW, post } from './fixtures';

const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, TEST_KEYS.socialsyncer.valid);

describe('SocialSyncer Trigger events', () => {
	async function trigger(parameters: Record<string, unknown> = {}) {
		return await serveTriggerWebhook({
			type: 'socialSyncerTrigger',
			nodeType: new SocialSyncerTrigger(),
			parameters: {
				events: ['post.published', 'post.failed', 'account.disconnected'],
				connectEnabled: false,
				connectPlatforms: [],
				verifySignature: true,
				replaceExisting: false,
				...parameters,
			},
			credentialType: 'socialSyncerApi',
			credentials: { apiKey: TEST_KEYS.socialsyncer.valid, baseUrl: emulator.current.baseUrl },
			webhookNameForPath: (path) => (path.endsWith('/connect') ? 'setup' : 'default'),
		});
	}
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.current.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 20));
	};

	it('registers, emits one signed event per platform, and clears its setting on deactivation', async () => {
		const hook = await trigger();
		try {
			expect(await hook.lifecycle('checkExists')).toBe(false);
			expect(await hook.lifecycle('create')).toBe(true);
			const registration = JSON.parse(
				emulator.current.log.find(
					(entry) => entry.method === 'POST' && entry.path === '/v1/webhooks/settings',
				)!.body,
			);
			expect(registration).toEqual({
				url: expect.stringMatching(/\/events$/),
				events: ['post.published', 'post.failed', 'account.disconnected'],
			});
			expect(await hook.lifecycle('checkExists')).toBe(true);

			await run(
				post({
					accounts: [IG, TW],
					mediaSource: 'urls',
					mediaUrls: { media: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }] },
					overrides: {
						override: [{ account: TW, customContent: 'fail', platformSpecificData: '{}' }],
					},
				}),
			);
			await settle(2);
			const events = hook.calls
				.filter((call) => call.result?.workflowData)
				.map((call) => call.result!.workflowData![0][0].json);
			expect(events.map((event) => event.event).sort()).toEqual(['post.failed', 'post.published']);
			expect(events.find((event) => event.event === 'post.failed')).toMatchObject({
				data: { platform: 'twitter', status: 'failed', error: expect.any(String) },
			});
			expect(emulator.current.deliveries[0].headers).toMatchObject({
				'x-socialsyncerapi-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
				'x-socialapi-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
			});

			expect(await hook.lifecycle('delete')).toBe(true);
			expect(emulator.current.log.at(-1)).toMatchObject({
				method: 'DELETE',
				path: '/v1/webhooks/settings',
			});
		} finally {
			await hook.close();
		}
	});

	it('clears the setting on deactivation even when its saved state was lost, as long as the setting is its own URL', async () => {
		// n8n can save a webhook call's static data over the state activation saved (a connect link
		// opened while the workflow was being activated). The account must not stay pointed at this n8n.
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			for (const key of Object.keys(hook.workflow.staticData)) delete hook.workflow.staticData[key];
			expect(await hook.lifecycle('delete')).toBe(true);
			expect(emulator.current.log.at(-1)).toMatchObject({
				method: 'DELETE',
				path: '/v1/webhooks/settings',
			});
			expect(
				(await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json,
			).toMatchObject({ set: false });
		} finally {
			await hook.close();
		}
	});

	it('refuses a delivery with a bad signature (either header name) with 401', async () => {
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			const body = JSON.stringify({
				event: 'post.published',
				timestamp: new Date().toISOString(),
				data: {},
			});
			const wrong = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
			for (const header of ['x-socialsyncerapi-signature', 'x-socialapi-signature']) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', [header]: wrong },
					body,
				});
				expect(response.status).toBe(401);
			}
			expect(hook.calls.some((call) => call.result?.workflowData)).toBe(false);
		} finally {
			await hook.close();
		}
	});

	it('does not silently take over another URL, unless asked to', async () => {
		await run({
			resource: 'webhookSettings',
			operation: 'set',
			url: 'https://other.example.com/hook',
			events: ['post.published'],
		});
		const hook = await trigger();
		try {
			await expect(hook.lifecycle('create')).rejects.toThrow(
				'already sends its webhook to another URL',
			);
			expect(
				emulator.current.log.filter(
					(entry) => entry.method === 'POST' && entry.path === '/v1/webhooks/settings',
				),
			).toHaveLength(1);
		} finally {
			await hook.close();
		}
		const replacing = await trigger({ replaceExisting: true });
		try {
			expect(await replacing.lifecycle('create')).toBe(true);
			// Someone else takes the setting back; deactivation must then leave it alone.
			await run({
				resource: 'webhookSettings',
				operation: 'set',
				url: 'https://other.example.com/hook',
				events: ['post.published'],
			});
			await replacing.lifecycle('delete');
			expect(emulator.current.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(0);
		} finally {
			await replacing.close();
		}
	});
});
