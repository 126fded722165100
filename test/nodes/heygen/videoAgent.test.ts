/** HeyGen Video Agent (docs/api/heygen.md §11) in n8n-core's engine against the HeyGen emulator. */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, IWebhookResponseData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HeyGen } from '../../../nodes/HeyGen/HeyGen.node';
import { HeyGenTrigger } from '../../../nodes/HeyGen/HeyGenTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { fileBytes, fileItem } from '../../harness/files';
import { PackageNodeTypes } from '../../harness/types';
import { serveTriggerWebhook } from '../../harness/webhook';
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

	it('sends a binary file inline (base64, type from its bytes) and refuses a type the agent does not take', async () => {
		const result = await run(
			{ ...create, files: { file: [{ source: 'binary', binaryProperty: 'data' }] } },
			{ input: fileItem('png', 'application/octet-stream', 'logo.png', 300) },
		);
		expect(result.error).toBeUndefined();
		expect(bodyOf('POST', '/v3/video-agents').files).toEqual([
			{ type: 'base64', media_type: 'image/png', data: fileBytes('png', 300).toString('base64') },
		]);
		emulator.current.clearLog();
		const srt = await run(
			{ ...create, files: { file: [{ source: 'binary', binaryProperty: 'data' }] } },
			{ input: fileItem('srt', 'application/x-subrip', 'captions.srt') },
		);
		expect(srt.error?.message).toBe(
			'Files → File 1: the Video Agent does not take application/x-subrip files',
		);
		expect(api()).toHaveLength(0);
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
		// The sessions stay as created: the clock moves only when a test says so.
		emulator.current.config.clock = 'manual';
		const ids: string[] = [];
		for (const prompt of ['First', 'Second', 'Third'])
			ids.push(String((await run({ ...create, prompt })).items[0].json.session_id));
		emulator.current.clearLog();
		const got = await run({ resource: 'videoAgent', operation: 'get', sessionId: ids[0] });
		expect(got.items[0].json).toMatchObject({
			session_id: ids[0],
			status: 'thinking',
			progress: 5,
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

describe('Video Agent → Send Message, Stop, Get Session Videos, Get Resource', () => {
	const chatUntilReview = async () => {
		requestClock();
		const created = await run({ ...create, mode: 'chat' });
		const sessionId = String(created.items[0].json.session_id);
		// One request steps the clock: the session reaches its storyboard checkpoint.
		const reviewing = await run({ resource: 'videoAgent', operation: 'get', sessionId });
		expect(reviewing.items[0].json.status).toBe('reviewing');
		emulator.current.clearLog();
		return sessionId;
	};

	it('sends a message to a chat session and (Poll) waits for the new video', async () => {
		const sessionId = await chatUntilReview();
		const result = await run({
			resource: 'videoAgent',
			operation: 'sendMessage',
			sessionId,
			message: 'Use a warmer voice and go ahead',
			voiceId: { mode: 'id', value: 'voice_en_sara' },
			brandKitId: 'bk_9',
			...poll,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			session_id: sessionId,
			status: 'completed',
			video: { status: 'completed' },
		});
		expect(calls()).toEqual([
			`GET /v3/video-agents/${sessionId}`,
			`POST /v3/video-agents/${sessionId}`,
			`GET /v3/video-agents/${sessionId}`,
			`GET /v3/videos/${String(result.items[0].json.video_id)}`,
			`GET /v3/videos/${String(result.items[0].json.video_id)}`,
			`GET /v3/video-agents/${sessionId}`,
		]);
		expect(bodyOf('POST', `/v3/video-agents/${sessionId}`)).toEqual({
			message: 'Use a warmer voice and go ahead',
			voice_id: 'voice_en_sara',
			brand_kit_id: 'bk_9',
		});
		const post = api().find((entry) => entry.method === 'POST')!;
		expect(post.headers['idempotency-key']).toMatch(/-videoAgentMessage-0$/);

		// The session's videos, and the draft its messages point to.
		emulator.current.clearLog();
		const videos = await run({ resource: 'videoAgent', operation: 'getVideos', sessionId });
		expect(videos.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: result.items[0].json.video_id, status: 'completed' }),
		]);
		expect(calls()).toEqual([`GET /v3/video-agents/${sessionId}/videos`]);
		const messages = result.items[0].json.messages as IDataObject[];
		const resourceId = String(
			(messages.find((message) => message.type === 'resource')!.resource_ids as string[])[0],
		);
		const resource = await run({
			resource: 'videoAgent',
			operation: 'getResource',
			sessionId,
			resourceId,
		});
		expect(resource.items[0].json).toMatchObject({
			resource_id: resourceId,
			resource_type: 'draft',
			source_type: 'generated',
		});
		const unknown = await run({
			resource: 'videoAgent',
			operation: 'getResource',
			sessionId,
			resourceId: 'res_missing',
		});
		expect(unknown.error?.httpCode).toBe('404');
	});

	it('Send Message without a wait returns the run; to a generate session HeyGen refuses it', async () => {
		const sessionId = await chatUntilReview();
		const sent = await run({
			resource: 'videoAgent',
			operation: 'sendMessage',
			sessionId,
			message: 'Go ahead',
		});
		expect(sent.items[0].json).toEqual({
			session_id: sessionId,
			run_id: expect.stringMatching(/^run_/),
			title: expect.any(String),
		});
		expect(calls()).toEqual([`POST /v3/video-agents/${sessionId}`]);

		const generate = String((await run(create)).items[0].json.session_id);
		const refused = await run({
			resource: 'videoAgent',
			operation: 'sendMessage',
			sessionId: generate,
			message: 'More cats',
		});
		expect(refused.error?.message).toContain('messages can only be sent to chat sessions');
		expect(refused.error?.httpCode).toBe('400');
	});

	it("Poll: a run that fails after a message is an error item with the session's error", async () => {
		const sessionId = await chatUntilReview();
		const result = await run(
			{
				resource: 'videoAgent',
				operation: 'sendMessage',
				sessionId,
				message: 'Now make it fail',
				...poll,
			},
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe(
			`HeyGen video agent session ${sessionId} failed: Video generation failed: An input URL could not be downloaded.`,
		);
	});

	it('rejects an empty or too long message before any request', async () => {
		for (const [message, text] of [
			['   ', 'Message is required'],
			['y'.repeat(10001), 'at most 10000 characters'],
		]) {
			const result = await run({
				resource: 'videoAgent',
				operation: 'sendMessage',
				sessionId: 'sess_1',
				message,
			});
			expect(result.error?.message).toContain(text);
		}
		expect(api()).toHaveLength(0);
	});

	it('stops a running session; it then waits for input', async () => {
		emulator.current.config.clock = 'manual';
		const sessionId = String((await run(create)).items[0].json.session_id);
		emulator.current.clearLog();
		const stopped = await run({ resource: 'videoAgent', operation: 'stop', sessionId });
		expect(stopped.items[0].json).toEqual({ session_id: sessionId });
		expect(calls()).toEqual([`POST /v3/video-agents/${sessionId}/stop`]);
		expect(bodyOf('POST', `/v3/video-agents/${sessionId}/stop`)).toEqual({});
		const got = await run({ resource: 'videoAgent', operation: 'get', sessionId });
		expect(got.items[0].json).toMatchObject({
			status: 'waiting_for_input',
		});
		expect((got.items[0].json.messages as IDataObject[])[0]).toMatchObject({
			role: 'model',
			content: 'Stopped. What should I change?',
		});
	});
});

describe('Video Agent → Create, Wait for Completion: Webhook Resume', () => {
	const park = async (parameters: INodeParameters = {}) =>
		await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
			parameters: { ...create, waitForCompletion: 'webhook', waitTimeout: 30, ...parameters },
		});

	/**
	 * n8n resumes a parked execution by calling the waiting node's webhook() with the parked item as
	 * its input (the harness does it in n8n-core's WebhookContext); the body is the callback the emulator sent.
	 */
	async function resume(parameters: INodeParameters, parked: IDataObject, body: string) {
		const hook = await serveTriggerWebhook({
			type: 'heyGen',
			nodeType: new HeyGen(),
			parameters: { ...create, waitForCompletion: 'webhook', waitTimeout: 30, ...parameters },
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
			input: [{ json: parked }],
		});
		try {
			const answer = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
			});
			await answer.arrayBuffer();
			const [call] = hook.calls;
			return {
				result: call.result as IWebhookResponseData | undefined,
				status: call.status,
				body: JSON.parse(call.responseBody) as IDataObject,
			};
		} finally {
			await hook.close();
		}
	}

	/** The emulator's callback to the session's callback_url (recorded: nothing listens there). */
	const callbackTo = async (url: string) => {
		const until = Date.now() + 5000;
		for (;;) {
			const delivery = emulator.current.deliveries.find((entry) => entry.url === url);
			if (delivery) return delivery;
			if (Date.now() > until) throw new Error(`no callback to ${url}`);
			await new Promise((done) => setTimeout(done, 10));
		}
	};

	it('creates the session with the resume URL and a fresh callback_id, and parks', async () => {
		const before = Date.now();
		const result = await park();
		expect(result.error(NODE_NAME)).toBeUndefined();
		expect(result.run.status).toBe('waiting');
		expect(result.run.waitTill!.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
		const body = bodyOf('POST', '/v3/video-agents');
		expect(body.callback_url).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/?]+\?signature=[0-9a-f]+$/,
		);
		expect(body.callback_id).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			session_id: expect.stringMatching(/^sess_/),
			callback_id: body.callback_id,
		});
		expect(calls()).toEqual(['POST /v3/video-agents']);
	});

	it('refuses a Callback URL option together with Webhook Resume, before any request', async () => {
		const result = await park({ agentOptions: { callback_url: 'https://hooks.example.com/x' } });
		expect(result.error(NODE_NAME)?.message).toBe(
			'Callback URL cannot be combined with Wait for Completion: Webhook Resume',
		);
		expect(api()).toHaveLength(0);
	});

	it('resumes on the video_agent.success callback with session and video re-read, and downloads', async () => {
		const parkedRun = await park();
		const parked = parkedRun.output(NODE_NAME)[0].json;
		const url = String(bodyOf('POST', '/v3/video-agents').callback_url);
		const delivery = await callbackTo(url);
		// Unsigned, as HeyGen's per-job callbacks are (docs/api/heygen.md §13).
		expect(delivery.headers).toEqual({});
		expect(JSON.parse(delivery.body)).toMatchObject({
			event_type: 'video_agent.success',
			event_data: { session_id: parked.session_id, callback_id: parked.callback_id },
		});
		emulator.current.clearLog();
		const { result, status } = await resume({ downloadOutput: true }, parked, delivery.body);
		expect(status).toBe(200);
		const [item] = result!.workflowData![0];
		expect(item.json).toMatchObject({
			session_id: parked.session_id,
			status: 'completed',
			video: { status: 'completed', video_url: expect.any(String) },
		});
		expect(item.binary?.data.mimeType).toBe('video/mp4');
		expect(calls()).toEqual([
			`GET /v3/video-agents/${String(parked.session_id)}`,
			`GET /v3/videos/${String(item.json.video_id)}`,
		]);
	});

	it('refuses a callback with another callback_id (401) and reads nothing', async () => {
		const parked = (await park()).output(NODE_NAME)[0].json;
		const delivery = await callbackTo(String(bodyOf('POST', '/v3/video-agents').callback_url));
		emulator.current.clearLog();
		const forged = JSON.parse(delivery.body) as { event_data: IDataObject };
		forged.event_data.callback_id = 'n8n-guess';
		const { result, status, body } = await resume({}, parked, JSON.stringify(forged));
		expect(result).toEqual({ noWebhookResponse: true });
		expect(status).toBe(401);
		expect(body).toEqual({
			error: 'Callback rejected: callback_id does not match this job',
		});
		expect(api()).toHaveLength(0);
	});

	it("a video_agent.fail callback ends in an error with the session's error message", async () => {
		const parked = (await park({ prompt: 'This one will fail' })).output(NODE_NAME)[0].json;
		const delivery = await callbackTo(String(bodyOf('POST', '/v3/video-agents').callback_url));
		expect(JSON.parse(delivery.body).event_type).toBe('video_agent.fail');
		const { status, body } = await resume({}, parked, delivery.body);
		expect(status).toBe(500);
		expect(body.error).toBe(
			`HeyGen video agent session ${String(parked.session_id)} failed: Video generation failed: An input URL could not be downloaded. (download_failed)`,
		);
	});
});

describe('HeyGen Trigger: video_agent.success / video_agent.fail', () => {
	const trigger = (events: string[]) =>
		serveTriggerWebhook({
			type: 'heyGenTrigger',
			nodeType: new HeyGenTrigger(),
			parameters: { events, verifySignature: true },
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
		});
	type Hook = Awaited<ReturnType<typeof trigger>>;
	const started = (hook: Hook) =>
		hook.calls
			.filter((call) => call.result?.workflowData)
			.map((call) => call.result!.workflowData![0][0].json);
	/** Deliveries to the endpoint the trigger registered (not a stray callback of an earlier test). */
	const delivered = () => {
		const registration = api().find(
			(entry) => entry.method === 'POST' && entry.path === '/v3/webhooks/endpoints',
		);
		const url = registration && (JSON.parse(registration.body) as { url: string }).url;
		return emulator.current.deliveries.filter((entry) => entry.url === url);
	};
	const settle = async (hook: Hook, deliveries: number) => {
		const until = Date.now() + 5000;
		while (
			(delivered().length < deliveries ||
				hook.calls.length < deliveries ||
				hook.calls.some((call) => call.status === 0)) &&
			Date.now() < until
		)
			await new Promise((done) => setTimeout(done, 10));
	};

	it('offers the events and registers them', async () => {
		const events = (
			new HeyGenTrigger().description.properties.find((p) => p.name === 'events')!
				.options as Array<{ value: string }>
		).map((option) => option.value);
		expect(events).toEqual(expect.arrayContaining(['video_agent.success', 'video_agent.fail']));
		const hook = await trigger(['video_agent.success', 'video_agent.fail']);
		try {
			await hook.lifecycle('create');
			expect(bodyOf('POST', '/v3/webhooks/endpoints').events).toEqual([
				'video_agent.success',
				'video_agent.fail',
			]);
		} finally {
			await hook.close();
		}
	});

	it('emits a finished session with the session and its video re-read from HeyGen', async () => {
		const hook = await trigger(['video_agent.success', 'video_agent.fail']);
		try {
			await hook.lifecycle('create');
			const sessionId = String((await run(create)).items[0].json.session_id);
			await settle(hook, 1);
			const [event] = started(hook);
			expect(event).toMatchObject({
				event_type: 'video_agent.success',
				event_id: expect.stringMatching(/^evt_/),
				session_id: sessionId,
				status: 'completed',
				url: expect.stringContaining('/__emulator/files/'),
				session: { session_id: sessionId, status: 'completed', progress: 100 },
				video: { id: event.video_id, status: 'completed' },
			});
			// The re-reads, with the trigger's credential.
			const reads = api().filter(
				(entry) =>
					entry.method === 'GET' &&
					(entry.path === `/v3/video-agents/${sessionId}` ||
						entry.path === `/v3/videos/${String(event.video_id)}`),
			);
			expect(reads.map((entry) => entry.path)).toEqual([
				`/v3/video-agents/${sessionId}`,
				`/v3/videos/${String(event.video_id)}`,
			]);
			expect(reads[0].headers['x-api-key']).toBe(TEST_KEYS.heygen.valid);
		} finally {
			await hook.close();
		}
	});

	it("emits a failed session with the session's error message", async () => {
		const hook = await trigger(['video_agent.fail']);
		try {
			await hook.lifecycle('create');
			await run({ ...create, prompt: 'Please fail this one' });
			await settle(hook, 1);
			expect(started(hook)[0]).toMatchObject({
				event_type: 'video_agent.fail',
				status: 'failed',
				message: expect.stringMatching(
					/failed: Video generation failed: An input URL could not be downloaded\.$/,
				),
				video: { status: 'failed', failure_code: 'download_failed' },
			});
		} finally {
			await hook.close();
		}
	});

	it("starts once per video when the agent's video also fires avatar_video.success", async () => {
		emulator.current.config.agentAvatarVideoEvents = true;
		const hook = await trigger(['avatar_video.success', 'video_agent.success']);
		try {
			await hook.lifecycle('create');
			await run(create);
			await settle(hook, 2);
			const types = delivered().map(
				(entry) => (JSON.parse(entry.body) as { event_type: string }).event_type,
			);
			expect(types.sort()).toEqual(['avatar_video.success', 'video_agent.success']);
			expect(started(hook)).toHaveLength(1);
			expect(hook.calls.map((call) => call.result?.webhookResponse)).toContain('duplicate ignored');
		} finally {
			await hook.close();
		}
	});
});

describe('Style picker (searchVideoAgentStyles)', () => {
	function context(): LoadOptionsContext {
		const node: INode = {
			id: 'h',
			name: 'HeyGen',
			type: 'CUSTOM.heyGen',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { heyGenApi: { id: '1', name: 'HeyGen' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new PackageNodeTypes(),
		});
		const helper = new TestCredentialsHelper({
			heyGenApi: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
		});
		return new LoadOptionsContext(
			workflow,
			node,
			additionalDataFor({ credentialsHelper: helper }),
			'parameters.styleId',
		);
	}
	const search = new HeyGen().methods.listSearch.searchVideoAgentStyles;

	it('lists styles with aspect ratio and tags, and filters on the typed text', async () => {
		const all = await search.call(context());
		expect(all.results.map((result) => result.value)).toEqual([
			'style_cinematic_noir',
			'style_retro_terminal',
			'style_paper_cutout',
			'style_pop_poster',
		]);
		expect(all.results[2]).toEqual({
			name: 'Paper Cutout (9:16)',
			value: 'style_paper_cutout',
			description: 'handmade, print',
			url: 'https://static.heygen.example/styles/paper.mp4',
		});
		expect(all.paginationToken).toBeUndefined();
		const retro = await search.call(context(), 'retro');
		expect(retro.results.map((result) => result.value)).toEqual(['style_retro_terminal']);
		expect(api().map((entry) => entry.query)).toEqual([{ limit: '50' }, { limit: '50' }]);
	});

	it('reads the next page while a page has no match, and hands back the cursor', async () => {
		emulator.current.addFault({
			kind: 'status',
			status: 200,
			method: 'GET',
			path: '/v3/video-agents/styles',
			times: 1,
			body: {
				data: [{ style_id: 'style_other', name: 'Other', tags: [] }],
				has_more: true,
				next_token: Buffer.from('a:1').toString('base64url'),
			},
		});
		const found = await search.call(context(), 'poster');
		expect(found.results.map((result) => result.value)).toEqual(['style_pop_poster']);
		expect(api().map((entry) => entry.query)).toEqual([
			{ limit: '50' },
			{ limit: '50', token: Buffer.from('a:1').toString('base64url') },
		]);
	});
});

describe('Emulator: Video Agent contract (docs/api/heygen.md §11.4)', () => {
	const call = async (
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	) => {
		const response = await fetch(`${emulator.current.baseUrl}${path}`, {
			method,
			headers: {
				'x-api-key': TEST_KEYS.heygen.valid,
				'content-type': 'application/json',
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	};
	const param = (answer: { body: IDataObject }) => (answer.body.error as IDataObject).param;

	it('validates create with invalid_parameter naming the field, and ignores unknown fields', async () => {
		for (const [body, field] of [
			[{}, 'prompt'],
			[{ prompt: 'x'.repeat(10001) }, 'prompt'],
			[{ prompt: 'Hi', mode: 'auto' }, 'mode'],
			[{ prompt: 'Hi', orientation: 'square' }, 'orientation'],
			[{ prompt: 'Hi', files: [{ type: 'url' }] }, 'files[0]'],
			[
				{
					prompt: 'Hi',
					files: Array.from({ length: 21 }, () => ({ type: 'asset_id', asset_id: 'a' })),
				},
				'files',
			],
		] as Array<[IDataObject, string]>) {
			const answer = await call('POST', '/v3/video-agents', body);
			expect([answer.status, (answer.body.error as IDataObject).code, param(answer)]).toEqual([
				400,
				'invalid_parameter',
				field,
			]);
		}
		const ok = await call('POST', '/v3/video-agents', {
			prompt: 'Hi',
			duration_sec: 30,
			auto_proceed: true,
			skip_agentic_stop: true,
		});
		expect(ok.status).toBe(200);
	});

	it('answers 404 not_found for an unknown session, serves /styles before /{session_id}, replays an Idempotency-Key', async () => {
		const missing = await call('GET', '/v3/video-agents/sess_missing');
		expect([missing.status, (missing.body.error as IDataObject).code]).toEqual([404, 'not_found']);
		const styles = await call('GET', '/v3/video-agents/styles?tag=cinematic');
		expect((styles.body.data as IDataObject[]).map((style) => style.style_id)).toEqual([
			'style_cinematic_noir',
		]);
		const first = await call(
			'POST',
			'/v3/video-agents',
			{ prompt: 'Once' },
			{ 'idempotency-key': 'k-1' },
		);
		const again = await call(
			'POST',
			'/v3/video-agents',
			{ prompt: 'Once' },
			{ 'idempotency-key': 'k-1' },
		);
		expect(again.body).toEqual(first.body);
		const sessions = await call('GET', '/v3/video-agents');
		expect(sessions.body.data).toHaveLength(1);
	});
});
