/** ViralSync Render Job operations in n8n-core's engine against the ViralSync emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { SECRET, create } from './fixtures';

const emulator = useEmulator('viralsync', (current) => (current.config.stageMs = 40));
const run = nodeRunner('viralSync', 'viralSyncApi', emulator, TEST_KEYS.viralsync.valid, {
	credentials: { webhookSecret: SECRET },
});
const body = (index = 0) =>
	JSON.parse(emulator.current.log.filter((entry) => entry.method === 'POST')[index].body) as Record<
		string,
		unknown
	>;

describe('Render Job → Create', () => {
	it('builds the movie from fields and sends only x-api-key', async () => {
		const result = await run({
			...create,
			renderOptions: { callbackUrl: 'https://hooks.example.com/vs', requestedConcurrency: 4 },
		});
		expect(result.items[0].json).toEqual({
			jobId: expect.stringMatching(/^job_[0-9a-f]{12}$/),
			status: 'queued',
		});
		const [request] = emulator.current.log;
		expect(request).toMatchObject({ method: 'POST', path: '/v1/render/jobs', status: 202 });
		expect(request.headers['x-api-key']).toBe(TEST_KEYS.viralsync.valid);
		expect(request.headers.authorization).toBeUndefined();
		expect(body()).toEqual({
			kind: 'movie',
			projectId: 'proj_abc123',
			movie: {
				title: 'Launch',
				width: 1080,
				height: 1920,
				fps: 30,
				scenes: [
					{
						id: 'intro',
						duration: 3,
						backgroundColor: '#101010',
						layers: [
							{ type: 'video', src: 'https://cdn.example.com/a.mp4', volume: 0.5 },
							{ type: 'text', text: 'Hello' },
						],
					},
					{ id: 'outro', duration: 2, backgroundColor: '#ffffff', layers: [] },
				],
			},
			renderOptions: { qualityPreset: 'fast', requestedConcurrency: 4 },
			callbackUrl: 'https://hooks.example.com/vs',
		});
	});

	it('takes the movie as JSON', async () => {
		const movie = {
			width: 1280,
			height: 720,
			scenes: [
				{
					id: 's1',
					duration: 1,
					layers: [{ type: 'image', src: 'https://cdn.example.com/i.png' }],
				},
			],
		};
		const result = await run({
			resource: 'renderJob',
			operation: 'create',
			projectId: 'proj_1',
			movieSource: 'json',
			movieJson: JSON.stringify(movie),
		});
		expect(result.error).toBeUndefined();
		expect(body().movie).toEqual(movie);
	});

	it('polls through the phases until done and downloads the MP4', async () => {
		emulator.current.config.outputBytes = 77_777;
		const result = await run({
			...create,
			waitForCompletion: 'poll',
			pollInterval: 0.05,
			waitTimeout: 1,
			downloadOutput: true,
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toMatchObject({
			status: 'done',
			progress: 1,
			mediaData: { width: 1080, height: 1920, fileSize: 77_777 },
			children: { total: 2, succeeded: 2 },
		});
		expect(Buffer.from(item.binary!.data.data, 'base64').length).toBe(77_777);
		const statuses = emulator.current.log
			.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v1/jobs/'))
			.map((entry) => JSON.parse(entry.responseBody!).status as string);
		expect(statuses.at(-1)).toBe('done');
		expect(new Set(statuses).size).toBeGreaterThan(1);
	});

	it('turns a failed job into an error item with its machine code', async () => {
		const failing = {
			scene: [{ id: 'scene_fail', duration: 2, backgroundColor: '#000000', layers: {} }],
		};
		const result = await run(
			{ ...create, scenes: failing, waitForCompletion: 'poll', pollInterval: 0.05, waitTimeout: 1 },
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe(
			`ViralSync render job ${String(JSON.parse(emulator.current.log[0].responseBody!).jobId)} failed: SCENE_RENDER_FAILED: FFmpeg exited with code 1 on scene_fail`,
		);
		expect(result.items[0].json.description).toContain('Error code: SCENE_RENDER_FAILED');
	});

	it('waits out 409 CONCURRENCY_LIMIT_EXCEEDED (the job was not accepted) and creates once', async () => {
		// Every request steps the jobs one stage: by the 4th create, 3 jobs of the Pro plan are running.
		emulator.current.config.clock = 'requests';
		const result = await run(create, { items: 4, requestOptions: { maxTotalWaitSeconds: 60 } });
		expect(result.items.map((item) => item.json.status)).toEqual([
			'queued',
			'queued',
			'queued',
			'queued',
		]);
		const posts = emulator.current.log.filter((entry) => entry.method === 'POST');
		expect(posts.filter((entry) => entry.status === 202)).toHaveLength(4);
		expect(posts.filter((entry) => entry.status === 409).length).toBeGreaterThan(0);
		// The plan page's own text for the limit.
		expect(JSON.parse(posts.find((entry) => entry.status === 409)!.responseBody!)).toEqual({
			error: 'Concurrent job limit reached. Wait for a running job to complete.',
			code: 'CONCURRENCY_LIMIT_EXCEEDED',
		});
	});

	it('counts only running jobs against the limit: queued jobs do not block a submission', async () => {
		// The manual clock keeps every job queued: none is running, so none blocks the next.
		emulator.current.config.clock = 'manual';
		const result = await run(create, { items: 5 });
		expect(result.error).toBeUndefined();
		expect(
			emulator.current.log.filter((entry) => entry.method === 'POST').map((entry) => entry.status),
		).toEqual([202, 202, 202, 202, 202]);
		// Started, only 3 run at once (Pro); the others wait in the queue for a slot.
		emulator.current.advance(1);
		const listed = await run({ resource: 'renderJob', operation: 'getAll', returnAll: true });
		expect(listed.items.filter((job) => job.json.status === 'running')).toHaveLength(3);
		expect(listed.items.filter((job) => job.json.status === 'queued')).toHaveLength(2);
		// With 3 running, the next submission is refused with the documented 409.
		const refused = await run(create, { requestOptions: { maxRetries: 0 } });
		expect(refused.error?.httpCode).toBe('409');
	});

	it('explains quota (402) and plan (403) refusals', async () => {
		emulator.current.config.usedMinutes = 199.99;
		const quota = await run(create);
		expect(quota.error?.httpCode).toBe('402');
		expect(quota.error?.message).toContain('RENDER_QUOTA_EXCEEDED');
		expect(quota.error?.description).toContain('reset on the 1st');
		emulator.current.config.usedMinutes = 0;
		const plan = await run({ ...create, size: '3840x2160' });
		expect(plan.error?.httpCode).toBe('403');
		expect(plan.error?.message).toContain("Resolution above your plan's maximum (1080p)");
		const free = await run(create, { key: TEST_KEYS.viralsync.free });
		expect(free.error?.description).toContain('needs a Pro plan');
	});

	it('runs 50 creates through the sliding-window limit with no failed item', async () => {
		// The 120-per-60 s window scaled 10× in time (12 per 6 s → 12 per 600 ms), so the run takes seconds, not minutes.
		Object.assign(emulator.current.config, { stageMs: 10, requestsPerWindow: 12, windowMs: 600 });
		// Paced a sixth under the window (1000/min against its 1200/min), so a busy machine's bunched starts stay inside it.
		const result = await run(create, {
			key: TEST_KEYS.viralsync.enterprise,
			items: 50,
			continueOnFail: true,
			requestOptions: { requestsPerMinute: 1000 },
		});
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		expect(result.items).toHaveLength(50);
		expect(emulator.current.log.filter((entry) => entry.status === 202)).toHaveLength(50);
		expect(emulator.current.log.filter((entry) => entry.status === 429).length).toBeLessThanOrEqual(
			1,
		);
	}, 60_000);
});

describe('bad movies fail before any request, naming the field', () => {
	it.each([
		[
			'width too small',
			{ ...create, size: 'custom', width: 300, height: 720 },
			'Width must be between 360 and 3840',
		],
		[
			'height too big',
			{ ...create, size: 'custom', width: 1280, height: 2200 },
			'Height must be between 360 and 2160',
		],
		['fps 0', { ...create, fps: 0 }, 'FPS must be between 1 and 60'],
		['fps 61', { ...create, fps: 61 }, 'FPS must be between 1 and 60'],
		['no scene', { ...create, scenes: {} }, 'Scenes: the movie needs at least one scene'],
		[
			'a scene without id',
			{ ...create, scenes: { scene: [{ id: '', duration: 1, layers: {} }] } },
			'Scenes: scene 1 needs a Scene ID',
		],
		[
			'a duplicated scene id',
			{
				...create,
				scenes: {
					scene: [
						{ id: 'a', duration: 1 },
						{ id: 'a', duration: 1 },
					],
				},
			},
			'used twice',
		],
		[
			'an unknown layer type',
			{
				resource: 'renderJob',
				operation: 'create',
				projectId: 'p',
				movieSource: 'json',
				movieJson: '{"scenes":[{"id":"a","layers":[{"type":"sticker"}]}]}',
			},
			'unknown type "sticker"',
		],
		// An empty literal is stopped by n8n itself (required field); an expression that resolves to nothing reaches the node.
		['no project', { ...create, projectId: '={{ "" }}' }, 'Project ID is required'],
	])('%s', async (_case, parameters, message) => {
		const result = await run(parameters as INodeParameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(message);
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('Render Job → Get, Get Many, Cancel, Delete', () => {
	it('gets, gets many with cursor pages, cancels and deletes', async () => {
		emulator.current.config.stageMs = 5_000;
		await run(create, { key: TEST_KEYS.viralsync.enterprise, items: 5 });
		const ids = emulator.current.log
			.filter((entry) => entry.status === 202)
			.map((entry) => String(JSON.parse(entry.responseBody!).jobId));
		emulator.current.clearLog();

		const got = await run(
			{ resource: 'renderJob', operation: 'get', jobId: ids[0] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(got.items[0].json).toMatchObject({
			jobId: ids[0],
			type: 'render',
			status: 'queued',
			payload: { projectId: 'proj_abc123' },
		});

		emulator.current.clearLog();
		const listed = await run(
			{
				resource: 'renderJob',
				operation: 'getAll',
				returnAll: false,
				limit: 4,
				jobFilters: { status: 'queued', type: 'render' },
			},
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(listed.items.map((item) => item.json.jobId)).toEqual([...ids].reverse().slice(0, 4));
		expect(emulator.current.log[0].query).toEqual({ status: 'queued', type: 'render', limit: '4' });

		emulator.current.clearLog();
		const all = await run(
			{ resource: 'renderJob', operation: 'getAll', returnAll: true },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(all.items).toHaveLength(5);

		const cancelled = await run(
			{ resource: 'renderJob', operation: 'cancel', jobId: ids[1] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(cancelled.items[0].json).toMatchObject({ jobId: ids[1], status: 'cancelled' });
		const again = await run(
			{ resource: 'renderJob', operation: 'cancel', jobId: ids[1] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(again.error?.httpCode).toBe('409');

		const notYet = await run(
			{ resource: 'renderJob', operation: 'delete', jobId: ids[2] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(notYet.error?.message).toContain('INVALID_STATE_TRANSITION');
		const deleted = await run(
			{ resource: 'renderJob', operation: 'delete', jobId: ids[1] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(deleted.items[0].json).toEqual({ jobId: ids[1], deleted: true });
		expect(emulator.current.log.at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/v1/jobs/${ids[1]}`,
			status: 204,
		});
		const gone = await run(
			{ resource: 'renderJob', operation: 'get', jobId: ids[1] },
			{ key: TEST_KEYS.viralsync.enterprise },
		);
		expect(gone.error?.httpCode).toBe('404');
	});
});
