/** HeyGen Video Agent (docs/api/heygen.md §11) in n8n-core's engine against the HeyGen emulator. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { NODE_NAME, nodeRunner, runNode, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 40));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const calls = () => api().map((entry) => `${entry.method} ${entry.path}`);
const bodyOf = (method: string, path: string) =>
	JSON.parse(
		api().find((entry) => entry.method === method && entry.path === path)!.body,
	) as IDataObject;
const answerOf = (index: number) =>
	(JSON.parse(api()[index].responseBody!) as { data: IDataObject }).data;

const create: INodeParameters = {
	resource: 'videoAgent',
	operation: 'create',
	prompt: 'A 30-second explainer about composting at home',
};
/** Poll with no pauses: each API request steps the emulator's clock (whatever the machine's speed). */
const poll: INodeParameters = {
	waitForCompletion: 'poll',
	firstCheckAfter: 0,
	pollInterval: 0.01,
	waitTimeout: 1,
};
const requestClock = () => (emulator.current.config.clock = 'requests');

describe('Video Agent → Create', () => {
	it('sends the prompt, mode, look, voice, style, orientation, files and options with an Idempotency-Key', async () => {
		const result = await run({
			...create,
			mode: 'generate',
			avatarId: { mode: 'list', value: 'Anna_public_office' },
			voiceId: { mode: 'id', value: 'voice_en_sara' },
			styleId: { mode: 'list', value: 'style_cinematic_noir' },
			orientation: 'landscape',
			files: {
				file: [
					{ source: 'url', url: 'https://cdn.example.com/brief.pdf' },
					{ source: 'assetId', assetId: 'asset_123' },
				],
			},
			agentOptions: {
				brand_kit_id: 'bk_1',
				callback_url: 'https://hooks.example.com/agent',
				callback_id: 'row-3',
				incognito_mode: true,
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			session_id: expect.stringMatching(/^sess_/),
			status: 'thinking',
			created_at: expect.any(Number),
			video_id: expect.any(String),
		});
		expect(calls()).toEqual(['POST /v3/video-agents']);
		expect(api()[0].headers['idempotency-key']).toMatch(/^n8n-.*-videoAgent-0$/);
		expect(bodyOf('POST', '/v3/video-agents')).toEqual({
			prompt: 'A 30-second explainer about composting at home',
			mode: 'generate',
			avatar_id: 'Anna_public_office',
			voice_id: 'voice_en_sara',
			style_id: 'style_cinematic_noir',
			orientation: 'landscape',
			brand_kit_id: 'bk_1',
			callback_url: 'https://hooks.example.com/agent',
			callback_id: 'row-3',
			incognito_mode: true,
			files: [
				{ type: 'url', url: 'https://cdn.example.com/brief.pdf' },
				{ type: 'asset_id', asset_id: 'asset_123' },
			],
		});
	});

	it('sends only prompt and mode when nothing else is set (the agent chooses)', async () => {
		await run({ ...create, mode: 'chat' });
		expect(bodyOf('POST', '/v3/video-agents')).toEqual({
			prompt: 'A 30-second explainer about composting at home',
			mode: 'chat',
		});
	});

	it.each([
		['an empty prompt', { prompt: '  ' }, 'Prompt is required'],
		['a prompt over 10,000 characters', { prompt: 'x'.repeat(10001) }, 'at most 10000 characters'],
		[
			'21 files',
			{ files: { file: Array.from({ length: 21 }, () => ({ source: 'assetId', assetId: 'a' })) } },
			'at most 20 files',
		],
		[
			'a web page as a file',
			{ files: { file: [{ source: 'url', url: 'https://example.com/about.html' }] } },
			'refuses web pages',
		],
		[
			'a file without an asset ID',
			{ files: { file: [{ source: 'assetId', assetId: '' }] } },
			'Files → File 1: Asset ID is required',
		],
	])('rejects %s before any request', async (_case, extra, message) => {
		const result = await run({ ...create, ...(extra as INodeParameters) });
		expect(result.error?.message).toContain(message);
		expect(api()).toHaveLength(0);
	});

	it('Poll: follows the session to its video, then the video to the end, and downloads it', async () => {
		requestClock();
		emulator.current.config.outputBytes = 12_345;
		const result = await run({ ...create, ...poll, downloadOutput: true });
		expect(result.error).toBeUndefined();
		const json = result.items[0].json;
		expect(json).toMatchObject({
			session_id: expect.stringMatching(/^sess_/),
			status: 'completed',
			progress: 100,
			video: { status: 'completed', video_url: expect.stringContaining('/__emulator/files/') },
		});
		expect(json.video_id).toBe((json.video as IDataObject).id);
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').length).toBe(12_345);
		// The create answer has the video_id already (the emulator's default), so one session read, then the video.
		expect(calls()).toEqual([
			'POST /v3/video-agents',
			`GET /v3/video-agents/${String(json.session_id)}`,
			`GET /v3/videos/${String(json.video_id)}`,
			`GET /v3/videos/${String(json.video_id)}`,
			`GET /v3/video-agents/${String(json.session_id)}`,
		]);
		expect(answerOf(1).status).toBe('generating');
		expect([answerOf(2).status, answerOf(3).status]).toEqual(['processing', 'completed']);
	});

	it('Poll: when video_id is null at create, polls the session until it appears', async () => {
		requestClock();
		emulator.current.config.agentVideoIdAtCreate = false;
		const result = await run({ ...create, ...poll });
		expect(result.error).toBeUndefined();
		expect(answerOf(0).video_id).toBeNull();
		const sessionReads = api().filter((entry) => entry.path.startsWith('/v3/video-agents/'));
		expect(
			sessionReads.map(
				(entry) => (JSON.parse(entry.responseBody!) as { data: IDataObject }).data.status,
			),
		).toEqual(['generating', 'completed']);
		expect(result.items[0].json).toMatchObject({
			status: 'completed',
			video: { status: 'completed' },
		});
	});

	it('Poll: a failed session is an error item with its error message and the failure code', async () => {
		requestClock();
		const result = await run(
			{ ...create, prompt: 'An explainer that will fail', ...poll },
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(
			/^HeyGen video agent session sess_\w+ failed: Video generation failed: An input URL could not be downloaded\.$/,
		);
		expect(result.items[0].json.description).toContain('Failure code: download_failed');
	});

	it('Poll: gives up after the timeout, saying where to read it later', async () => {
		emulator.current.config.stageMs = 60_000;
		const result = await run({ ...create, ...poll, waitTimeout: 0.002 });
		expect(result.error?.message).toMatch(/did not finish in time/);
		expect(result.error?.description).toContain('Video Agent → Get Session');
	});

	it('Poll: a chat session that stops to ask ends the wait with the question', async () => {
		requestClock();
		const result = await run({ ...create, mode: 'chat', ...poll });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'reviewing',
			waiting_for_input: true,
			question: 'Here is the storyboard. Which voice should I use, or shall I go ahead?',
			video_id: null,
		});
		expect(calls()).toEqual([
			'POST /v3/video-agents',
			`GET /v3/video-agents/${String(result.items[0].json.session_id)}`,
		]);
	});
});

describe('Video Agent → Get Session, Get Many Sessions, Get Many Styles', () => {
	it('gets a session with its messages and lists sessions newest first, paged', async () => {
		const ids: string[] = [];
		for (const prompt of ['First', 'Second', 'Third'])
			ids.push(String((await run({ ...create, prompt })).items[0].json.session_id));
		emulator.current.clearLog();
		const got = await run({ resource: 'videoAgent', operation: 'get', sessionId: ids[0] });
		expect(got.items[0].json).toMatchObject({
			session_id: ids[0],
			status: expect.any(String),
			progress: expect.any(Number),
			title: 'First',
			messages: [{ role: 'user', type: 'text', content: 'First' }],
		});
		expect(calls()).toEqual([`GET /v3/video-agents/${ids[0]}`]);

		emulator.current.clearLog();
		const limited = await run({ resource: 'videoAgent', operation: 'getAll', limit: 2 });
		expect(limited.items.map((item) => item.json.session_id)).toEqual([ids[2], ids[1]]);
		expect(api().map((entry) => entry.query)).toEqual([{ limit: '2' }]);

		emulator.current.clearLog();
		const all = await run({ resource: 'videoAgent', operation: 'getAll', returnAll: true }, {});
		expect(all.items.map((item) => item.json)).toEqual([
			{ session_id: ids[2], created_at: expect.any(Number), title: 'Third' },
			{ session_id: ids[1], created_at: expect.any(Number), title: 'Second' },
			{ session_id: ids[0], created_at: expect.any(Number), title: 'First' },
		]);
		expect(api().map((entry) => entry.query)).toEqual([{ limit: '100' }]);

		const missing = await run({ resource: 'videoAgent', operation: 'get', sessionId: 'sess_nope' });
		expect(missing.error?.httpCode).toBe('404');
	});

	it('lists styles, filtered by tag, paging with the cursor (at most 50 a page)', async () => {
		const all = await run({ resource: 'videoAgent', operation: 'getStyles', returnAll: true });
		expect(all.items.map((item) => item.json.style_id)).toEqual([
			'style_cinematic_noir',
			'style_retro_terminal',
			'style_paper_cutout',
			'style_pop_poster',
		]);
		expect(api()[0].query).toEqual({ limit: '50' });

		emulator.current.clearLog();
		const tagged = await run({
			resource: 'videoAgent',
			operation: 'getStyles',
			returnAll: true,
			tag: 'print',
		});
		expect(tagged.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ style_id: 'style_paper_cutout', tags: ['handmade', 'print'] }),
		]);
		expect(api()[0].query).toEqual({ tag: 'print', limit: '50' });

		emulator.current.clearLog();
		const two = await run({ resource: 'videoAgent', operation: 'getStyles', limit: 3 });
		expect(two.items).toHaveLength(3);
		expect(api().map((entry) => entry.query)).toEqual([{ limit: '3' }]);
	});
});

export { NODE_NAME, runNode };
