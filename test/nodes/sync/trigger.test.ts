/**
 * Sync Trigger: the emulator's signed completion webhook goes to the trigger's URL over real
 * HTTP; the trigger verifies Sync-Signature with the credential's secret and emits the generation.
 */
import { createHmac } from 'node:crypto';

import { SyncTrigger } from '../../../nodes/Sync/SyncTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { createByUrl } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);
const SECRET = 'whsec_emulatorSyncSigningSecret01';

async function trigger(parameters: Record<string, unknown> = {}, webhookSecret = SECRET) {
	return await serveTriggerWebhook({
		type: 'syncTrigger',
		nodeType: new SyncTrigger(),
		parameters: { verifySignature: true, toleranceSeconds: 300, statuses: [], ...parameters },
		credentialType: 'syncApi',
		credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.current.baseUrl, webhookSecret },
	});
}

async function waitFor(condition: () => boolean, ms = 3000) {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until)
		await new Promise((resolve) => setTimeout(resolve, 20));
}

function signed(body: string, t = Math.floor(Date.now() / 1000), secret = SECRET) {
	return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

test('a finished generation whose Webhook URL is the trigger starts it with the generation', async () => {
	const hook = await trigger();
	try {
		const created = await sync({
			...createByUrl,
			generationOptions: { webhookUrl: hook.url },
		});
		// The emulator records a delivery once the trigger has answered it.
		await waitFor(() => emulator.current.deliveries.length > 0);
		expect(hook.calls).toHaveLength(1);
		expect(hook.calls[0].status).toBe(200);
		const [[item]] = hook.calls[0].result!.workflowData!;
		expect(item.json).toMatchObject({
			id: created.items[0].json.id,
			status: 'COMPLETED',
			outputUrl: expect.any(String),
		});
		expect(emulator.current.deliveries[0].headers['sync-signature']).toMatch(
			/^t=\d+,v1=[0-9a-f]{64}$/,
		);
	} finally {
		await hook.close();
	}
});

test('the X-Signature-Primary spelling is accepted too', async () => {
	const hook = await trigger();
	try {
		const body = JSON.stringify({ id: 'g1', status: 'COMPLETED' });
		const response = await fetch(hook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-signature-primary': signed(body) },
			body,
		});
		expect(response.status).toBe(200);
		expect(hook.calls[0].result?.workflowData?.[0][0].json).toEqual({
			id: 'g1',
			status: 'COMPLETED',
		});
	} finally {
		await hook.close();
	}
});

test.each([
	['a wrong signature', (body: string) => signed(body, undefined, 'whsec_wrong'), 'does not match'],
	[
		'a stale signature',
		(body: string) => signed(body, Math.floor(Date.now() / 1000) - 301),
		'too old',
	],
	['no signature', () => undefined, 'missing'],
	['a signature of another body', () => signed('{"id":"other"}'), 'does not match'],
])('%s is refused with 401 and starts nothing', async (_case, sign, reason) => {
	const hook = await trigger();
	try {
		const body = JSON.stringify({ id: 'g1', status: 'COMPLETED' });
		const signature = sign(body);
		const response = await fetch(hook.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(signature ? { 'sync-signature': signature } : {}),
			},
			body,
		});
		expect(response.status).toBe(401);
		expect(await response.text()).toContain(reason);
		expect(hook.calls[0].result?.workflowData).toBeUndefined();
	} finally {
		await hook.close();
	}
});

test('a status filter lets only the chosen end states through', async () => {
	const hook = await trigger({ statuses: ['FAILED'] });
	try {
		await sync({
			...createByUrl,
			generationOptions: { webhookUrl: hook.url },
		});
		await sync({
			...createByUrl,
			videoUrl: 'https://cdn.example.com/fail.mp4',
			generationOptions: { webhookUrl: hook.url },
		});
		await waitFor(() => emulator.current.deliveries.length >= 2);
		const started = hook.calls.filter((call) => call.result?.workflowData);
		expect(started).toHaveLength(1);
		expect(started[0].result!.workflowData![0][0].json).toMatchObject({
			status: 'FAILED',
			error_code: 'generation_pipeline_failed',
			errorCode: 'generation_pipeline_failed',
		});
	} finally {
		await hook.close();
	}
});

test('activation asks for the signing secret when verification is on', async () => {
	const { Workflow } = await import('n8n-workflow');
	const { HookContext } = await import('n8n-core');
	const { TestCredentialsHelper } = await import('../../harness/credentials-helper');
	const { additionalDataFor } = await import('../../harness/engine');
	const { PackageNodeTypes } = await import('../../harness/types');
	const node = {
		id: 't',
		name: 'Trigger',
		type: 'CUSTOM.syncTrigger',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { verifySignature: true },
		credentials: { syncApi: { id: '1', name: 'Sync' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new PackageNodeTypes(),
	});
	const additionalData = additionalDataFor({
		credentialsHelper: new TestCredentialsHelper({
			syncApi: {
				apiKey: TEST_KEYS.sync.valid,
				baseUrl: emulator.current.baseUrl,
				webhookSecret: '',
			},
		}),
	});
	const webhookData = {
		httpMethod: 'POST',
		node: 'Trigger',
		path: 'sync',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'sync' },
		workflowId: 'w',
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		webhookData as never,
	);
	await expect(new SyncTrigger().webhookMethods.default.create.call(context)).rejects.toThrow(
		'Set the Webhook Signing Secret',
	);
});
