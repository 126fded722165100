/** Sync Generation operations in n8n-core's engine against the Sync emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { AUDIO, VIDEO, apiCalls, binaryItem, createByUrl, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

describe('Generation → Create', () => {
	it('creates from URLs with options, sending x-api-key and an Idempotency-Key', async () => {
		const run = await sync({
			...createByUrl,
			generationOptions: {
				syncMode: 'bounce',
				temperature: 0.7,
				occlusionDetection: true,
				activeSpeakerAutoDetect: false,
				activeSpeakerFrameNumber: 12,
				activeSpeakerCoordinates: '640, 360',
				outputFileName: 'promo_v2',
				webhookUrl: 'https://hooks.example.com/sync',
			},
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			status: 'PENDING',
			model: 'lipsync-2',
			outputFileName: 'promo_v2',
		});
		const [create] = apiCalls(emulator.current);
		expect(create.method).toBe('POST');
		expect(create.path).toBe('/v2/generate');
		expect(create.headers['x-api-key']).toBeDefined();
		expect(create.headers['idempotency-key']).toMatch(/^[A-Za-z0-9._~-]{1,128}$/);
		expect(jsonBody(create)).toEqual({
			model: 'lipsync-2',
			input: [
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: AUDIO },
			],
			options: {
				sync_mode: 'bounce',
				temperature: 0.7,
				occlusion_detection_enabled: true,
				active_speaker_detection: { auto_detect: false, frame_number: 12, coordinates: [640, 360] },
			},
			outputFileName: 'promo_v2',
			webhookUrl: 'https://hooks.example.com/sync',
		});
	});

	it('uses text to speech with an asset video', async () => {
		const run = await sync({
			...createByUrl,
			videoSource: 'asset',
			videoAssetId: '6f1c1a52-0000-4000-8000-000000000001',
			audioSource: 'text',
			voiceId: 'EXAVITQu4vr4xnSDxMaL',
			script: 'Hello from n8n',
		});
		expect(run.error).toBeUndefined();
		expect(jsonBody(apiCalls(emulator.current)[0]).input).toEqual([
			{ type: 'video', assetId: '6f1c1a52-0000-4000-8000-000000000001' },
			{
				type: 'text',
				provider: { name: 'elevenlabs', voiceId: 'EXAVITQu4vr4xnSDxMaL', script: 'Hello from n8n' },
			},
		]);
	});

	it('sends small binaries as multipart files, which Sync stores as assets', async () => {
		const video = Buffer.alloc(300_000, 7);
		const audio = Buffer.alloc(50_000, 9);
		const run = await sync(
			{
				...createByUrl,
				videoSource: 'binary',
				videoBinaryProperty: 'data',
				audioSource: 'binary',
				audioBinaryProperty: 'audio',
			},
			{
				input: [
					binaryItem({
						data: { bytes: video, mimeType: 'video/mp4', fileName: 'clip.mp4' },
						audio: { bytes: audio, mimeType: 'audio/mpeg', fileName: 'voice.mp3' },
					}),
				],
			},
		);
		expect(run.error).toBeUndefined();
		const [create] = apiCalls(emulator.current);
		expect(create.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(create.headers['idempotency-key']).toBeDefined();
		expect(create.body).toContain('name="model"');
		expect(create.body).toContain('filename="clip.mp4"');
		const input = run.items[0].json.input as Array<Record<string, unknown>>;
		expect(input.map((item) => item.type).sort()).toEqual(['audio', 'video']);
		expect(input.every((item) => typeof item.assetId === 'string')).toBe(true);
	});

	it('uploads a binary above 20 MB as an asset first, then creates with its asset id', async () => {
		const video = Buffer.alloc(21 * 1024 * 1024, 3);
		const run = await sync(
			{ ...createByUrl, videoSource: 'binary', videoBinaryProperty: 'data' },
			{
				input: [binaryItem({ data: { bytes: video, mimeType: 'video/mp4', fileName: 'big.mp4' } })],
			},
		);
		expect(run.error).toBeUndefined();
		const calls = emulator.current.log.map(
			(entry) => `${entry.method} ${entry.path.replace(/[0-9a-f-]{36}/, ':id')}`,
		);
		expect(calls).toEqual([
			'POST /v2/assets/upload',
			'PUT /__uploads/:id',
			'POST /v2/assets',
			'POST /v2/generate',
		]);
		expect(jsonBody(emulator.current.log[0])).toEqual({
			fileName: 'big.mp4',
			contentType: 'video/mp4',
			size: video.length,
		});
		expect(emulator.current.log[1].headers['x-api-key']).toBeUndefined();
		const assetId = (JSON.parse(emulator.current.log[2].responseBody!) as { id: string }).id;
		expect(jsonBody(emulator.current.log[3]).input).toEqual([
			{ type: 'audio', url: AUDIO },
			{ type: 'video', assetId },
		]);
	});

	it('retries a create that met a 503, with the same Idempotency-Key, and bills once', async () => {
		emulator.current.addFault({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: '/v2/generate',
			times: 1,
		});
		const run = await sync(createByUrl);
		expect(run.error).toBeUndefined();
		const creates = apiCalls(emulator.current).filter((entry) => entry.method === 'POST');
		expect(creates).toHaveLength(2);
		expect(creates[0].headers['idempotency-key']).toBe(creates[1].headers['idempotency-key']);
		const list = await sync({
			resource: 'generation',
			operation: 'getAll',
			returnAll: true,
		});
		expect(list.items).toHaveLength(1);
	});

	it('gives each item its own Idempotency-Key', async () => {
		await sync(createByUrl, { items: 3 });
		const keys = apiCalls(emulator.current).map((entry) => entry.headers['idempotency-key']);
		expect(new Set(keys).size).toBe(3);
	});
});

describe('Generation → Create with Wait for Completion', () => {
	const poll = { ...createByUrl, waitForCompletion: 'poll', pollInterval: 0.05, waitTimeout: 1 };

	it('polls until COMPLETED and downloads the output as binary', async () => {
		emulator.current.config.outputBytes = 123_457;
		const run = await sync({
			...poll,
			downloadOutput: true,
			outputBinaryProperty: 'video',
			generationOptions: { outputFileName: 'final_cut' },
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json.status).toBe('COMPLETED');
		expect(item.binary?.video.mimeType).toBe('video/mp4');
		expect(item.binary?.video.fileName).toBe('final_cut.mp4');
		expect(Buffer.from(item.binary!.video.data, 'base64').length).toBe(123_457);
		const gets = apiCalls(emulator.current).filter((entry) => entry.method === 'GET');
		expect(gets.length).toBeGreaterThanOrEqual(1);
		expect(gets.every((entry) => entry.path === `/v2/generate/${String(item.json.id)}`)).toBe(true);
		// The output link is fetched without the API key.
		const download = emulator.current.log.find((entry) =>
			entry.path.startsWith('/__emulator/files/'),
		);
		expect(download?.headers['x-api-key']).toBeUndefined();
	});

	it("polls with Sync's long poll: one request per change of state, not one per Poll Interval", async () => {
		// Two stages of 400 ms each; a 50 ms Poll Interval used to mean about 16 requests.
		emulator.current.config.stageMs = 400;
		const run = await sync(poll);
		expect(run.items[0].json.status).toBe('COMPLETED');
		const gets = apiCalls(emulator.current).filter((entry) => entry.method === 'GET');
		expect(gets.every((entry) => entry.query.wait === 'true' && entry.query.timeout === '10')).toBe(
			true,
		);
		// PENDING → PROCESSING → COMPLETED: each check returns when the job changes.
		expect(gets.length).toBeLessThanOrEqual(2);
	});

	it('reads outputMediaUrl when that is the spelling Sync sends', async () => {
		emulator.current.config.sendOutputMediaUrl = true;
		const run = await sync({ ...poll, downloadOutput: true });
		expect(run.items[0].json.outputMediaUrl).toBeDefined();
		expect(run.items[0].binary?.data).toBeDefined();
	});

	it.each([
		['FAILED', 'https://cdn.example.com/fail.mp4', 'generation_pipeline_failed'],
		['REJECTED', 'https://cdn.example.com/reject.mp4', 'generation_input_video_inaccessible'],
	])(
		"turns a %s job into an error item carrying Sync's code and message",
		async (status, videoUrl, code) => {
			const run = await sync({ ...poll, videoUrl }, { continueOnFail: true });
			const [item] = run.items;
			expect(item.json.error).toContain(status.toLowerCase());
			expect(String(item.json.error)).toMatch(/could not be accessed|pipeline failed/);
			expect(item.json.description).toContain(`Error code: ${code}`);
			expect(item.pairedItem).toEqual({ item: 0 });
		},
	);

	it('ends the item with a clear error when the wait times out', async () => {
		emulator.current.config.stageMs = 60_000;
		const run = await sync({ ...poll, waitTimeout: 0.005 });
		expect(run.error?.message).toMatch(/did not finish in time: the job was still "PENDING"/);
	});
});

describe('Generation → Get, Get Many, Count, Delete, Get Download URL', () => {
	async function createOne(extra = {}) {
		const run = await sync({ ...createByUrl, ...extra });
		return String(run.items[0].json.id);
	}
	const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

	it('gets a generation, with progress when asked', async () => {
		const id = await createOne();
		emulator.current.clearLog();
		const run = await sync({
			resource: 'generation',
			operation: 'get',
			generationId: id,
			includeProgress: true,
		});
		expect(run.items[0].json).toMatchObject({ id, progress_percent: expect.any(Number) });
		expect(emulator.current.log[0]).toMatchObject({
			method: 'GET',
			path: `/v2/generate/${id}`,
			query: { include: 'progress' },
		});
	});

	it('lists with status and id filters', async () => {
		const ids = [await createOne(), await createOne(), await createOne()];
		await settle();
		emulator.current.clearLog();
		const run = await sync({
			resource: 'generation',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { status: ['COMPLETED'] },
		});
		expect(run.items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(emulator.current.log[0].query).toEqual({ status: 'COMPLETED', limit: '3' });

		emulator.current.clearLog();
		const byIds = await sync({
			resource: 'generation',
			operation: 'getAll',
			returnAll: true,
			filters: { ids: ids.join(', ') },
		});
		expect(byIds.items).toHaveLength(3);
		expect(emulator.current.log[0].query).toMatchObject({ ids: ids.join(','), limit: '100' });
	});

	it('walks cursor pages with Return All: cursor = the last id of a full page', async () => {
		Object.assign(emulator.current.config, { concurrency: 1000, createPerMinute: 100_000 });
		// Seeded over HTTP: through the node, 102 creates take a minute at Sync's 100 per minute.
		for (let index = 0; index < 102; index++) {
			const created = await fetch(`${emulator.current.baseUrl}/v2/generate`, {
				method: 'POST',
				headers: { 'x-api-key': TEST_KEYS.sync.valid, 'content-type': 'application/json' },
				body: JSON.stringify({
					model: 'lipsync-2',
					input: [
						{ type: 'video', url: VIDEO },
						{ type: 'audio', url: AUDIO },
					],
				}),
			});
			expect(created.status).toBe(201);
		}
		emulator.current.clearLog();
		const run = await sync({
			resource: 'generation',
			operation: 'getAll',
			returnAll: true,
		});
		expect(run.items).toHaveLength(102);
		expect(new Set(run.items.map((item) => item.json.id)).size).toBe(102);
		const [first, second] = emulator.current.log;
		expect(first.query).toEqual({ limit: '100' });
		expect(second.query).toEqual({ limit: '100', cursor: String(run.items[99].json.id) });
		expect(emulator.current.log).toHaveLength(2);
	});

	it('refuses to delete a processing generation, then deletes it once finished', async () => {
		emulator.current.config.stageMs = 400;
		const id = await createOne();
		const early = await sync({
			resource: 'generation',
			operation: 'delete',
			generationId: id,
		});
		expect(early.error?.httpCode).toBe('409');
		expect(early.error?.message).toContain('generation_not_deletable_while_processing');
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const done = await sync({
			resource: 'generation',
			operation: 'delete',
			generationId: id,
		});
		expect(done.items[0].json).toMatchObject({ id, deleted: true });
		expect(
			apiCalls(emulator.current)
				.filter((entry) => entry.method === 'DELETE')
				.map((entry) => entry.path),
		).toEqual([`/v2/generations/${id}`, `/v2/generations/${id}`]);
	});

	it('gets the download URL from the text/plain answer', async () => {
		const id = await createOne();
		await settle();
		const run = await sync({
			resource: 'generation',
			operation: 'getDownloadUrl',
			generationId: id,
		});
		expect(run.items[0].json).toEqual({
			id,
			url: expect.stringMatching(
				/^http:\/\/127\.0\.0\.1:\d+\/__emulator\/files\/\d+\.mp4\?generation=/,
			),
		});
	});
});

describe('Generation → Estimate Cost', () => {
	it('estimates from inputs (POST /v2/analyze/cost → array) as one object', async () => {
		const run = await sync({
			...createByUrl,
			operation: 'estimateCost',
			estimateFrom: 'inputs',
		});
		expect(run.items[0].json).toEqual({
			estimatedFrameCount: 126,
			estimatedGenerationCost: 0.21,
			estimatedCredits: null,
			model: 'lipsync-2',
			source: 'inputs',
		});
		expect(apiCalls(emulator.current)[0].path).toBe('/v2/analyze/cost');
	});

	it('estimates from a duration (POST /v2/generations/estimate → object)', async () => {
		const run = await sync({
			resource: 'generation',
			operation: 'estimateCost',
			estimateFrom: 'duration',
			model: 'lipsync-2-pro',
			duration: 12,
			fps: 25,
		});
		expect(run.items[0].json).toEqual({
			estimatedFrameCount: 300,
			estimatedGenerationCost: 0.996,
			estimatedCredits: null,
			model: 'lipsync-2-pro',
			source: 'duration',
		});
		expect(jsonBody(apiCalls(emulator.current)[0])).toEqual({
			model: 'lipsync-2-pro',
			duration: 12,
			fps: 25,
		});
	});
});

describe('Generation → Count', () => {
	it('counts all generations, or those of the chosen statuses (sent as CSV)', async () => {
		emulator.current.config.clock = 'manual';
		await sync(createByUrl, { items: 3 });
		emulator.current.clearLog();
		const all = await sync({ resource: 'generation', operation: 'count' });
		expect(all.items[0].json).toEqual({ count: 3 });
		expect(apiCalls(emulator.current)[0]).toMatchObject({
			method: 'GET',
			path: '/v2/generations/count',
			query: {},
		});
		const done = await sync({
			resource: 'generation',
			operation: 'count',
			statuses: ['COMPLETED', 'FAILED'],
		});
		expect(done.items[0].json).toEqual({ count: 0, statuses: ['COMPLETED', 'FAILED'] });
		expect(apiCalls(emulator.current).at(-1)?.query).toEqual({ status: 'COMPLETED,FAILED' });
	});
});

describe('bad input fails before any request, naming the field', () => {
	const json = (input: unknown[]) => ({
		...createByUrl,
		inputMode: 'json',
		inputJson: JSON.stringify(input),
	});
	it.each([
		['no video', { ...createByUrl, videoUrl: '' }, 'Video URL is required'],
		['no video in JSON', json([{ type: 'audio', url: AUDIO }]), 'exactly one video'],
		[
			'two audio inputs',
			json([
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: AUDIO },
				{ type: 'audio', url: AUDIO },
			]),
			'exactly one audio or text item',
		],
		[
			'audio and text together',
			json([
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: AUDIO },
				{ type: 'text', provider: { name: 'elevenlabs', voiceId: 'v', script: 's' } },
			]),
			'exactly one audio or text item',
		],
		[
			'temperature above 1',
			{ ...createByUrl, generationOptions: { temperature: 1.5 } },
			'Temperature must be between 0 and 1',
		],
		[
			'temperature below 0',
			{ ...createByUrl, generationOptions: { temperature: -0.1 } },
			'Temperature must be between 0 and 1',
		],
		[
			'a non-HTTPS webhook URL',
			{ ...createByUrl, generationOptions: { webhookUrl: 'http://hooks.example.com/x' } },
			'Webhook URL must be an https:// URL',
		],
		[
			'a bad output file name',
			{ ...createByUrl, generationOptions: { outputFileName: 'my video.mp4' } },
			'Output File Name may only contain',
		],
		[
			'a missing binary property',
			{ ...createByUrl, videoSource: 'binary', videoBinaryProperty: 'clip' },
			'Video Binary Property: the item has no binary data "clip"',
		],
	])('%s', async (_case, parameters, message) => {
		const run = await sync(parameters);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toContain(message);
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('List filters in every encoding a Sync client sends', () => {
	const list = async (query: string) => {
		const response = await fetch(`${emulator.current.baseUrl}/v2/generations?${query}`, {
			headers: { 'x-api-key': TEST_KEYS.sync.valid },
		});
		return {
			status: response.status,
			body: (await response.json()) as Array<{ id: string; status: string }> & {
				message?: string[];
			},
		};
	};

	it('reads status as CSV (contract), repeated (Python SDK) and JSON (TypeScript SDK) alike; refuses unknown values', async () => {
		emulator.current.config.clock = 'manual';
		const created = await sync(createByUrl);
		const id = String(created.items[0].json.id);
		for (const query of [
			'status=PENDING',
			'status=PENDING,COMPLETED',
			'status=PENDING&status=COMPLETED',
			`status=${encodeURIComponent('["PENDING"]')}`,
			`ids=${encodeURIComponent(JSON.stringify([id]))}`,
			`ids=${id}`,
		]) {
			const answer = await list(query);
			expect([query, answer.status, answer.body.map((generation) => generation.id)]).toEqual([
				query,
				200,
				[id],
			]);
		}
		expect((await list(`status=${encodeURIComponent('["COMPLETED"]')}`)).body).toEqual([]);
		for (const bad of [
			'status=BOGUS',
			'status=pending',
			`status=${encodeURIComponent('["PENDING","nope"]')}`,
		]) {
			const answer = await list(bad);
			expect([bad, answer.status]).toEqual([bad, 400]);
			expect(answer.body.message?.[0]).toMatch(/^status must be one of/);
		}
		// The node keeps sending the contract's form.
		await sync({
			resource: 'generation',
			operation: 'getAll',
			returnAll: true,
			filters: { status: ['PENDING', 'COMPLETED'] },
		});
		expect(apiCalls(emulator.current).at(-1)?.query.status).toBe('PENDING,COMPLETED');
	});
});
