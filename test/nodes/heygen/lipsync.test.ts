/** HeyGen Lipsync operations in n8n-core's engine against the HeyGen emulator (../shared/api/heygen.md §12). */
import type { INodeParameters } from 'n8n-workflow';

import { HeyGen } from '../../../nodes/HeyGen/HeyGen.node';
import { HeyGenTrigger } from '../../../nodes/HeyGen/HeyGenTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { fileBytes } from '../../harness/files';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 40));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const calls = () => api().map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const createPost = () =>
	api().find((entry) => entry.method === 'POST' && entry.path === '/v3/lipsyncs')!;
const createBody = () => JSON.parse(createPost().body) as Record<string, unknown>;

const fromUrls: INodeParameters = {
	resource: 'lipsync',
	operation: 'create',
	videoFrom: 'url',
	videoUrl: 'https://cdn.example.com/talk.mp4',
	audioFrom: 'url',
	audioUrl: 'https://cdn.example.com/new-voice.mp3',
};
const poll = { waitForCompletion: 'poll', pollInterval: 0.05, waitTimeout: 1 };

describe('Lipsync → Create', () => {
	it('creates from a video URL and an audio asset, with options and an Idempotency-Key', async () => {
		const result = await run({
			...fromUrls,
			audioFrom: 'asset',
			lipsyncAudioAsset: { mode: 'id', value: 'asset_voice_1' },
			lipsyncOptions: {
				title: 'Dubbed intro',
				mode: 'precision',
				enable_caption: true,
				fps_mode: 'cfr',
				start_time: 1.5,
				end_time: 9,
				callback_url: 'https://hooks.example.com/lipsync',
				callback_id: 'row-3',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			lipsync_id: expect.any(String),
			id: expect.any(String),
		});
		expect(result.items[0].json.id).toBe(result.items[0].json.lipsync_id);
		expect(calls()).toEqual(['POST /v3/lipsyncs 200']);
		expect(createPost().headers['idempotency-key']).toMatch(/^n8n-.*-lipsync-0$/);
		expect(createBody()).toEqual({
			video: { type: 'url', url: 'https://cdn.example.com/talk.mp4' },
			audio: { type: 'asset_id', asset_id: 'asset_voice_1' },
			title: 'Dubbed intro',
			mode: 'precision',
			enable_caption: true,
			fps_mode: 'cfr',
			start_time: 1.5,
			end_time: 9,
			callback_url: 'https://hooks.example.com/lipsync',
			callback_id: 'row-3',
		});
	});

	it('omits mode unless chosen (§12.5) and takes a video asset', async () => {
		await run({
			...fromUrls,
			videoFrom: 'asset',
			lipsyncVideoAsset: { mode: 'id', value: 'asset_video_1' },
		});
		expect(createBody()).toEqual({
			video: { type: 'asset_id', asset_id: 'asset_video_1' },
			audio: { type: 'url', url: 'https://cdn.example.com/new-voice.mp3' },
		});
	});

	it('polls running → completed and downloads the video', async () => {
		emulator.current.config.outputBytes = 43_210;
		// Each request steps the job one stage, so the poll sees every state whatever the machine's speed.
		emulator.current.config.clock = 'requests';
		const result = await run({ ...fromUrls, ...poll, downloadOutput: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: expect.any(String),
			status: 'completed',
			duration: 6.4,
			video_url: expect.stringContaining('/__emulator/files/'),
			caption_url: null,
		});
		const binary = result.items[0].binary!.data;
		expect(binary.mimeType).toBe('video/mp4');
		expect(binary.fileName).toBe(`${String(result.items[0].json.id)}-lipsync.mp4`);
		expect(Buffer.from(binary.data, 'base64').length).toBe(43_210);
		const gets = api().filter((entry) => entry.method === 'GET');
		expect(gets.map((entry) => entry.path)).toEqual(
			Array(2).fill(`/v3/lipsyncs/${String(result.items[0].json.id)}`),
		);
		// The create answers pending; each request then steps the job one stage.
		expect(gets.map((entry) => JSON.parse(entry.responseBody!).data.status)).toEqual([
			'running',
			'completed',
		]);
	});

	it('makes an SRT caption file when Captions is on', async () => {
		emulator.current.config.clock = 'requests';
		const result = await run({ ...fromUrls, lipsyncOptions: { enable_caption: true }, ...poll });
		expect(createBody()).toMatchObject({ enable_caption: true });
		expect(result.items[0].json).toMatchObject({
			status: 'completed',
			caption_url: expect.stringMatching(/\/__emulator\/files\/\d+\.srt\?lipsync=/),
		});
	});

	it('turns a failed lipsync into an error item with its failure_message', async () => {
		const result = await run(
			{ ...fromUrls, videoUrl: 'https://cdn.example.com/fail.mp4', ...poll },
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(
			/^HeyGen lipsync \w+ failed: The input video could not be downloaded\.$/,
		);
		expect(
			api()
				.filter((entry) => entry.method === 'GET')
				.at(-1)!.responseBody,
		).toContain('"status":"failed"');
	});

	it('speaks a script through Generate Speech first and lip-syncs to its audio', async () => {
		const result = await run({
			...fromUrls,
			audioFrom: 'script',
			speechScript: 'Hola, bienvenidos.',
			speechVoiceId: { mode: 'id', value: 'voice_en_sara' },
		});
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['POST /v3/voices/speech 200', 'POST /v3/lipsyncs 200']);
		expect(JSON.parse(api()[0].body)).toEqual({
			text: 'Hola, bienvenidos.',
			voice_id: 'voice_en_sara',
		});
		const speech = JSON.parse(api()[0].responseBody!).data as { audio_url: string };
		expect(createBody().audio).toEqual({ type: 'url', url: speech.audio_url });
	});

	it('uploads the item’s video and audio binaries as assets first (each with its own key)', async () => {
		const input = [
			{
				json: {},
				binary: {
					data: {
						data: fileBytes('mp4', 6000).toString('base64'),
						mimeType: 'video/mp4',
						fileName: 'talk.mp4',
					},
					audio: {
						data: fileBytes('wav', 3000).toString('base64'),
						mimeType: 'audio/wav',
						fileName: 'voice.wav',
					},
				},
			},
		];
		const result = await run({ ...fromUrls, videoFrom: 'binary', audioFrom: 'binary' }, { input });
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'POST /v3/assets 200',
			'POST /v3/assets 200',
			'POST /v3/lipsyncs 200',
		]);
		const [video, audio] = api()
			.slice(0, 2)
			.map((entry) => ({
				key: entry.headers['idempotency-key'],
				asset: JSON.parse(entry.responseBody!).data as { asset_id: string; mime_type: string },
			}));
		expect(video.key).toMatch(/-lipsync-video-0$/);
		expect(audio.key).toMatch(/-lipsync-audio-0$/);
		expect([video.asset.mime_type, audio.asset.mime_type]).toEqual(['video/mp4', 'audio/wav']);
		expect(createBody()).toEqual({
			video: { type: 'asset_id', asset_id: video.asset.asset_id },
			audio: { type: 'asset_id', asset_id: audio.asset.asset_id },
		});
	});

	it.each([
		['a video URL that is not http(s)', { videoUrl: 'ftp://x/y.mp4' }, 'Video URL must be'],
		// An expression that comes out empty passes n8n's own required-field check.
		['no audio URL', { audioUrl: '={{ "" }}' }, 'Audio URL is required'],
		[
			'an end time before the start time',
			{ lipsyncOptions: { start_time: 5, end_time: 2 } },
			'End Time (2 s) must be after Start Time (5 s)',
		],
		[
			'a script over 5,000 characters',
			{
				audioFrom: 'script',
				speechScript: 'x'.repeat(5001),
				speechVoiceId: { mode: 'id', value: 'voice_en_sara' },
			},
			'HeyGen allows at most 5000',
		],
		[
			'a script without a voice',
			{
				audioFrom: 'script',
				speechScript: 'Hi',
				speechVoiceId: { mode: 'id', value: '={{ "" }}' },
			},
			'Voice is required',
		],
		[
			'a missing binary property',
			{ videoFrom: 'binary', videoBinaryProperty: 'nothing' },
			'Video Binary Property: the item has no binary data "nothing"',
		],
	])('rejects %s before any request', async (_case, parameters, message) => {
		const result = await run({ ...fromUrls, ...parameters } as INodeParameters);
		expect(result.error?.message).toContain(message);
		expect(api()).toHaveLength(0);
	});

	it('refuses audio where the video goes (and the reverse) before uploading anything', async () => {
		const input = [
			{
				json: {},
				binary: {
					data: {
						data: fileBytes('mp3', 3000).toString('base64'),
						mimeType: 'video/mp4',
						fileName: 'labelled-wrong.mp4',
					},
				},
			},
		];
		const result = await run({ ...fromUrls, videoFrom: 'binary' }, { input });
		expect(result.error?.message).toBe(
			'Video Binary Property: "data" holds audio/mpeg, not a video',
		);
		expect(api()).toHaveLength(0);
	});

	it('surfaces the emulator’s validation error, naming the field', async () => {
		const result = await run({ ...fromUrls, lipsyncOptions: { fps_mode: 'cfr', mode: 'speed' } });
		expect(result.error).toBeUndefined();
		emulator.current.clearLog();
		const bad = await run({ ...fromUrls, lipsyncOptions: { fps_mode: 'weird' } });
		expect(bad.error?.httpCode).toBe('400');
		expect(String(bad.error?.description ?? '')).toContain('fps_mode');
	});
});

describe('Lipsync → Get, Get Many', () => {
	it('gets with fresh links and a download, and gets many (Return All and Limit)', async () => {
		const first = await run({ ...fromUrls, lipsyncOptions: { title: 'One' }, ...poll });
		const id = String(first.items[0].json.id);
		await run({ ...fromUrls, lipsyncOptions: { title: 'Two' } });
		await run({ ...fromUrls, lipsyncOptions: { title: 'Three' } });

		emulator.current.clearLog();
		const got = await run({
			resource: 'lipsync',
			operation: 'get',
			lipsyncId: id,
			downloadVideo: true,
		});
		expect(got.items[0].json).toMatchObject({ id, status: 'completed', title: 'One' });
		expect(got.items[0].binary?.data.mimeType).toBe('video/mp4');
		expect(calls()[0]).toBe(`GET /v3/lipsyncs/${id} 200`);

		emulator.current.clearLog();
		const all = await run({ resource: 'lipsync', operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.title)).toEqual(['Three', 'Two', 'One']);
		expect(api()[0].query).toEqual({ limit: '100' });

		emulator.current.clearLog();
		const two = await run({ resource: 'lipsync', operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.items.map((item) => item.json.title)).toEqual(['Three', 'Two']);
		expect(api().map((entry) => entry.query)).toEqual([{ limit: '2' }]);

		const missing = await run({ resource: 'lipsync', operation: 'get', lipsyncId: 'nope' });
		expect(missing.error?.httpCode).toBe('404');
	});

	it('refuses to download a lipsync that is not finished', async () => {
		const created = await run(fromUrls);
		const got = await run({
			resource: 'lipsync',
			operation: 'get',
			lipsyncId: String(created.items[0].json.id),
			downloadVideo: true,
		});
		expect(got.error?.message).toMatch(/is pending: there is nothing to download yet/);
	});
});

describe('Lipsync → Rename, Delete, Get Statuses', () => {
	it('renames, reads statuses by lipsync ID (in Get’s words), deletes, and the id is gone', async () => {
		emulator.current.config.clock = 'manual';
		const done = await run(fromUrls);
		const other = await run(fromUrls);
		const doneId = String(done.items[0].json.id);
		const otherId = String(other.items[0].json.id);
		emulator.current.advance(2);

		emulator.current.clearLog();
		const renamed = await run({
			resource: 'lipsync',
			operation: 'rename',
			lipsyncId: doneId,
			newTitle: 'Spanish cut',
		});
		expect(renamed.items[0].json).toMatchObject({ id: doneId, title: 'Spanish cut' });
		expect(api()[0]).toMatchObject({ method: 'PATCH', path: `/v3/lipsyncs/${doneId}` });
		expect(JSON.parse(api()[0].body)).toEqual({ title: 'Spanish cut' });

		// A third job, just created: still pending.
		const fresh = String((await run(fromUrls)).items[0].json.id);
		emulator.current.clearLog();
		const statuses = await run({
			resource: 'lipsync',
			operation: 'getStatuses',
			lipsyncIds: `${doneId}, ${fresh}, missing_one`,
		});
		expect(statuses.items.map((item) => item.json)).toEqual([
			{ lipsync_id: doneId, video_id: doneId, status: 'completed' },
			{ lipsync_id: fresh, video_id: fresh, status: 'pending' },
			{ lipsync_id: 'missing_one', video_id: 'missing_one', status: 'not_found' },
		]);
		expect(api()[0].query).toEqual({ lipsync_ids: `${doneId},${fresh},missing_one` });
		// HeyGen's own words in the raw answer.
		expect(api()[0].responseBody).toContain('"status":"queued"');

		const deleted = await run({ resource: 'lipsync', operation: 'delete', lipsyncId: otherId });
		expect(deleted.items[0].json).toEqual({ id: otherId });
		expect(api().at(-1)).toMatchObject({ method: 'DELETE', path: `/v3/lipsyncs/${otherId}` });
		const gone = await run({ resource: 'lipsync', operation: 'get', lipsyncId: otherId });
		expect(gone.error?.httpCode).toBe('404');
	});

	it('asks for an ID, and at most 100, before any request', async () => {
		const none = await run({ resource: 'lipsync', operation: 'getStatuses' });
		expect(none.error?.message).toBe('Lipsync IDs or Batch IDs: give at least one ID');
		const many = await run({
			resource: 'lipsync',
			operation: 'getStatuses',
			lipsyncIds: Array.from({ length: 101 }, (_, index) => `l${index}`).join(','),
		});
		expect(many.error?.message).toContain('at most 100 at a time (got 101)');
		expect(api()).toHaveLength(0);
	});
});

describe('Lipsync → Create Batch, Get Batch', () => {
	const rows = [
		{ video: 'https://cdn.example.com/a.mp4', audio: 'https://cdn.example.com/a.mp3', title: 'A' },
		{
			video: 'https://cdn.example.com/fail.mp4',
			audio: 'https://cdn.example.com/b.mp3',
			title: 'B',
		},
		{ video: 'https://cdn.example.com/c.mp4', audio: 'https://cdn.example.com/c.mp3', title: 'C' },
	];
	const batchFields: INodeParameters = {
		resource: 'lipsync',
		operation: 'createBatch',
		rowsFrom: 'fields',
		videoFrom: 'url',
		videoUrl: '={{ $json.video }}',
		audioFrom: 'url',
		audioUrl: '={{ $json.audio }}',
		lipsyncOptions: { title: '={{ $json.title }}', mode: 'speed' },
		batchTitle: 'Campaign',
		batchCallbackUrl: 'https://hooks.example.com/batch',
	};

	it('sends one row per input item in one request, then reads the batch as its items end', async () => {
		emulator.current.config.clock = 'manual';
		const created = await run(batchFields, { items: rows });
		expect(created.error).toBeUndefined();
		expect(created.items).toHaveLength(1);
		expect(created.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const batchId = String(created.items[0].json.batch_id);
		expect(created.items[0].json).toEqual({
			batch_id: expect.stringMatching(/^batch_/),
			total_items: 3,
		});
		expect(calls()).toEqual(['POST /v3/lipsyncs/batches 202']);
		expect(api()[0].headers['idempotency-key']).toMatch(/-lipsync-batch-0$/);
		expect(JSON.parse(api()[0].body)).toEqual({
			lipsyncs: rows.map((row) => ({
				video: { type: 'url', url: row.video },
				audio: { type: 'url', url: row.audio },
				title: row.title,
				mode: 'speed',
			})),
			title: 'Campaign',
			callback_url: 'https://hooks.example.com/batch',
		});

		emulator.current.advance(1);
		const midway = await run({ resource: 'lipsync', operation: 'getBatch', batchId });
		expect(midway.items[0].json).toMatchObject({
			batch_id: batchId,
			status: 'processing',
			title: 'Campaign',
			total_items: 3,
			counts_by_status: { processing: 3 },
		});
		expect(emulator.current.deliveries).toHaveLength(0);

		emulator.current.advance(1);
		emulator.current.clearLog();
		const done = await run({ resource: 'lipsync', operation: 'getBatch', batchId });
		const batch = done.items[0].json as { items: Array<Record<string, unknown>> };
		expect(done.items[0].json).toMatchObject({
			status: 'completed',
			counts_by_status: { completed: 2, failed: 1 },
		});
		expect(batch.items.map((item) => [item.item_index, item.status])).toEqual([
			[0, 'completed'],
			[1, 'failed'],
			[2, 'completed'],
		]);
		expect(batch.items[1]).toMatchObject({
			lipsync_id: batch.items[1].video_id,
			error: 'The input video could not be downloaded.',
		});
		expect(api().map((entry) => [entry.path, entry.query])).toEqual([
			[`/v3/lipsyncs/batches/${batchId}`, { limit: '100' }],
		]);
		// The batch callback once, when every item has ended.
		const batchCalls = emulator.current.deliveries.filter(
			(delivery) => delivery.url === 'https://hooks.example.com/batch',
		);
		expect(batchCalls).toHaveLength(1);
		expect(JSON.parse(batchCalls[0].body)).toMatchObject({
			event_type: 'batch.finished',
			event_data: { batch_id: batchId, status: 'completed', total_items: 3 },
		});

		// Get Statuses by batch ID lists its lipsyncs.
		const statuses = await run({
			resource: 'lipsync',
			operation: 'getStatuses',
			batchIds: batchId,
		});
		expect(statuses.items.map((item) => [item.json.item_index, item.json.status])).toEqual([
			[0, 'completed'],
			[1, 'failed'],
			[2, 'completed'],
		]);
	});

	it('takes each item’s JSON as a create body', async () => {
		const bodies = [
			{
				video: { type: 'url', url: 'https://cdn.example.com/x.mp4' },
				audio: { type: 'asset_id', asset_id: 'asset_1' },
			},
			{
				video: { type: 'asset_id', asset_id: 'asset_2' },
				audio: { type: 'url', url: 'https://cdn.example.com/y.wav' },
				mode: 'precision',
			},
		];
		const created = await run(
			{ resource: 'lipsync', operation: 'createBatch', rowsFrom: 'json' },
			{ items: bodies },
		);
		expect(created.error).toBeUndefined();
		expect(JSON.parse(api()[0].body)).toEqual({ lipsyncs: bodies });
	});

	it('refuses more than 100 rows, or a row without audio, before any request', async () => {
		const tooMany = await run(batchFields, { items: Array.from({ length: 101 }, () => rows[0]) });
		expect(tooMany.error?.message).toBe(
			'A lipsync batch holds at most 100 rows, and this node got 101 items',
		);
		const noAudio = await run(
			{ resource: 'lipsync', operation: 'createBatch', rowsFrom: 'json' },
			{ items: [{ video: { type: 'url', url: 'https://cdn.example.com/x.mp4' } }] },
		);
		expect(noAudio.error?.message).toContain('Item 1: a lipsync row needs "audio"');
		const badRow = await run(batchFields, {
			items: [rows[0], { ...rows[1], audio: 'not a url' }],
		});
		expect(badRow.error?.message).toContain('Audio URL must be an http(s) URL');
		expect(api()).toHaveLength(0);
	});
});

describe('Lipsync → Create: Webhook Resume', () => {
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.current.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 10));
	};
	const webhookRun = { ...fromUrls, waitForCompletion: 'webhook', waitTimeout: 30 };
	/** The node's waiting webhook, resumed with the item it parked with (as n8n resumes it). */
	const resumeHook = (parked: Awaited<ReturnType<typeof run>>, extra: INodeParameters = {}) =>
		serveTriggerWebhook({
			type: 'heyGen',
			nodeType: new HeyGen(),
			parameters: { ...webhookRun, ...extra },
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
			input: parked.items.map((item) => ({ json: item.json })),
		});
	const post = async (url: string, body: string) =>
		await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

	it('parks with the resume URL as the callback; HeyGen’s callback resumes it with the lipsync read back', async () => {
		emulator.current.config.clock = 'manual';
		const parked = await run(webhookRun);
		expect(parked.error).toBeUndefined();
		const body = createBody();
		expect(body.callback_url).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/?]+\?signature=[0-9a-f]+$/,
		);
		expect(body.callback_id).toMatch(/^n8n-[0-9a-f]{48}$/);
		const id = String(parked.items[0].json.id);
		expect(parked.items[0].json).toEqual({
			lipsync_id: id,
			id,
			status: 'pending',
			callback_id: body.callback_id,
		});
		// Parked: no polling.
		expect(calls()).toEqual(['POST /v3/lipsyncs 200']);

		emulator.current.advance(2);
		await settle(1);
		const [delivery] = emulator.current.deliveries;
		expect(delivery.url).toBe(body.callback_url);
		// §12.4 rule 6: the per-job callback is unsigned.
		expect(delivery.headers).toEqual({});
		expect(JSON.parse(delivery.body)).toEqual({
			event_type: 'lipsync.success',
			event_data: {
				lipsync_id: id,
				url: expect.any(String),
				video_url: expect.any(String),
				caption_url: null,
				callback_id: body.callback_id,
			},
		});

		const hook = await resumeHook(parked, { downloadOutput: true });
		try {
			// A callback that does not echo this job's secret callback_id changes nothing.
			const forged = await post(
				hook.url,
				JSON.stringify({
					event_type: 'lipsync.success',
					event_data: { lipsync_id: id, callback_id: 'n8n-guessed' },
				}),
			);
			expect(forged.status).toBe(401);
			emulator.current.clearLog();
			const real = await post(hook.url, delivery.body);
			expect(real.status).toBe(200);
			const [resumed] = hook.calls.at(-1)!.result!.workflowData![0];
			expect(resumed.json).toMatchObject({
				id,
				status: 'completed',
				video_url: expect.stringContaining('/__emulator/files/'),
			});
			expect(resumed.binary!.data.mimeType).toBe('video/mp4');
			expect(resumed.binary!.data.fileName).toBe(`${id}-lipsync.mp4`);
			// What the node emits is read from HeyGen, not taken from the callback.
			expect(calls()).toEqual([`GET /v3/lipsyncs/${id} 200`]);
		} finally {
			await hook.close();
		}
	});

	it('a failed lipsync’s callback ends the wait with its failure_message', async () => {
		emulator.current.config.clock = 'manual';
		const parked = await run({ ...webhookRun, audioUrl: 'https://cdn.example.com/fail.mp3' });
		emulator.current.advance(2);
		await settle(1);
		const [delivery] = emulator.current.deliveries;
		expect(JSON.parse(delivery.body)).toMatchObject({
			event_type: 'lipsync.fail',
			event_data: { message: 'The input audio could not be downloaded.' },
		});
		const hook = await resumeHook(parked);
		try {
			const answer = await post(hook.url, delivery.body);
			expect(answer.status).toBe(500);
			expect(await answer.text()).toContain(
				`HeyGen lipsync ${String(parked.items[0].json.id)} failed: The input audio could not be downloaded.`,
			);
		} finally {
			await hook.close();
		}
	});

	it('refuses a Callback URL option together with Webhook Resume, before any request', async () => {
		const result = await run({
			...webhookRun,
			lipsyncOptions: { callback_url: 'https://hooks.example.com/mine' },
		});
		expect(result.error?.message).toBe(
			'Callback URL cannot be combined with Wait for Completion: Webhook Resume',
		);
		expect(api()).toHaveLength(0);
	});
});

describe('HeyGen Trigger: lipsync events', () => {
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.current.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 10));
	};
	const trigger = (parameters: INodeParameters = {}) =>
		serveTriggerWebhook({
			type: 'heyGenTrigger',
			nodeType: new HeyGenTrigger(),
			parameters: {
				events: ['lipsync.success', 'lipsync.fail'],
				verifySignature: true,
				...parameters,
			},
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
		});
	const started = (hook: Awaited<ReturnType<typeof trigger>>) =>
		hook.calls
			.filter((call) => call.result?.workflowData)
			.map((call) => call.result!.workflowData![0][0].json);

	it('registers for every event when a lipsync event is chosen; a signed lipsync event emits the lipsync read from HeyGen', async () => {
		// §12.4 rule 6: registered endpoints get lipsync events only with this switch.
		emulator.current.config.lipsyncEndpointEvents = true;
		const hook = await trigger();
		try {
			expect(await hook.lifecycle('create')).toBe(true);
			const registration = emulator.current.log.find(
				(entry) => entry.method === 'POST' && entry.path === '/v3/webhooks/endpoints',
			)!;
			// Lipsync types are not in HeyGen's list: the endpoint takes all, the trigger filters.
			expect(JSON.parse(registration.body)).toMatchObject({ events: null });

			const created = await run(fromUrls);
			const id = String(created.items[0].json.id);
			await settle(1);
			expect(emulator.current.deliveries[0].headers).toMatchObject({
				'heygen-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
				'heygen-event-id': expect.stringMatching(/^evt_/),
			});
			expect(started(hook)).toEqual([
				expect.objectContaining({
					event_type: 'lipsync.success',
					event_id: expect.stringMatching(/^evt_/),
					lipsync_id: id,
					id,
					status: 'completed',
					url: expect.stringContaining('/__emulator/files/'),
					message: null,
				}),
			]);
			// Re-read with the trigger's credential.
			expect(
				emulator.current.log.filter(
					(entry) => entry.method === 'GET' && entry.path === `/v3/lipsyncs/${id}`,
				),
			).toHaveLength(1);

			await run({ ...fromUrls, videoUrl: 'https://cdn.example.com/fail.mp4' });
			await settle(2);
			expect(started(hook)[1]).toMatchObject({
				event_type: 'lipsync.fail',
				status: 'failed',
				message: 'The input video could not be downloaded.',
			});
		} finally {
			await hook.close();
		}
	});

	it('gets no lipsync event on a registered endpoint by default (HeyGen documents none)', async () => {
		emulator.current.config.clock = 'manual';
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			await run(fromUrls);
			emulator.current.advance(2);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(emulator.current.deliveries).toEqual([]);
			expect(hook.calls).toEqual([]);
			const events = emulator.current.log.filter((entry) => entry.path === '/v3/lipsyncs');
			expect(events.map((entry) => entry.status)).toEqual([200]);
		} finally {
			await hook.close();
		}
	});

	it('keeps registering only HeyGen’s own types when no lipsync event is chosen', async () => {
		const hook = await trigger({ events: ['avatar_video.success'] });
		try {
			await hook.lifecycle('create');
			const registration = emulator.current.log.find(
				(entry) => entry.method === 'POST' && entry.path === '/v3/webhooks/endpoints',
			)!;
			expect(JSON.parse(registration.body).events).toEqual(['avatar_video.success']);
		} finally {
			await hook.close();
		}
	});

	it('accepts a lipsync’s unsigned callback only when it carries the Lipsync Callback ID', async () => {
		const secret = 'n8n-lipsync-trigger-secret-42';
		const hook = await trigger({ lipsyncCallbackId: secret });
		try {
			const created = await run({
				...fromUrls,
				lipsyncOptions: { callback_url: hook.url, callback_id: secret },
			});
			const id = String(created.items[0].json.id);
			await run({
				...fromUrls,
				lipsyncOptions: { callback_url: hook.url, callback_id: 'somebody-else' },
			});
			await settle(2);
			// Unsigned (§12.4 rule 6), and only to the callback URL: no endpoint is registered.
			expect(
				emulator.current.deliveries.map((delivery) => [delivery.url, delivery.headers]),
			).toEqual([
				[hook.url, {}],
				[hook.url, {}],
			]);
			expect(hook.calls.map((call) => call.status).sort()).toEqual([200, 401]);
			expect(started(hook)).toEqual([
				expect.objectContaining({
					event_type: 'lipsync.success',
					callback_id: secret,
					id,
					status: 'completed',
				}),
			]);
		} finally {
			await hook.close();
		}
	});
});

describe('Lipsync: a lost create answer and the emulator’s §12.4 rules', () => {
	const call = async (method: string, path: string, body?: unknown, headers = {}) => {
		const response = await fetch(`${emulator.current.baseUrl}${path}`, {
			method,
			headers: {
				'x-api-key': TEST_KEYS.heygen.valid,
				...(body ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		return {
			status: response.status,
			retryAfter: response.headers.get('retry-after'),
			body: (await response.json()) as Record<string, never>,
		};
	};
	const urls = {
		video: { type: 'url', url: 'https://cdn.example.com/v.mp4' },
		audio: { type: 'url', url: 'https://cdn.example.com/a.mp3' },
	};

	it('a create whose answer is lost is sent again with the same Idempotency-Key and makes one lipsync', async () => {
		emulator.current.addFault({
			method: 'POST',
			path: '/v3/lipsyncs',
			kind: 'committed_status',
			status: 502,
		});
		const result = await run(fromUrls);
		expect(result.error).toBeUndefined();
		const posts = api().filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => entry.status)).toEqual([502, 200]);
		expect(posts[1].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		const listed = await call('GET', '/v3/lipsyncs');
		expect((listed.body.data as unknown as unknown[]).length).toBe(1);
		expect(result.items[0].json.id).toBe((listed.body.data as Array<{ id: string }>)[0].id);
	});

	it('validates the create body, naming the field', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ audio: urls.audio }, 'video'],
			[{ ...urls, audio: { type: 'base64', media_type: 'audio/mpeg', data: 'AAAA' } }, 'audio'],
			[{ ...urls, mode: 'fast' }, 'mode'],
			[{ ...urls, fps_mode: '60' }, 'fps_mode'],
			[{ ...urls, start_time: 4, end_time: 3 }, 'end_time'],
		];
		for (const [body, param] of cases) {
			const answer = await call('POST', '/v3/lipsyncs', body);
			expect([answer.status, (answer.body.error as { param: string }).param]).toEqual([400, param]);
		}
		expect(emulator.current.log.map((entry) => entry.status)).toEqual(
			Array(cases.length).fill(400),
		);
	});

	it('replays a repeated Idempotency-Key, and answers 409 while the first is held', async () => {
		const first = await call('POST', '/v3/lipsyncs', urls, { 'idempotency-key': 'key-1' });
		const again = await call('POST', '/v3/lipsyncs', urls, { 'idempotency-key': 'key-1' });
		expect(again.body).toEqual(first.body);
		emulator.current.config.holdIdempotentRequests = true;
		const held = await call('POST', '/v3/lipsyncs', urls, { 'idempotency-key': 'key-2' });
		expect([held.status, (held.body.error as { code: string }).code]).toEqual([
			409,
			'request_in_progress',
		]);
		const bad = await call('POST', '/v3/lipsyncs', urls, { 'idempotency-key': 'no spaces' });
		expect(bad.status).toBe(400);
		expect(emulator.current.log.map((entry) => entry.status)).toEqual([200, 200, 409, 400]);
	});

	it('limits concurrent jobs, pages the list, needs a title to rename, and 404s unknown ids', async () => {
		emulator.current.config.concurrency = 2;
		emulator.current.config.clock = 'manual';
		await call('POST', '/v3/lipsyncs', urls);
		await call('POST', '/v3/lipsyncs', urls);
		const busy = await call('POST', '/v3/lipsyncs', urls);
		expect(busy.status).toBe(429);
		expect(busy.retryAfter).toBe('5');
		expect(emulator.current.log.map((entry) => entry.status)).toEqual([200, 200, 429]);
		const batchTooBig = await call('POST', '/v3/lipsyncs/batches', { lipsyncs: [urls] });
		expect(batchTooBig.status).toBe(429);

		const firstPage = await call('GET', '/v3/lipsyncs?limit=1');
		expect(firstPage.body).toMatchObject({ has_more: true, next_token: expect.any(String) });
		const second = await call(
			'GET',
			`/v3/lipsyncs?limit=1&token=${String(firstPage.body.next_token)}`,
		);
		expect(second.body).toMatchObject({ has_more: false, next_token: null });
		expect((await call('GET', '/v3/lipsyncs?limit=101')).status).toBe(400);

		const id = (firstPage.body.data as Array<{ id: string }>)[0].id;
		const noTitle = await call('PATCH', `/v3/lipsyncs/${id}`, { name: 'x' });
		expect((noTitle.body.error as { param: string }).param).toBe('title');
		for (const [method, path] of [
			['GET', '/v3/lipsyncs/nope'],
			['PATCH', '/v3/lipsyncs/nope'],
			['DELETE', '/v3/lipsyncs/nope'],
			['GET', '/v3/lipsyncs/batches/nope'],
		])
			expect(
				(await call(method, path, method === 'PATCH' ? { title: 't' } : undefined)).status,
			).toBe(404);
	});
});
