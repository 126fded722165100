/**
 * "Created, then the answer was lost": the service makes the job and the answer never arrives (a 5xx
 * or a reset after the commit), as in production. A create with an Idempotency-Key is retried with
 * the same key and yields exactly one job, which the node outputs; a create without one is not
 * resent, and the error says to check the service. Jobs are counted in the emulator, not requests.
 */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS, type ServiceName } from '../../emulators';
import type { FaultSpec } from '../../emulators/core';
import { NODE_NAME, type NodeRunError, runNode, useAllEmulators } from '../../harness/workflows';

const emulators = useAllEmulators();

const LOSSES: Array<[string, Omit<FaultSpec, 'path' | 'method'>]> = [
	['a 502 after the commit', { kind: 'committed_status', status: 502, times: 1 }],
	['a reset connection after the commit', { kind: 'committed_reset', times: 1 }],
];

async function api(service: ServiceName, path: string): Promise<unknown> {
	const emulator = emulators.current[service];
	const key = {
		sync: TEST_KEYS.sync.valid,
		heygen: TEST_KEYS.heygen.valid,
		viralsync: TEST_KEYS.viralsync.valid,
		socialsyncer: TEST_KEYS.socialsyncer.valid,
		synaptiq: TEST_KEYS.synaptiq.liveAdmin,
	}[service];
	const headers: Record<string, string> =
		service === 'socialsyncer' || service === 'synaptiq'
			? { authorization: `Bearer ${key}` }
			: { 'x-api-key': key };
	return await (await fetch(`${emulator.baseUrl}${path}`, { headers })).json();
}

interface KeyedCase {
	service: 'sync' | 'heygen';
	type: string;
	credentialType: string;
	apiKey: string;
	createPath: string;
	parameters: INodeParameters;
	/** The jobs that exist at the service now. */
	jobs: () => Promise<Array<Record<string, unknown>>>;
	/** The id the node's output names. */
	outputId: (json: Record<string, unknown>) => unknown;
	jobId: (job: Record<string, unknown>) => unknown;
}

const KEYED: KeyedCase[] = [
	{
		service: 'sync',
		type: 'sync',
		credentialType: 'syncApi',
		apiKey: TEST_KEYS.sync.valid,
		createPath: '/v2/generate',
		parameters: {
			resource: 'generation',
			operation: 'create',
			model: 'lipsync-2',
			inputMode: 'fields',
			videoSource: 'url',
			videoUrl: 'https://cdn.example.com/v.mp4',
			audioSource: 'url',
			audioUrl: 'https://cdn.example.com/a.mp3',
		},
		jobs: async () => (await api('sync', '/v2/generations')) as Array<Record<string, unknown>>,
		outputId: (json) => json.id,
		jobId: (job) => job.id,
	},
	{
		service: 'heygen',
		type: 'heyGen',
		credentialType: 'heyGenApi',
		apiKey: TEST_KEYS.heygen.valid,
		createPath: '/v3/videos',
		parameters: {
			resource: 'video',
			operation: 'create',
			videoType: 'avatar',
			avatarId: 'Anna_public_office',
			audioSource: 'script',
			script: 'Lost answer.',
			voiceId: 'voice_en_sara',
		},
		jobs: async () =>
			((await api('heygen', '/v3/videos?limit=100')) as { data: Array<Record<string, unknown>> })
				.data,
		outputId: (json) => json.id,
		jobId: (job) => job.id,
	},
	{
		service: 'heygen',
		type: 'heyGen',
		credentialType: 'heyGenApi',
		apiKey: TEST_KEYS.heygen.valid,
		createPath: '/v3/templates/tpl_product_update',
		parameters: {
			resource: 'template',
			operation: 'generate',
			templateId: 'tpl_product_update',
			variablesJson: '{}',
			variables: { variable: [{ name: 'first_name', text: 'Ada' }] },
		},
		jobs: async () =>
			((await api('heygen', '/v3/videos?limit=100')) as { data: Array<Record<string, unknown>> })
				.data,
		outputId: (json) => json.id,
		jobId: (job) => job.id,
	},
	{
		service: 'heygen',
		type: 'heyGen',
		credentialType: 'heyGenApi',
		apiKey: TEST_KEYS.heygen.valid,
		createPath: '/v3/video-translations',
		parameters: {
			resource: 'videoTranslation',
			operation: 'create',
			videoUrl: 'https://cdn.example.com/talk.mp4',
			outputLanguages: ['Spanish (Spain)'],
		},
		jobs: async () =>
			(
				(await api('heygen', '/v3/video-translations?limit=100')) as {
					data: Array<Record<string, unknown>>;
				}
			).data,
		outputId: (json) => json.id,
		jobId: (job) => job.id,
	},
];

describe.each(KEYED)('$type $createPath (with an Idempotency-Key)', (spec) => {
	it.each(LOSSES)(
		'after %s: retried with the same key, exactly one job, and the node outputs it',
		async (_label, loss) => {
			const emulator = emulators.current[spec.service];
			emulator.addFault({ ...loss, method: 'POST', path: spec.createPath });
			const result = await runNode({
				type: spec.type,
				credentialType: spec.credentialType,
				credentials: { apiKey: spec.apiKey, baseUrl: emulator.baseUrl },
				parameters: spec.parameters,
			});
			expect(result.error(NODE_NAME)).toBeFalsy();
			const posts = emulator.log.filter(
				(entry) => entry.method === 'POST' && entry.path === spec.createPath,
			);
			expect(posts).toHaveLength(2);
			expect(posts[0].headers['idempotency-key']).toBeTruthy();
			expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
			const jobs = await spec.jobs();
			expect(jobs).toHaveLength(1);
			expect(spec.outputId(result.output(NODE_NAME)[0].json as Record<string, unknown>)).toBe(
				spec.jobId(jobs[0]),
			);
		},
	);
});

const UNKEYED: Array<{
	service: 'viralsync' | 'socialsyncer';
	type: string;
	credentialType: string;
	apiKey: string;
	createPath: string;
	parameters: INodeParameters;
	count: () => Promise<number>;
}> = [
	{
		service: 'viralsync',
		type: 'viralSync',
		credentialType: 'viralSyncApi',
		apiKey: TEST_KEYS.viralsync.valid,
		createPath: '/v1/render/jobs',
		parameters: {
			resource: 'renderJob',
			operation: 'create',
			projectId: 'proj_1',
			movieSource: 'json',
			movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }),
		},
		count: async () =>
			((await api('viralsync', '/v1/jobs?limit=100')) as { jobs: unknown[] }).jobs.length,
	},
	{
		service: 'socialsyncer',
		type: 'socialSyncer',
		credentialType: 'socialSyncerApi',
		apiKey: TEST_KEYS.socialsyncer.valid,
		createPath: '/v1/posts',
		parameters: {
			resource: 'post',
			operation: 'create',
			content: 'Lost answer',
			accounts: ['twitter:tw_1500000000000000001'],
			publishMode: 'now',
			mediaSource: 'none',
		},
		count: async () =>
			((await api('socialsyncer', '/v1/posts')) as { posts: unknown[] }).posts.length,
	},
];

describe.each(UNKEYED)('$type $createPath (no idempotency key)', (spec) => {
	it.each(LOSSES)(
		'after %s: not resent (one job exists) and the error says to check the service',
		async (_label, loss) => {
			const emulator = emulators.current[spec.service];
			emulator.addFault({ ...loss, method: 'POST', path: spec.createPath });
			const result = await runNode({
				type: spec.type,
				credentialType: spec.credentialType,
				credentials: { apiKey: spec.apiKey, baseUrl: emulator.baseUrl },
				parameters: spec.parameters,
			});
			const error = result.error(NODE_NAME) as NodeRunError | undefined;
			expect(`${error?.message} ${error?.description}`).toMatch(
				/Check (the result )?in (the service|ViralSync|SocialSyncer) before running this item again/,
			);
			expect(
				emulator.log.filter((entry) => entry.method === 'POST' && entry.path === spec.createPath),
			).toHaveLength(1);
			expect(await spec.count()).toBe(1);
		},
	);
});
