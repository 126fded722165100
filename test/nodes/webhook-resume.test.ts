/**
 * Wait for Completion: Webhook Resume in n8n-core's engine: the create carries the execution's
 * resume URL and the run ends parked (waitTill); bad setups fail before any request. The resume
 * itself needs n8n's waiting-webhook server, so it is tested on a real n8n (test/e2e/resume.mjs).
 */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../emulators';
import { NODE_NAME, runNode, useAllEmulators } from '../harness/workflows';

const emulators = useAllEmulators();

const CASES = {
	sync: {
		type: 'sync',
		credentialType: 'syncApi',
		key: TEST_KEYS.sync.valid,
		secret: 'whsec_emulatorSyncSigningSecret01',
		secretName: 'Webhook Signing Secret',
		parameters: { resource: 'generation', operation: 'create', model: 'lipsync-2', inputMode: 'fields', videoSource: 'url', videoUrl: 'https://media.example.com/v.mp4', audioSource: 'url', audioUrl: 'https://media.example.com/a.wav' },
		callbackField: 'webhookUrl',
	},
	viralsync: {
		type: 'viralSync',
		credentialType: 'viralSyncApi',
		key: TEST_KEYS.viralsync.valid,
		secret: 'vs_cb_secret_emulator_0123456789',
		secretName: 'Callback Signing Secret',
		parameters: { resource: 'renderJob', operation: 'create', projectId: 'proj_1', movieSource: 'json', movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }) },
		callbackField: 'callbackUrl',
	},
} as const;

function run(service: keyof typeof CASES, extra: INodeParameters, options: { secret?: boolean; baseUrl?: string; items?: number } = {}) {
	const spec = CASES[service];
	return runNode({
		type: spec.type,
		credentialType: spec.credentialType,
		credentials: { apiKey: spec.key, baseUrl: options.baseUrl ?? emulators.current[service].baseUrl, ...(options.secret === false ? {} : { webhookSecret: spec.secret }) },
		parameters: { ...spec.parameters, waitForCompletion: 'webhook', waitTimeout: 30, ...extra },
		items: options.items,
	});
}

describe.each(Object.keys(CASES) as Array<keyof typeof CASES>)('%s: Webhook Resume', (service) => {
	const spec = CASES[service];
	const posts = () => emulators.current[service].log.filter((entry) => entry.method === 'POST');

	it('creates the job with the resume URL as its callback and parks the execution until the timeout', async () => {
		const before = Date.now();
		const result = await run(service, {});
		expect(result.error(NODE_NAME)).toBeUndefined();
		expect(result.run.status).toBe('waiting');
		expect(result.run.waitTill!.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
		expect(result.run.waitTill!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);
		expect(posts()).toHaveLength(1);
		expect(JSON.parse(posts()[0].body)[spec.callbackField]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/?]+\?signature=[0-9a-f]+$/);
		const gets = emulators.current[service].log.filter((entry) => entry.method === 'GET');
		expect(gets).toHaveLength(0);
	});

	it('refuses several items before any request, and says what to do', async () => {
		const result = await run(service, {}, { items: 2 });
		expect(result.error(NODE_NAME)?.message).toBe('Webhook Resume waits for one job per execution, and this node got 2 items');
		expect((result.error(NODE_NAME) as Error & { description?: string }).description).toContain('Loop Over Items');
		expect(emulators.current[service].log).toHaveLength(0);
	});

	it('refuses a credential without the signing secret before any request', async () => {
		const result = await run(service, {}, { secret: false });
		expect(result.error(NODE_NAME)?.message).toContain(`needs the ${spec.secretName}`);
		expect(emulators.current[service].log).toHaveLength(0);
	});

	it('refuses when the service could not reach n8n (loopback resume URL, remote service)', async () => {
		const result = await run(service, {}, { baseUrl: 'https://api.example.com' });
		expect(result.error(NODE_NAME)?.message).toMatch(/cannot reach n8n at http:\/\/127\.0\.0\.1:\d+, so its callback would never arrive/);
		expect((result.error(NODE_NAME) as Error & { description?: string }).description).toContain('WEBHOOK_URL');
		expect(emulators.current[service].log).toHaveLength(0);
	});
});
