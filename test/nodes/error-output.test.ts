/**
 * "On Error: Continue (using error output)" for every node, in n8n-core's engine: the node's
 * items branch into a success path and an error path (two downstream nodes), failed items leave
 * on the error output with what happened, successful ones on the main output, pairing intact.
 * Also: a job's own failure text that echoes a secret is redacted wherever the error is built.
 */
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { TEST_KEYS, type ServiceName } from '../emulators';
import { PassThrough } from '../fixtures/PassThrough.node';
import { runWorkflow } from '../harness/engine';
import { NODE_NAME, type NodeRunError, runNode, useAllEmulators } from '../harness/workflows';

const emulators = useAllEmulators();
const extraNodeTypes = new Map<string, INodeType>([['CUSTOM.passThrough', new PassThrough()]]);

interface Case {
	type: string;
	credentialType: string;
	credentials: () => ICredentialDataDecryptedObject;
	/** Creates one thing through the node and answers its id. */
	seed: () => Promise<string>;
	/** A per-item Get whose id comes from the item. */
	get: INodeParameters;
}

const credentialsOf =
	(service: ServiceName, apiKey: string, extra: ICredentialDataDecryptedObject = {}) =>
	() => ({
		apiKey,
		baseUrl: emulators.current[service].baseUrl,
		...extra,
	});

async function runOne(
	spec: Pick<Case, 'type' | 'credentialType' | 'credentials'>,
	parameters: INodeParameters,
): Promise<INodeExecutionData[]> {
	const result = await runNode({
		type: spec.type,
		credentialType: spec.credentialType,
		credentials: spec.credentials(),
		parameters,
	});
	const error = result.error(NODE_NAME);
	if (error) throw error;
	return result.output(NODE_NAME);
}

const CASES: Record<ServiceName, Case> = {
	sync: {
		type: 'sync',
		credentialType: 'syncApi',
		credentials: credentialsOf('sync', TEST_KEYS.sync.valid),
		seed: async () =>
			String(
				(
					await runOne(CASES.sync, {
						resource: 'generation',
						operation: 'create',
						model: 'lipsync-2',
						inputMode: 'fields',
						videoSource: 'url',
						videoUrl: 'https://cdn.example.com/v.mp4',
						audioSource: 'url',
						audioUrl: 'https://cdn.example.com/a.mp3',
					})
				)[0].json.id,
			),
		get: { resource: 'generation', operation: 'get', generationId: '={{ $json.id }}' },
	},
	heygen: {
		type: 'heyGen',
		credentialType: 'heyGenApi',
		credentials: credentialsOf('heygen', TEST_KEYS.heygen.valid),
		seed: async () =>
			String(
				(
					await runOne(CASES.heygen, {
						resource: 'video',
						operation: 'create',
						videoType: 'avatar',
						avatarId: 'Anna_public_office',
						audioSource: 'script',
						script: 'Error output test.',
						voiceId: 'voice_en_sara',
					})
				)[0].json.id,
			),
		get: { resource: 'video', operation: 'get', videoId: '={{ $json.id }}' },
	},
	viralsync: {
		type: 'viralSync',
		credentialType: 'viralSyncApi',
		credentials: credentialsOf('viralsync', TEST_KEYS.viralsync.valid),
		seed: async () =>
			String(
				(
					await runOne(CASES.viralsync, {
						resource: 'renderJob',
						operation: 'create',
						projectId: 'proj_1',
						movieSource: 'json',
						movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }),
					})
				)[0].json.jobId,
			),
		get: { resource: 'renderJob', operation: 'get', jobId: '={{ $json.id }}' },
	},
	socialsyncer: {
		type: 'socialSyncer',
		credentialType: 'socialSyncerApi',
		credentials: credentialsOf('socialsyncer', TEST_KEYS.socialsyncer.valid),
		seed: async () =>
			String(
				(
					await runOne(CASES.socialsyncer, {
						resource: 'post',
						operation: 'create',
						content: 'Error output test',
						accounts: ['twitter:tw_1500000000000000001'],
						publishMode: 'draft',
						mediaSource: 'none',
					})
				)[0].json.id,
			),
		get: { resource: 'post', operation: 'get', postId: '={{ $json.id }}' },
	},
	synaptiq: {
		type: 'synaptiq',
		credentialType: 'synaptiqApi',
		credentials: credentialsOf('synaptiq', TEST_KEYS.synaptiq.liveAdmin, { keyScope: 'unknown' }),
		seed: async () =>
			String(
				(
					await runOne(CASES.synaptiq, {
						resource: 'lead',
						operation: 'create',
						email: 'branch@example.com',
						name: 'Branch Test',
					})
				)[0].json.id,
			),
		get: { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' },
	},
};

/** Items → the node under test, with its main output to "Succeeded" and its error output to "Failed". */
function branchingWorkflow(
	spec: Case,
	parameters: INodeParameters,
): { nodes: INode[]; connections: IConnections } {
	const node = (
		name: string,
		type: string,
		position: [number, number],
		extra: Partial<INode> = {},
	): INode => ({
		id: name,
		name,
		type,
		typeVersion: 1,
		position,
		parameters: {},
		...extra,
	});
	return {
		nodes: [
			node('Items', 'CUSTOM.passThrough', [-300, 0]),
			node(NODE_NAME, `CUSTOM.${spec.type}`, [0, 0], {
				parameters,
				credentials: { [spec.credentialType]: { id: 'cred-1', name: 'Test credential' } },
				onError: 'continueErrorOutput',
			}),
			node('Succeeded', 'CUSTOM.passThrough', [300, -100]),
			node('Failed', 'CUSTOM.passThrough', [300, 100]),
		],
		connections: {
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
			[NODE_NAME]: {
				main: [
					[{ node: 'Succeeded', type: 'main', index: 0 }],
					[{ node: 'Failed', type: 'main', index: 0 }],
				],
			},
		},
	};
}

describe.each(Object.keys(CASES) as ServiceName[])(
	'%s: Continue (using error output)',
	(service) => {
		const spec = CASES[service];

		it('sends failed items to the error output and successful ones to the main output, paired to their input', async () => {
			const id = await spec.seed();
			emulators.current[service].clearLog();
			// Item 1 fails before any request (empty ID), item 2 is answered 404 by the API.
			const input = [
				{ json: { id } },
				{ json: { id: '' } },
				{ json: { id: 'does_not_exist_404' } },
				{ json: { id } },
			];
			const result = await runWorkflow(branchingWorkflow(spec, spec.get), {
				credentials: { [spec.credentialType]: spec.credentials() },
				input,
				extraNodeTypes,
				startNode: 'Items',
			});
			expect(result.error(NODE_NAME)).toBeFalsy();

			const succeeded = result.output(NODE_NAME, 0);
			const failed = result.output(NODE_NAME, 1);
			expect(succeeded.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
			expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
			// (A ViralSync job carries its own `error: null`.)
			for (const item of succeeded) expect(typeof item.json.error).not.toBe('string');

			const [missingId, notFound] = failed;
			expect(String(missingId.json.error)).toMatch(/ID is required/);
			expect(missingId.json.message).toBeUndefined();
			expect(String(notFound.json.error)).toMatch(/HTTP 404/);
			// The description (hint, request ID, item) is the message: n8n 1.x and 2.x both route `{error, message}`.
			expect(String(notFound.json.message).length).toBeGreaterThan(10);
			expect(String(notFound.json.message)).toContain('Item: 2');
			expect(notFound.json.details).toBeUndefined();
			// n8n puts the failed item's input beside the error, so the error branch knows which one it was.
			expect(notFound.json.id).toBe('does_not_exist_404');

			// Both branches ran downstream with exactly those items.
			expect(result.output('Succeeded')).toHaveLength(2);
			expect(result.output('Failed').map((item) => item.json.error)).toEqual(
				failed.map((item) => item.json.error),
			);
			// The empty ID never reached the API; the other three did.
			expect(
				emulators.current[service].log.filter((entry) => !entry.path.startsWith('/__emulator')),
			).toHaveLength(3);
		});
	},
);

describe('Continue (using error output) for an operation that takes all items at once', () => {
	it('Sync Batch → Create: the one error item (Sync refused the batch) on the error output, paired with every input item', async () => {
		const result = await runWorkflow(
			branchingWorkflow(CASES.sync, {
				resource: 'batch',
				operation: 'create',
				rowsFrom: 'items',
				dryRun: true,
			}),
			// Fewer than 20 rows: Sync answers 400.
			{
				credentials: { syncApi: CASES.sync.credentials() },
				input: [{ json: { model: 'lipsync-2' } }, { json: { model: 'lipsync-2' } }],
				extraNodeTypes,
				startNode: 'Items',
			},
		);
		expect(result.output(NODE_NAME, 0)).toHaveLength(0);
		const [failed] = result.output(NODE_NAME, 1);
		expect(String(failed.json.error)).toMatch(/HTTP 400/);
		expect(typeof failed.json.message).toBe('string');
		expect(failed.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.output('Failed')).toHaveLength(1);
		expect(emulators.current.sync.log.map((entry) => entry.path)).toEqual(['/v2/batch']);
	});
});

describe('Continue (regular output) keeps the error beside the item fields', () => {
	it('puts error, description and httpCode into the json of the one output', async () => {
		const result = await runNode({
			type: 'synaptiq',
			credentialType: 'synaptiqApi',
			credentials: CASES.synaptiq.credentials(),
			parameters: CASES.synaptiq.get,
			items: [{ id: 'lead_missing' }],
			continueOnFail: true,
		});
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({
			error: expect.stringMatching(/HTTP 404/),
			httpCode: '404',
			description: expect.stringContaining('Item: 0'),
		});
		expect(item.error).toBeUndefined();
	});
});

describe('A job failure text that echoes a secret is redacted', () => {
	// The service quotes its input in the failure text, and that input holds the key or the signing secret.
	const cases: Array<
		[string, ServiceName, string, INodeParameters, ICredentialDataDecryptedObject]
	> = [
		[
			'Sync generation error',
			'sync',
			TEST_KEYS.sync.valid,
			{
				resource: 'generation',
				operation: 'create',
				model: 'lipsync-2',
				inputMode: 'fields',
				videoSource: 'url',
				videoUrl: 'https://cdn.example.com/fail.mp4',
				audioSource: 'url',
				audioUrl: 'https://cdn.example.com/a.mp3',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ webhookSecret: 'whsec_echoedSigningSecret0001' },
		],
		[
			'ViralSync job error',
			'viralsync',
			TEST_KEYS.viralsync.valid,
			{
				resource: 'renderJob',
				operation: 'create',
				projectId: 'proj_1',
				movieSource: 'json',
				movieJson: JSON.stringify({ scenes: [{ id: 'scene_fail', duration: 2 }] }),
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ webhookSecret: 'vs_cb_echoedSecret_0123456789' },
		],
		[
			'SocialSyncer per-platform error',
			'socialsyncer',
			TEST_KEYS.socialsyncer.valid,
			{
				resource: 'post',
				operation: 'create',
				content: 'fail',
				accounts: ['twitter:tw_1500000000000000001'],
				publishMode: 'now',
				mediaSource: 'none',
				waitForResult: true,
				pollInterval: 0.05,
			},
			{},
		],
		[
			'HeyGen failure_message',
			'heygen',
			TEST_KEYS.heygen.valid,
			{
				resource: 'video',
				operation: 'create',
				videoType: 'avatar',
				avatarId: 'Anna_public_office',
				audioSource: 'script',
				script: 'please fail',
				voiceId: 'voice_en_sara',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{},
		],
	];

	it.each(cases)(
		'%s: the key and the secret are replaced in the error item, the thrown error and the log',
		async (_label, service, apiKey, parameters, extra) => {
			const emulator = emulators.current[service];
			emulator.config.stageMs = 20;
			const secret = typeof extra.webhookSecret === 'string' ? extra.webhookSecret : undefined;
			emulator.config.failureEcho = `key=${apiKey}${secret ? ` secret=${secret}` : ''}`;
			const spec = CASES[service];
			const credentials = { apiKey, baseUrl: emulator.baseUrl, ...extra };
			// runWorkflow fails the test itself when a registered secret is anywhere in the run or n8n's log.
			const continued = await runNode({
				type: spec.type,
				credentialType: spec.credentialType,
				credentials,
				parameters,
				continueOnFail: true,
			});
			const text = JSON.stringify(continued.output(NODE_NAME)[0].json);
			expect(text).toContain('key=[redacted]');
			if (secret) expect(text).toContain('secret=[redacted]');

			const stopped = await runNode({
				type: spec.type,
				credentialType: spec.credentialType,
				credentials,
				parameters,
			});
			const error = stopped.error(NODE_NAME) as NodeRunError;
			expect(`${error.message} ${error.description ?? ''}`).toContain('key=[redacted]');
			expect(`${error.message} ${error.description ?? ''} ${error.stack}`).not.toContain(apiKey);
		},
	);
});
