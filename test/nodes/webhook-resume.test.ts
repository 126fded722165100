/**
 * Wait for Completion: Webhook Resume in n8n-core's engine: the create carries the execution's
 * resume URL and the run ends parked (waitTill); bad setups fail before any request. The resume
 * itself needs n8n's waiting-webhook server, so it is tested on a real n8n (test/e2e/resume.mjs).
 */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../emulators';
import { NODE_NAME, type NodeRunError, runNode, useAllEmulators } from '../harness/workflows';

const emulators = useAllEmulators();

const CASES = {
	sync: {
		type: 'sync',
		credentialType: 'syncApi',
		key: TEST_KEYS.sync.valid,
		secret: 'whsec_emulatorSyncSigningSecret01',
		secretName: 'Webhook Signing Secret',
		parameters: {
			resource: 'generation',
			operation: 'create',
			model: 'lipsync-2',
			inputMode: 'fields',
			videoSource: 'url',
			videoUrl: 'https://media.example.com/v.mp4',
			audioSource: 'url',
			audioUrl: 'https://media.example.com/a.wav',
		},
		callbackField: 'webhookUrl',
	},
	viralsync: {
		type: 'viralSync',
		credentialType: 'viralSyncApi',
		key: TEST_KEYS.viralsync.valid,
		secret: 'vs_cb_secret_emulator_0123456789',
		secretName: 'Callback Signing Secret',
		parameters: {
			resource: 'renderJob',
			operation: 'create',
			projectId: 'proj_1',
			movieSource: 'json',
			movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }),
		},
		callbackField: 'callbackUrl',
	},
	heygen: {
		type: 'heyGen',
		credentialType: 'heyGenApi',
		key: TEST_KEYS.heygen.valid,
		// HeyGen's per-job callback is unsigned: no secret, a callback_id nonce instead.
		secret: undefined,
		secretName: undefined,
		parameters: {
			resource: 'video',
			operation: 'create',
			videoType: 'avatar',
			avatarId: 'Anna_public_office',
			audioSource: 'script',
			script: 'Hello from a parked execution',
			voiceId: 'voice_en_sara',
		},
		callbackField: 'callback_url',
	},
} as const;

function run(
	service: keyof typeof CASES,
	extra: INodeParameters,
	options: {
		secret?: boolean;
		baseUrl?: string;
		items?: number;
		parameters?: INodeParameters;
	} = {},
) {
	const spec = CASES[service];
	return runNode({
		type: spec.type,
		credentialType: spec.credentialType,
		credentials: {
			apiKey: spec.key,
			baseUrl: options.baseUrl ?? emulators.current[service].baseUrl,
			...(options.secret === false || !spec.secret ? {} : { webhookSecret: spec.secret }),
		},
		parameters: {
			...(options.parameters ?? spec.parameters),
			waitForCompletion: 'webhook',
			waitTimeout: 30,
			...extra,
		},
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
		expect(JSON.parse(posts()[0].body)[spec.callbackField]).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/?]+\?signature=[0-9a-f]+$/,
		);
		const gets = emulators.current[service].log.filter((entry) => entry.method === 'GET');
		expect(gets).toHaveLength(0);
	});

	it('refuses several items before any request, and says what to do', async () => {
		const result = await run(service, {}, { items: 2 });
		expect(result.error(NODE_NAME)?.message).toBe(
			'Webhook Resume waits for one job per execution, and this node got 2 items',
		);
		expect((result.error(NODE_NAME) as NodeRunError).description).toContain('Loop Over Items');
		expect(emulators.current[service].log).toHaveLength(0);
	});

	it('refuses when the service could not reach n8n (loopback resume URL, remote service)', async () => {
		const result = await run(service, {}, { baseUrl: 'https://api.example.com' });
		expect(result.error(NODE_NAME)?.message).toMatch(
			/cannot reach n8n at http:\/\/127\.0\.0\.1:\d+, so its callback would never arrive/,
		);
		expect((result.error(NODE_NAME) as NodeRunError).description).toContain('WEBHOOK_URL');
		expect(emulators.current[service].log).toHaveLength(0);
	});
});

describe.each(['sync', 'viralsync'] as const)(
	'%s: Webhook Resume verifies a signed callback',
	(service) => {
		const spec = CASES[service];

		it('refuses a credential without the signing secret before any request', async () => {
			const result = await run(service, {}, { secret: false });
			expect(result.error(NODE_NAME)?.message).toContain(`needs the ${spec.secretName}`);
			expect(emulators.current[service].log).toHaveLength(0);
		});
	},
);

describe('heygen: Webhook Resume with an unsigned callback', () => {
	const posts = () => emulators.current.heygen.log.filter((entry) => entry.method === 'POST');

	it('gives each job a fresh secret callback_id and parks the item that holds it', async () => {
		const first = await run('heygen', {});
		const second = await run('heygen', {});
		const [a, b] = posts().map((entry) => JSON.parse(entry.body) as { callback_id: string });
		expect(a.callback_id).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(b.callback_id).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(a.callback_id).not.toBe(b.callback_id);
		// The parked item (what webhook() checks a callback against) carries the job id and its nonce.
		expect(first.output(NODE_NAME)[0].json).toMatchObject({
			callback_id: a.callback_id,
			status: 'waiting',
		});
		expect(second.output(NODE_NAME)[0].json.id).toEqual(expect.any(String));
	});

	it.each([
		[
			'Template → Generate',
			{
				resource: 'template',
				operation: 'generate',
				templateId: 'tpl_product_update',
				variablesJson: '{}',
				variables: { variable: [{ name: 'first_name', text: 'Ada' }] },
			},
			'/v3/templates/tpl_product_update',
		],
		[
			'Video Translation → Create',
			{
				resource: 'videoTranslation',
				operation: 'create',
				videoUrl: 'https://media.example.com/talk.mp4',
				outputLanguages: ['Spanish (Spain)', 'German (Germany)'],
			},
			'/v3/video-translations',
		],
	])('%s carries the resume URL and parks too', async (_label, parameters, path) => {
		const result = await run('heygen', {}, { parameters });
		expect(result.error(NODE_NAME)).toBeUndefined();
		expect(result.run.status).toBe('waiting');
		expect(posts().map((entry) => entry.path)).toEqual([path]);
		const body = JSON.parse(posts()[0].body) as { callback_url: string; callback_id: string };
		expect(body.callback_url).toMatch(/\/webhook-waiting\/[^/?]+\?signature=[0-9a-f]+$/);
		expect(result.output(NODE_NAME)[0].json.callback_id).toBe(body.callback_id);
		if (path === '/v3/video-translations')
			expect(result.output(NODE_NAME)[0].json.video_translation_ids).toHaveLength(2);
	});

	it('refuses a Callback URL or Callback ID option together with Webhook Resume, before any request', async () => {
		const result = await run('heygen', {
			videoOptions: { callback_url: 'https://hooks.example.com/heygen' },
		});
		expect(result.error(NODE_NAME)?.message).toBe(
			'Callback URL cannot be combined with Wait for Completion: Webhook Resume',
		);
		const withId = await run('heygen', { videoOptions: { callback_id: 'mine' } });
		expect(withId.error(NODE_NAME)?.message).toBe(
			'Callback ID cannot be combined with Wait for Completion: Webhook Resume',
		);
		expect(emulators.current.heygen.log).toHaveLength(0);
	});
});
