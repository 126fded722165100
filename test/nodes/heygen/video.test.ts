/** HeyGen Video operations in n8n-core's engine against the HeyGen emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 40));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const createBody = () =>
	JSON.parse(
		api().find((entry) => entry.method === 'POST' && entry.path === '/v3/videos')!.body,
	) as Record<string, unknown>;
const avatarVideo: INodeParameters = {
	resource: 'video',
	operation: 'create',
	videoType: 'avatar',
	avatarId: 'Anna_public_office',
	audioSource: 'script',
	script: 'Welcome to our product tour.',
	voiceId: 'voice_en_sara',
};

describe('Video → Create', () => {
	it('creates an avatar video with options and an Idempotency-Key', async () => {
		const result = await run({
			...avatarVideo,
			videoOptions: {
				title: 'Tour',
				aspect_ratio: '9:16',
				resolution: '720p',
				backgroundColor: '#112233',
				captions: true,
				engine: 'avatar_iv',
				speed: 1.2,
				callback_url: 'https://hooks.example.com/hg',
				callback_id: 'row-7',
			},
		});
		expect(result.items[0].json).toEqual({
			video_id: expect.any(String),
			id: expect.any(String),
			status: 'waiting',
			output_format: 'mp4',
		});
		const [request] = api();
		expect(request.headers['x-api-key']).toBe(TEST_KEYS.heygen.valid);
		expect(request.headers['idempotency-key']).toMatch(/^n8n-/);
		expect(createBody()).toEqual({
			type: 'avatar',
			title: 'Tour',
			aspect_ratio: '9:16',
			resolution: '720p',
			callback_url: 'https://hooks.example.com/hg',
			callback_id: 'row-7',
			caption: { file_format: 'srt' },
			avatar_id: 'Anna_public_office',
			engine: { type: 'avatar_iv' },
			script: 'Welcome to our product tour.',
			voice_id: 'voice_en_sara',
			voice_settings: { speed: 1.2 },
			background: { type: 'color', value: '#112233' },
		});
	});

	it('creates an image video and a studio video', async () => {
		await run({
			resource: 'video',
			operation: 'create',
			videoType: 'image',
			imageUrl: 'https://cdn.example.com/me.png',
			audioSource: 'audioUrl',
			audioUrl: 'https://cdn.example.com/voice.mp3',
		});
		expect(createBody()).toEqual({
			type: 'image',
			image: { type: 'url', url: 'https://cdn.example.com/me.png' },
			audio_url: 'https://cdn.example.com/voice.mp3',
		});
		emulator.current.clearLog();
		const scenes = [
			{
				type: 'avatar_video',
				input: {
					type: 'avatar',
					avatar_id: 'Tom_public_studio',
					script: 'Part one',
					voice_id: 'voice_en_mark',
				},
			},
			{
				type: 'image',
				source: { type: 'url', url: 'https://cdn.example.com/slide.png' },
				duration: 3,
			},
		];
		const studio = await run({
			resource: 'video',
			operation: 'create',
			videoType: 'studio',
			scenes: JSON.stringify(scenes),
		});
		expect(studio.error).toBeUndefined();
		expect(createBody()).toEqual({ type: 'studio', scenes });
	});

	it('polls until completed and downloads the video', async () => {
		emulator.current.config.outputBytes = 54_321;
		// Each request steps the job one stage, so the poll sees every state whatever the machine's speed.
		emulator.current.config.clock = 'requests';
		const result = await run({
			...avatarVideo,
			waitForCompletion: 'poll',
			pollInterval: 0.05,
			waitTimeout: 1,
			downloadOutput: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'completed',
			video_url: expect.any(String),
		});
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').length).toBe(54_321);
		expect(
			api()
				.filter((entry) => entry.method === 'GET')
				.map((entry) => JSON.parse(entry.responseBody!).data.status),
		).toEqual(['pending', 'processing', 'completed']);
	});

	it('turns a failed render into an error item with failure_code and failure_message', async () => {
		const result = await run(
			{
				...avatarVideo,
				script: 'please fail',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(/failed: An input URL could not be downloaded/);
		expect(result.items[0].json.description).toContain('Failure code: download_failed');
	});

	it('names the field when HeyGen does not know the avatar or the voice', async () => {
		const avatar = await run({ ...avatarVideo, avatarId: 'Nobody_look' });
		expect(avatar.error?.message).toBe('Avatar Look: HeyGen has no look "Nobody_look"');
		const voice = await run({ ...avatarVideo, voiceId: 'voice_missing' });
		expect(voice.error?.message).toBe('Voice: HeyGen has no voice "voice_missing"');
	});

	it.each([
		[
			'a script over 5,000 characters',
			{ ...avatarVideo, script: 'x'.repeat(5001) },
			'HeyGen allows at most 5000',
		],
		[
			'an empty scene list',
			{ resource: 'video', operation: 'create', videoType: 'studio', scenes: '[]' },
			'needs at least one scene',
		],
		[
			'an image video without a voice',
			{
				resource: 'video',
				operation: 'create',
				videoType: 'image',
				imageUrl: 'https://cdn.example.com/me.png',
				audioSource: 'script',
				script: 'Hi',
				voiceId: '',
			},
			'Voice is required',
		],
		[
			'WebM with a background',
			{ ...avatarVideo, videoOptions: { output_format: 'webm', backgroundColor: '#000000' } },
			'cannot be combined with WebM',
		],
	])('rejects %s before any request', async (_case, parameters, message) => {
		const result = await run(parameters as INodeParameters);
		expect(result.error?.message).toContain(message);
		expect(api()).toHaveLength(0);
	});
});

describe('Video → Get, Get Many, Delete, Get Statuses', () => {
	it('gets with fresh links and a download, gets many, gets statuses, deletes', async () => {
		const created = await run({
			...avatarVideo,
			videoOptions: { title: 'Quarterly update' },
			waitForCompletion: 'poll',
			pollInterval: 0.05,
			waitTimeout: 1,
		});
		const id = String(created.items[0].json.id);
		await run({ ...avatarVideo, videoOptions: { title: 'Other' } });
		const got = await run({
			resource: 'video',
			operation: 'get',
			videoId: id,
			downloadVideo: true,
		});
		expect(got.items[0].json).toMatchObject({ id, status: 'completed' });
		expect(got.items[0].binary?.data.mimeType).toBe('video/mp4');

		emulator.current.clearLog();
		const listed = await run({
			resource: 'video',
			operation: 'getAll',
			returnAll: true,
			titleFilter: 'quarterly',
		});
		expect(listed.items.map((item) => item.json.id)).toEqual([id]);
		expect(api()[0].query).toEqual({ title: 'quarterly', limit: '100' });

		const statuses = await run({
			resource: 'video',
			operation: 'getStatuses',
			videoIds: `${id}, missing_video`,
		});
		expect(statuses.items.map((item) => item.json)).toEqual([
			{ video_id: id, status: 'completed' },
			{ video_id: 'missing_video', status: 'not_found' },
		]);

		const deleted = await run({ resource: 'video', operation: 'delete', videoId: id });
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		const gone = await run({ resource: 'video', operation: 'get', videoId: id });
		expect(gone.error?.httpCode).toBe('404');
	});
});
