/**
 * ViralSync Trigger: the emulator's render callbacks go to the trigger's URL over real HTTP; the
 * trigger verifies X-Render-Signature with the credential's secret and starts on the chosen ones.
 */
import { createHmac } from 'node:crypto';

import { ViralSyncTrigger } from '../../../nodes/ViralSync/ViralSyncTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { SECRET, create } from './fixtures';

const emulator = useEmulator('viralsync', (current) => (current.config.stageMs = 40));
const run = nodeRunner('viralSync', 'viralSyncApi', emulator, TEST_KEYS.viralsync.valid, {
	credentials: { webhookSecret: SECRET },
});

describe('ViralSync Trigger', () => {
	async function trigger(parameters: Record<string, unknown> = {}, webhookSecret = SECRET) {
		return await serveTriggerWebhook({
			type: 'viralSyncTrigger',
			nodeType: new ViralSyncTrigger(),
			parameters: { terminalOnly: true, statuses: [], verifySignature: true, ...parameters },
			credentialType: 'viralSyncApi',
			credentials: {
				apiKey: TEST_KEYS.viralsync.valid,
				baseUrl: emulator.current.baseUrl,
				webhookSecret,
			},
		});
	}
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.current.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 20));
	};

	it('answers every progress callback and starts once, on the signed terminal one', async () => {
		const hook = await trigger();
		try {
			await run({ ...create, renderOptions: { callbackUrl: hook.url } });
			await settle(6);
			expect(emulator.current.deliveries).toHaveLength(6);
			expect(emulator.current.deliveries.every((delivery) => delivery.status === 200)).toBe(true);
			const started = hook.calls.filter((call) => call.result?.workflowData);
			expect(started).toHaveLength(1);
			expect(started[0].result!.workflowData![0][0].json).toMatchObject({
				status: 'done',
				progress: 1,
				outputUrl: expect.any(String),
			});
		} finally {
			await hook.close();
		}
	});

	it('can start on progress callbacks too, filtered by status', async () => {
		const hook = await trigger({ terminalOnly: false, statuses: ['waiting'] });
		try {
			await run({ ...create, renderOptions: { callbackUrl: hook.url } });
			await settle(6);
			const started = hook.calls
				.filter((call) => call.result?.workflowData)
				.map((call) => call.result!.workflowData![0][0].json);
			expect(started).toEqual([expect.objectContaining({ status: 'waiting', phase: 'rendering' })]);
		} finally {
			await hook.close();
		}
	});

	it.each([
		['a wrong signature', createHmac('sha256', 'other').update('x').digest('hex')],
		['no signature', undefined],
	])('refuses %s with 401', async (_case, signature) => {
		const hook = await trigger();
		try {
			const payload = JSON.stringify({ jobId: 'job_1', status: 'done' });
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(signature ? { 'x-render-signature': signature } : {}),
				},
				body: payload,
			});
			expect(response.status).toBe(401);
			expect(hook.calls[0].result?.workflowData).toBeUndefined();
		} finally {
			await hook.close();
		}
	});

	it('accepts a sha256=-prefixed signature', async () => {
		const hook = await trigger();
		try {
			const payload = JSON.stringify({
				jobId: 'job_1',
				status: 'failed',
				error: 'SCENE_RENDER_FAILED: x',
			});
			const signature = `sha256=${createHmac('sha256', SECRET).update(payload).digest('hex')}`;
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-render-signature': signature },
				body: payload,
			});
			expect(response.status).toBe(200);
			expect(hook.calls[0].result?.workflowData?.[0][0].json).toMatchObject({ status: 'failed' });
		} finally {
			await hook.close();
		}
	});
});
