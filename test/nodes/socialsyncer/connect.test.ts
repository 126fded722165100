/**
 * SocialSyncer account connection, end to end: a browser follows the trigger's connect link to
 * the emulator's consent page and back to the trigger's callback; then each bad state one by one.
 */
import { SocialSyncerTrigger } from '../../../nodes/SocialSyncer/SocialSyncerTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { serveTriggerWebhook } from '../../harness/webhook';
import { useEmulator } from '../../harness/workflows';

const emulator = useEmulator('socialsyncer');

async function trigger(parameters: Record<string, unknown> = {}) {
	const hook = await serveTriggerWebhook({
		type: 'socialSyncerTrigger',
		nodeType: new SocialSyncerTrigger(),
		parameters: {
			events: [],
			connectEnabled: true,
			connectPlatforms: ['instagram', 'tiktok', 'twitter'],
			verifySignature: true,
			replaceExisting: false,
			...parameters,
		},
		credentialType: 'socialSyncerApi',
		credentials: { apiKey: TEST_KEYS.socialsyncer.valid, baseUrl: emulator.current.baseUrl },
		webhookNameForPath: (path) => (path.endsWith('/connect') ? 'setup' : 'default'),
	});
	return { ...hook, connectUrl: hook.url.replace(/\/webhook\/.*$/, '/webhook/flow/connect') };
}

/** A minimal browser: follows nothing by itself, keeps the cookie the trigger sets. */
function browser() {
	let cookie = '';
	return {
		async get(url: string) {
			const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
			const setCookie = response.headers.get('set-cookie');
			if (setCookie) cookie = setCookie.split(';')[0];
			return {
				status: response.status,
				location: response.headers.get('location') ?? undefined,
				text: await response.text(),
			};
		},
		get cookie() {
			return cookie;
		},
		set cookie(value: string) {
			cookie = value;
		},
	};
}

const exchanges = () =>
	emulator.current.log.filter(
		(entry) => entry.method === 'POST' && entry.path.startsWith('/v1/connect/'),
	);

/** Start → consent page → Approve (or Deny): the callback URL the platform sends the browser to. */
async function throughConsent(
	agent: ReturnType<typeof browser>,
	connectUrl: string,
	decision: 'approve' | 'deny' = 'approve',
) {
	const start = await agent.get(`${connectUrl}?platform=instagram`);
	expect(start.status).toBe(302);
	const consent = await agent.get(start.location!);
	expect(consent.text).toContain('Allow SocialSyncer to post on your instagram account?');
	const link = new RegExp(`id="${decision}" href="([^"]+)"`).exec(consent.text)![1];
	const decided = await agent.get(new URL(link.replace(/&amp;/g, '&'), start.location).toString());
	expect(decided.status).toBe(302);
	return decided.location!;
}

test('a browser connects an Instagram account through the trigger, which emits it once', async () => {
	const hook = await trigger();
	try {
		const agent = browser();
		const start = await agent.get(`${hook.connectUrl}?platform=instagram`);
		expect(start.status).toBe(302);
		expect(agent.cookie).toMatch(/^n8n_socialsyncer_connect=[0-9a-f]{48}$/);
		const connectCall = emulator.current.log.find(
			(entry) => entry.method === 'GET' && entry.path === '/v1/connect/instagram',
		)!;
		expect(connectCall.query.redirect_url).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook\/.+\/connect$/,
		);

		const callback = await throughConsent(agent, hook.connectUrl);
		expect(callback).toMatch(/\?code=code_[0-9a-f]+&state=owner123%3Ainstagram$/);
		const done = await agent.get(callback);
		expect(done.status).toBe(200);
		expect(done.text).toContain('Connected @instagram_creator_1 on Instagram');

		const started = hook.calls.filter((call) => call.result?.workflowData);
		expect(started).toHaveLength(1);
		// The page was answered already, so n8n must not answer again (n8n 1.x: "Cannot set headers after they are sent").
		expect(started[0].result!.noWebhookResponse).toBe(true);
		expect(started[0].result!.workflowData![0][0].json).toEqual({
			platform: 'instagram',
			username: 'instagram_creator_1',
			accountId: expect.stringMatching(/^in_/),
		});
		expect(exchanges()).toHaveLength(1);
		expect(JSON.parse(exchanges()[0].body)).toEqual({
			code: expect.stringMatching(/^code_/),
			redirect_url: connectCall.query.redirect_url,
			state: 'owner123:instagram',
		});

		// Reusing the callback (back button, replay) exchanges nothing.
		const again = await agent.get(callback);
		expect(again.status).toBe(400);
		expect(again.text).toContain('already used');
		expect(exchanges()).toHaveLength(1);
	} finally {
		await hook.close();
	}
});

test("a callback that comes before n8n saved the start call's static data still connects (the in-process copy)", async () => {
	const hook = await trigger();
	try {
		const agent = browser();
		const callback = await throughConsent(agent, hook.connectUrl);
		// n8n answers the start call first and saves its static data after; a fast browser is back before that.
		for (const state of Object.values(hook.workflow.staticData))
			delete (state as { connect?: unknown }).connect;
		const done = await agent.get(callback);
		expect(done.status).toBe(200);
		// The emulator numbers accounts across tests: any instagram_creator_N.
		expect(done.text).toMatch(/Connected @instagram_creator_\d+ on Instagram/);
		expect(exchanges()).toHaveLength(1);
		// Used once: the replay is refused even though the saved state never held it.
		expect((await agent.get(callback)).status).toBe(400);
		expect(exchanges()).toHaveLength(1);
	} finally {
		await hook.close();
	}
});

describe('bad callbacks answer a 400 page and exchange nothing', () => {
	it('a missing state', async () => {
		const hook = await trigger();
		try {
			const response = await browser().get(`${hook.connectUrl}?code=code_abc`);
			expect(response.status).toBe(400);
			expect(response.text).toContain('no state');
			expect(exchanges()).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('an unknown state', async () => {
		const hook = await trigger();
		try {
			const response = await browser().get(
				`${hook.connectUrl}?code=code_abc&state=owner123%3Atiktok`,
			);
			expect(response.status).toBe(400);
			expect(response.text).toContain('unknown');
			expect(exchanges()).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('an expired state', async () => {
		const hook = await trigger();
		try {
			const agent = browser();
			const callback = await throughConsent(agent, hook.connectUrl);
			for (const state of Object.values(hook.workflow.staticData)) {
				for (const pending of Object.values(
					(state as { connect?: Record<string, { expiresAt: number }> }).connect ?? {},
				))
					pending.expiresAt = Date.now() - 1;
			}
			const response = await agent.get(callback);
			expect(response.status).toBe(400);
			expect(response.text).toContain('expired');
			expect(exchanges()).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('a provider error (the user denied access)', async () => {
		const hook = await trigger();
		try {
			const agent = browser();
			const callback = await throughConsent(agent, hook.connectUrl, 'deny');
			expect(callback).toContain('error=access_denied');
			const response = await agent.get(callback);
			expect(response.status).toBe(400);
			expect(response.text).toContain('access_denied');
			expect(exchanges()).toHaveLength(0);
			expect(hook.calls.some((call) => call.result?.workflowData)).toBe(false);
		} finally {
			await hook.close();
		}
	});

	it('another browser (login CSRF: the nonce cookie is missing or different)', async () => {
		const hook = await trigger();
		try {
			const victim = browser();
			const callback = await throughConsent(victim, hook.connectUrl);
			const attacker = browser();
			attacker.cookie = 'n8n_socialsyncer_connect=0000';
			const response = await attacker.get(callback);
			expect(response.status).toBe(400);
			expect(response.text).toContain('did not start this connection');
			expect(exchanges()).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('a platform that is not offered', async () => {
		const hook = await trigger({ connectPlatforms: ['tiktok'] });
		try {
			const response = await browser().get(`${hook.connectUrl}?platform=instagram`);
			expect(response.status).toBe(400);
			expect(emulator.current.log).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});
});
