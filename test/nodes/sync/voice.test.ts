/**
 * Sync Voice operations (../shared/api/sync.md §9) and the voice picker in n8n-core's engine
 * against the Sync emulator.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Sync } from '../../../nodes/Sync/Sync.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { apiCalls, binaryItem, createByUrl, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

const BUILT_IN = ['EXAVITQu4vr4xnSDxMaL', '21m00Tcm4TlvDq8ikWAM', 'pNInz6obpgDQGcFmaJgB'];
const RESTRICTED = 'N2lVS1w4EtoT3dr4eOWO';

/** Clones a voice from a binary sample of `bytes` bytes; answers the run. */
async function cloneFromBinary(name: string, bytes = 40_000, mimeType = 'audio/mpeg') {
	return await sync(
		{ resource: 'voice', operation: 'clone', voiceName: name, sampleSource: 'binary' },
		{
			input: [
				binaryItem({ data: { bytes: Buffer.alloc(bytes, 1), mimeType, fileName: 'sample.mp3' } }),
			],
			continueOnFail: true,
		},
	);
}

function pickerContext(parameter: string) {
	const node: INode = {
		id: 'sync',
		name: 'Sync',
		type: 'CUSTOM.sync',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { syncApi: { id: '1', name: 'Sync' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const credentialsHelper = new TestCredentialsHelper({
		syncApi: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.current.baseUrl },
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper }),
		`parameters.${parameter}`,
	);
}

describe('Voice → Get Many and Get', () => {
	it('lists built-in voices and clones (one item each), with filters and Limit', async () => {
		await cloneFromBinary('Narrator');
		emulator.current.clearLog();
		const all = await sync({ resource: 'voice', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		const ids = all.items.map((item) => item.json.id);
		expect(ids.slice(0, 4)).toEqual([...BUILT_IN, RESTRICTED]);
		expect(all.items[4].json).toMatchObject({ name: 'Narrator', provider: 'elevenlabs' });
		expect(apiCalls(emulator.current).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'GET /v2/voices',
		]);

		const cloned = await sync({
			resource: 'voice',
			operation: 'getAll',
			returnAll: true,
			voiceFilters: { kind: 'cloned' },
		});
		expect(cloned.items.map((item) => item.json.name)).toEqual(['Narrator']);

		const usable = await sync({
			resource: 'voice',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			voiceFilters: { kind: 'builtIn', includeUnavailable: false, search: 'a' },
		});
		expect(usable.items.map((item) => item.json.name)).toEqual(['Sarah', 'Rachel', 'Adam']);

		const two = await sync({ resource: 'voice', operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.items).toHaveLength(2);
	});

	it('gets a voice by ID (a plain string or a From List value) and says 404 for an unknown one', async () => {
		const byString = await sync({ resource: 'voice', operation: 'get', voiceId: BUILT_IN[0] });
		expect(byString.items[0].json).toMatchObject({
			id: BUILT_IN[0],
			name: 'Sarah',
			previewUrl: expect.stringContaining('/__emulator/files/'),
		});
		const byLocator = await sync({
			resource: 'voice',
			operation: 'get',
			voiceId: { __rl: true, mode: 'list', value: RESTRICTED },
		});
		expect(byLocator.items[0].json.restriction).toEqual({ code: 'voice_verification_required' });
		expect(apiCalls(emulator.current).map((entry) => entry.path)).toEqual([
			`/v2/voices/${BUILT_IN[0]}`,
			`/v2/voices/${RESTRICTED}`,
		]);

		const missing = await sync(
			{ resource: 'voice', operation: 'get', voiceId: 'no-such-voice' },
			{ continueOnFail: true },
		);
		expect(missing.items[0].json.httpCode).toBe('404');
		expect(String(missing.items[0].json.error)).toContain('voice_not_found');
	});
});

describe('Voice picker (searchVoices, searchClonedVoices)', () => {
	it('lists usable voices first, marks restricted ones, filters on the typed text', async () => {
		await cloneFromBinary('Brand voice');
		emulator.current.clearLog();
		const node = new Sync();
		const { results } = await node.methods.listSearch.searchVoices.call(pickerContext('voiceId'));
		expect(results.map((option) => option.value)).toEqual([
			...BUILT_IN,
			expect.stringMatching(/^[0-9a-f-]{36}$/),
			RESTRICTED,
		]);
		expect(results[3].name).toBe('Brand voice (cloned)');
		expect(results[4].name).toContain('unavailable right now');
		expect(emulator.current.log.map((entry) => entry.path)).toEqual(['/v2/voices']);

		const found = await node.methods.listSearch.searchVoices.call(pickerContext('voiceId'), 'rach');
		expect(found.results.map((option) => option.name)).toEqual(['Rachel']);
		// Not cached: each search reads the list again (availability changes).
		expect(emulator.current.log).toHaveLength(2);

		const clones = await node.methods.listSearch.searchClonedVoices.call(pickerContext('voiceId'));
		expect(clones.results.map((option) => option.name)).toEqual(['Brand voice (cloned)']);
	});

	it('Generation → Create with Text to Speech takes the picked voice, and an old plain-string Voice ID still works', async () => {
		const base = {
			...createByUrl,
			audioSource: 'text',
			script: 'Hello from n8n',
		};
		const picked = await sync({
			...base,
			voiceId: { __rl: true, mode: 'list', value: BUILT_IN[1] },
		});
		expect(picked.error).toBeUndefined();
		const legacy = await sync({ ...base, voiceId: BUILT_IN[2] });
		expect(legacy.error).toBeUndefined();
		const [first, second] = apiCalls(emulator.current);
		for (const [entry, voiceId] of [
			[first, BUILT_IN[1]],
			[second, BUILT_IN[2]],
		] as const) {
			expect((jsonBody(entry).input as unknown[])[1]).toEqual({
				type: 'text',
				provider: { name: 'elevenlabs', voiceId, script: 'Hello from n8n' },
			});
		}
	});

	it('Generation → Create with a restricted voice is refused by Sync (422 voice_verification_required)', async () => {
		const run = await sync(
			{ ...createByUrl, audioSource: 'text', script: 'Hi', voiceId: RESTRICTED },
			{ continueOnFail: true },
		);
		expect(run.items[0].json.httpCode).toBe('422');
		expect(String(run.items[0].json.error)).toContain('voice_verification_required');
	});
});

describe('Voice → Clone and Delete', () => {
	it('clones from a binary: uploads it as an asset first, then clones from that asset', async () => {
		const run = await cloneFromBinary('Host');
		expect(run.items[0].json.error).toBeUndefined();
		const clone = run.items[0].json;
		expect(clone).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			voiceId: clone.id,
			internalVoiceId: clone.id,
			name: 'Host',
			sampleAssetId: expect.any(String),
		});
		const calls = emulator.current.log.map(
			(entry) => `${entry.method} ${entry.path.replace(/[0-9a-f-]{36}/, ':id')}`,
		);
		expect(calls).toEqual([
			'POST /v2/assets/upload',
			'PUT /__uploads/:id',
			'POST /v2/assets',
			'POST /v2/voices',
		]);
		expect(jsonBody(emulator.current.log[3])).toEqual({
			name: 'Host',
			provider: 'elevenlabs',
			assetId: clone.sampleAssetId,
		});

		// The clone is usable at once: Get finds it, Delete frees it, then it is gone.
		const got = await sync({ resource: 'voice', operation: 'get', voiceId: clone.id as string });
		expect(got.items[0].json).toMatchObject({ id: clone.id, name: 'Host' });
		const spoken = await sync({
			resource: 'textToSpeech',
			operation: 'create',
			voiceId: { __rl: true, mode: 'list', value: clone.id as string },
			script: 'Said in the cloned voice.',
		});
		expect(spoken.items[0].json.url).toEqual(expect.stringContaining('.mp3'));
		emulator.current.clearLog();
		const deleted = await sync({
			resource: 'voice',
			operation: 'delete',
			voiceId: { __rl: true, mode: 'list', value: clone.id as string },
		});
		expect(deleted.items[0].json).toEqual({ id: clone.id, deleted: true });
		expect(emulator.current.log[0]).toMatchObject({
			method: 'DELETE',
			path: `/v2/voices/${String(clone.id)}`,
			status: 200,
		});
		const again = await sync(
			{ resource: 'voice', operation: 'delete', voiceId: clone.id as string },
			{ continueOnFail: true },
		);
		expect(again.items[0].json.httpCode).toBe('404');
	});

	it('clones from an asset and from a Sync storage URL', async () => {
		const uploaded = await sync(
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
			{
				input: [
					binaryItem({
						data: { bytes: Buffer.alloc(5000, 2), mimeType: 'video/mp4', fileName: 'talk.mp4' },
					}),
				],
			},
		);
		const asset = uploaded.items[0].json;
		emulator.current.clearLog();
		const fromAsset = await sync({
			resource: 'voice',
			operation: 'clone',
			voiceName: 'From asset',
			sampleSource: 'asset',
			sampleAssetId: { __rl: true, mode: 'list', value: asset.id as string },
		});
		expect(fromAsset.error).toBeUndefined();
		const fromUrl = await sync({
			resource: 'voice',
			operation: 'clone',
			voiceName: 'From URL',
			sampleSource: 'url',
			sampleUrl: asset.url as string,
		});
		expect(fromUrl.error).toBeUndefined();
		expect(apiCalls(emulator.current).map(jsonBody)).toEqual([
			{ name: 'From asset', provider: 'elevenlabs', assetId: asset.id },
			{ name: 'From URL', provider: 'elevenlabs', url: asset.url },
		]);
	});

	it('explains the clone refusals: sample too short, not in Sync storage, name taken, 10 per hour', async () => {
		const short = await cloneFromBinary('Tiny', 200);
		expect(short.items[0].json.error).toBe(
			'Voice clone refused: the voice sample is too short (voice_sample_too_short)',
		);
		expect(short.items[0].json.description).toContain('30 seconds to 2 minutes');

		const foreign = await sync(
			{
				resource: 'voice',
				operation: 'clone',
				voiceName: 'Foreign',
				sampleSource: 'url',
				sampleUrl: 'https://cdn.example.com/sample.mp3',
			},
			{ continueOnFail: true },
		);
		expect(foreign.items[0].json.error).toBe(
			'Voice clone refused: the voice sample is not in Sync storage (voice_sample_upload_required)',
		);
		expect(foreign.items[0].json.httpCode).toBe('422');

		await cloneFromBinary('Twice');
		const twice = await cloneFromBinary('Twice');
		expect(twice.items[0].json.error).toContain('a voice with this name already exists');

		emulator.current.config.voiceClonesPerHour = 4; // four clone requests were made above
		emulator.current.clearLog();
		const limited = await cloneFromBinary('One too many');
		expect(limited.items[0].json.error).toMatch(/10 voice clones per hour/);
		expect(limited.items[0].json.httpCode).toBe('429');
		// One quick retry at most, not minutes of backoff.
		expect(apiCalls(emulator.current).filter((entry) => entry.path === '/v2/voices')).toHaveLength(
			2,
		);
	});

	it('checks the fields before any request', async () => {
		const noBinary = await sync(
			{ resource: 'voice', operation: 'clone', voiceName: 'X', sampleBinaryProperty: 'nope' },
			{ continueOnFail: true },
		);
		expect(noBinary.items[0].json.error).toBe(
			'Sample Binary Property: the item has no binary data "nope"',
		);
		const image = await cloneFromBinary('Picture', 5000, 'image/png');
		expect(image.items[0].json.error).toContain('is image/png, not audio or video');
		const noName = await sync(
			{
				resource: 'voice',
				operation: 'clone',
				voiceName: ' ',
				sampleSource: 'url',
				sampleUrl: 'x',
			},
			{ continueOnFail: true },
		);
		expect(noName.items[0].json.error).toBe('Voice Name is required');
		const noVoice = await sync(
			{ resource: 'voice', operation: 'get', voiceId: { __rl: true, mode: 'id', value: '  ' } },
			{ continueOnFail: true },
		);
		expect(noVoice.items[0].json.error).toBe('Voice is required');
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('Sync emulator: voices (../shared/api/sync.md §9.1)', () => {
	const call = async (method: string, path: string, key: string = TEST_KEYS.sync.valid) => {
		const response = await fetch(`${emulator.current.baseUrl}${path}`, {
			method,
			headers: { 'x-api-key': key },
		});
		return { status: response.status, body: (await response.json()) as unknown };
	};

	it("keeps clones to their org, refuses an unknown provider, never deletes a built-in voice, and counts the plan's clone slots", async () => {
		const clone = await cloneFromBinary('Private');
		const id = String(clone.items[0].json.id);
		expect((await call('GET', `/v2/voices/${id}`)).status).toBe(200);
		const other = await call('GET', `/v2/voices/${id}`, TEST_KEYS.sync.other);
		expect(other).toMatchObject({ status: 404, body: { errorCode: 'voice_not_found' } });
		expect(((await call('GET', '/v2/voices', TEST_KEYS.sync.other)).body as unknown[]).length).toBe(
			4,
		);
		expect((await call('GET', '/v2/voices?provider=playht')).status).toBe(400);
		expect((await call('GET', '/v2/voices?provider=elevenlabs')).status).toBe(200);
		expect(await call('DELETE', `/v2/voices/${BUILT_IN[0]}`)).toMatchObject({ status: 404 });

		emulator.current.config.voiceCloneSlots = 1;
		const full = await cloneFromBinary('Second');
		expect(full.items[0].json.error).toBe(
			'Voice clone refused: all clone slots of your plan are in use (voice_clone_limit_reached)',
		);
		expect(full.items[0].json.description).toContain('Voice → Delete');
	});
});
