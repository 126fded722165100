/** HeyGen Trigger: activate (register an endpoint) → signed deliveries → deactivate, against the emulator. */
import { createHmac } from 'node:crypto';

import { HeyGenTrigger } from '../../../nodes/HeyGen/HeyGenTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const trigger = (events = ['avatar_video.success', 'avatar_video.fail']) =>
	serveTriggerWebhook({
		type: 'heyGenTrigger',
		nodeType: new HeyGenTrigger(),
		parameters: { events, verifySignature: true },
		credentialType: 'heyGenApi',
		credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
	});

const createVideo = (script: string) =>
	run({
		resource: 'video',
		operation: 'create',
		videoType: 'avatar',
		avatarId: 'Anna_public_office',
		audioSource: 'script',
		script,
		voiceId: 'voice_en_sara',
	});

const settle = async (count: number) => {
	const until = Date.now() + 3000;
	while (emulator.current.deliveries.length < count && Date.now() < until)
		await new Promise((resolve) => setTimeout(resolve, 20));
};

test('activate registers an endpoint; a finished video starts the workflow; deactivate deletes it', async () => {
	const hook = await trigger();
	try {
		expect(await hook.lifecycle('checkExists')).toBe(false);
		expect(await hook.lifecycle('create')).toBe(true);
		const registration = emulator.current.log.find(
			(entry) => entry.method === 'POST' && entry.path === '/v3/webhooks/endpoints',
		)!;
		expect(JSON.parse(registration.body)).toEqual({
			url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//),
			events: ['avatar_video.success', 'avatar_video.fail'],
		});
		const endpoint = JSON.parse(registration.responseBody!).data as {
			endpoint_id: string;
			secret: string;
		};
		expect(JSON.stringify(hook.workflow.staticData)).toContain(endpoint.endpoint_id);
		expect(await hook.lifecycle('checkExists')).toBe(true);

		const created = await createVideo('Hello');
		await settle(1);
		// The v3 header names by default.
		expect(emulator.current.deliveries[0].headers).toEqual({
			'heygen-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
			'heygen-timestamp': expect.stringMatching(/^\d{10}$/),
			'heygen-event-id': expect.stringMatching(/^evt_/),
		});
		const started = hook.calls.filter((call) => call.result?.workflowData);
		expect(started).toHaveLength(1);
		expect(started[0].result!.workflowData![0][0].json).toMatchObject({
			event_type: 'avatar_video.success',
			video_id: created.items[0].json.video_id,
			url: expect.stringContaining('/__emulator/files/'),
		});

		await createVideo('this will fail');
		await settle(2);
		const failure = hook.calls.filter((call) => call.result?.workflowData)[1].result!
			.workflowData![0][0].json;
		expect(failure).toMatchObject({
			event_type: 'avatar_video.fail',
			message: 'An input URL could not be downloaded.',
		});

		expect(await hook.lifecycle('delete')).toBe(true);
		expect(emulator.current.log.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/v3/webhooks/endpoints/${endpoint.endpoint_id}`,
			status: 200,
		});
		expect(await hook.lifecycle('checkExists')).toBe(false);
	} finally {
		await hook.close();
	}
});

test('a delivery with a bad or missing signature is refused with 401 and starts nothing', async () => {
	const hook = await trigger();
	try {
		await hook.lifecycle('create');
		const body = JSON.stringify({
			event_type: 'avatar_video.success',
			event_data: { video_id: 'v1', url: 'https://x' },
		});
		for (const headers of [
			{ signature: createHmac('sha256', 'whsec_wrong').update(body).digest('hex') },
			{},
		] as Array<Record<string, string>>) {
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			expect(response.status).toBe(401);
		}
		expect(hook.calls.some((call) => call.result?.workflowData)).toBe(false);
	} finally {
		await hook.close();
	}
});

test('event types that were not chosen are answered and ignored', async () => {
	const hook = await trigger(['video_translate.success']);
	try {
		await hook.lifecycle('create');
		const secret = (
			JSON.parse(
				emulator.current.log.find((entry) => entry.path === '/v3/webhooks/endpoints')!
					.responseBody!,
			).data as { secret: string }
		).secret;
		const body = JSON.stringify({
			event_type: 'avatar_video_gif.success',
			event_data: { video_id: 'v1' },
		});
		const response = await fetch(hook.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-heygen-signature': createHmac('sha256', secret).update(body).digest('hex'),
			},
			body,
		});
		expect(response.status).toBe(200);
		expect(hook.calls[0].result?.webhookResponse).toBe('ignored');
	} finally {
		await hook.close();
	}
});

describe('v3 delivery headers (Heygen-Signature, Heygen-Timestamp, Heygen-Event-Id)', () => {
	const deliveredTo = async (hook: Awaited<ReturnType<typeof trigger>>, count: number) => {
		await settle(count);
		return hook.calls.filter((call) => call.result?.workflowData).length;
	};

	test('the legacy names (X-HeyGen-Signature, signature, no timestamp) are still accepted', async () => {
		emulator.current.config.signatureHeaders = 'legacy';
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await createVideo('Hello');
			expect(await deliveredTo(hook, 1)).toBe(1);
			expect(Object.keys(emulator.current.deliveries[0].headers).sort()).toEqual([
				'signature',
				'x-heygen-signature',
			]);
			expect(hook.calls[0].status).toBe(200);
		} finally {
			await hook.close();
		}
	});

	test('a delivery more than 5 minutes old is refused with 401 and says why', async () => {
		emulator.current.config.deliveryClockSkewSeconds = 301;
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await createVideo('Hello');
			expect(await deliveredTo(hook, 1)).toBe(0);
			expect(hook.calls[0].status).toBe(401);
			expect(JSON.parse(hook.calls[0].responseBody)).toEqual({
				error: 'Delivery rejected: the delivery is too old (or from the future)',
			});
		} finally {
			await hook.close();
		}
	});

	test('a delivery 4 minutes old passes (within the tolerance)', async () => {
		emulator.current.config.deliveryClockSkewSeconds = 240;
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await createVideo('Hello');
			expect(await deliveredTo(hook, 1)).toBe(1);
		} finally {
			await hook.close();
		}
	});

	test('a signature made with a rotated-away secret is refused, saying it does not match', async () => {
		emulator.current.config.deliverySigningSecret = 'whsec_rotatedAwaySecret000000';
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await createVideo('Hello');
			expect(await deliveredTo(hook, 1)).toBe(0);
			expect(JSON.parse(hook.calls[0].responseBody)).toEqual({
				error: 'Delivery rejected: the signature does not match',
			});
			expect(hook.calls[0].responseBody).not.toContain('whsec_');
		} finally {
			await hook.close();
		}
	});

	test('a redelivery with the same event id is answered 200 and starts nothing', async () => {
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await createVideo('Hello');
			expect(await deliveredTo(hook, 1)).toBe(1);
			(emulator.current.hooks.redeliverLatest as () => void)();
			await settle(2);
			expect(emulator.current.deliveries[1].headers['heygen-event-id']).toBe(
				emulator.current.deliveries[0].headers['heygen-event-id'],
			);
			expect(hook.calls).toHaveLength(2);
			expect(hook.calls[1]).toMatchObject({
				status: 200,
				result: { webhookResponse: 'duplicate ignored' },
			});
			expect(hook.calls.filter((call) => call.result?.workflowData)).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	test('a missing signature header is refused, saying so', async () => {
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			const body = JSON.stringify({
				event_type: 'avatar_video.success',
				event_data: { video_id: 'v1' },
			});
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: 'Delivery rejected: the signature header is missing',
			});
		} finally {
			await hook.close();
		}
	});
});
