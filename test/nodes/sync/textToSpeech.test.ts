/**
 * Sync Text to Speech (../shared/api/sync.md §10.1) in n8n-core's engine against the Sync emulator:
 * the synchronous take, and async jobs that end in SUCCESS (not COMPLETED), waited for and downloaded.
 */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { apiCalls, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

const SARAH = 'EXAVITQu4vr4xnSDxMaL';
const speech = {
	resource: 'textToSpeech',
	voiceId: { __rl: true, mode: 'list', value: SARAH },
	script: 'Welcome to the product tour.',
};

describe('Text to Speech → Create', () => {
	it('speaks a script (POST /v2/tts) and downloads the audio into binary data', async () => {
		emulator.current.config.ttsAudioBytes = 12_345;
		const run = await sync({
			...speech,
			operation: 'create',
			voiceSettings: { stability: 0.3, similarityBoost: 0.9 },
			downloadAudio: true,
			outputBinaryProperty: 'speech',
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json).toMatchObject({
			id: expect.any(String),
			url: expect.stringContaining('.mp3'),
			duration: 1.9,
		});
		expect(item.binary?.speech.mimeType).toBe('audio/mpeg');
		expect(item.binary?.speech.fileName).toBe(`speech-${String(item.json.id)}.mp3`);
		expect(Buffer.from(item.binary!.speech.data, 'base64').length).toBe(12_345);
		const [create] = apiCalls(emulator.current);
		expect(create).toMatchObject({ method: 'POST', path: '/v2/tts', status: 200 });
		expect(jsonBody(create)).toEqual({
			script: 'Welcome to the product tour.',
			voiceId: SARAH,
			provider: 'elevenlabs',
			stability: 0.3,
			similarityBoost: 0.9,
		});
		const download = emulator.current.log.find((entry) => entry.path.startsWith('/__emulator/'));
		expect(download?.headers['x-api-key']).toBeUndefined();
	});

	it("passes Sync's refusals on: unknown voice (422), ElevenLabs quota (402)", async () => {
		const unknown = await sync(
			{ ...speech, operation: 'create', voiceId: 'not-a-voice' },
			{ continueOnFail: true },
		);
		expect(unknown.items[0].json.httpCode).toBe('422');
		expect(String(unknown.items[0].json.error)).toContain('voice_not_found');
		const quota = await sync(
			{ ...speech, operation: 'create', script: 'Say this [quota]' },
			{ continueOnFail: true },
		);
		expect(quota.items[0].json.httpCode).toBe('402');
		expect(String(quota.items[0].json.error)).toContain('elevenlabs_quota_exceeded');
		expect(apiCalls(emulator.current)).toHaveLength(2);
	});

	it('checks the script and settings before any request', async () => {
		const tooLong = await sync(
			{ ...speech, operation: 'create', script: 'a'.repeat(5001) },
			{ continueOnFail: true },
		);
		expect(tooLong.items[0].json.error).toBe(
			'Script is 5001 characters long; Sync takes at most 5000',
		);
		const blank = await sync(
			{ ...speech, operation: 'create', script: '   ' },
			{ continueOnFail: true },
		);
		expect(blank.items[0].json.error).toBe('Script is required');
		const stability = await sync(
			{ ...speech, operation: 'create', voiceSettings: { stability: 2 } },
			{ continueOnFail: true },
		);
		expect(stability.items[0].json.error).toBe('Stability must be between 0 and 1 (got 2)');
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('Text to Speech → Create Job and Get Job', () => {
	it('starts a job (202, Idempotency-Key) and returns it at once with Wait Off; Get Job reads it', async () => {
		emulator.current.config.clock = 'manual';
		const run = await sync({ ...speech, operation: 'createJob' });
		expect(run.error).toBeUndefined();
		const job = run.items[0].json;
		expect(job).toMatchObject({ id: expect.any(String), status: 'PENDING' });
		const [create] = apiCalls(emulator.current);
		expect(create).toMatchObject({ method: 'POST', path: '/v2/tts/jobs', status: 202 });
		expect(create.headers['idempotency-key']).toMatch(/^[A-Za-z0-9._-]+-tts-job-0$/);

		// The emulator answers a running job with Retry-After: 3 (§10.1), a finished one without.
		const direct = async () =>
			(
				await fetch(`${emulator.current.baseUrl}/v2/tts/jobs/${String(job.id)}`, {
					headers: { 'x-api-key': TEST_KEYS.sync.valid },
				})
			).headers.get('retry-after');
		expect(await direct()).toBe('3');
		emulator.current.advance(2);
		expect(await direct()).toBeNull();
		emulator.current.clearLog();
		const got = await sync({
			resource: 'textToSpeech',
			operation: 'getJob',
			jobId: String(job.id),
		});
		expect(got.items[0].json).toMatchObject({
			id: job.id,
			status: 'SUCCESS',
			url: expect.stringContaining('.mp3'),
			startedAt: expect.any(String),
			finishedAt: expect.any(String),
		});
		expect(apiCalls(emulator.current)[0]).toMatchObject({
			method: 'GET',
			path: `/v2/tts/jobs/${String(job.id)}`,
		});
	});

	it('polls until SUCCESS (a terminal word of its own) and downloads the audio', async () => {
		// Each request steps the job one stage: PENDING → PROCESSING → SUCCESS, whatever the machine's speed.
		emulator.current.config.clock = 'requests';
		const run = await sync({
			...speech,
			operation: 'createJob',
			waitForCompletion: 'poll',
			pollInterval: 0,
			downloadOutput: true,
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json.status).toBe('SUCCESS');
		expect(item.binary?.data.mimeType).toBe('audio/mpeg');
		const gets = apiCalls(emulator.current).filter((entry) => entry.method === 'GET');
		expect(gets.map((entry) => JSON.parse(entry.responseBody!).status)).toEqual([
			'PROCESSING',
			'SUCCESS',
		]);
	});

	it('a FAILED job is an error item with its message', async () => {
		emulator.current.config.clock = 'requests';
		const run = await sync(
			{
				...speech,
				operation: 'createJob',
				script: 'This one breaks [fail]',
				waitForCompletion: 'poll',
				pollInterval: 0,
			},
			{ continueOnFail: true },
		);
		expect(run.items[0].json.error).toMatch(
			/^Sync text-to-speech job [0-9a-f-]{36} failed: Speech synthesis failed\.$/,
		);
	});

	it('a create whose answer was lost is resent with the same Idempotency-Key and makes one job', async () => {
		emulator.current.config.clock = 'manual';
		emulator.current.addFault({ kind: 'committed_reset', path: '/v2/tts/jobs' });
		const run = await sync({ ...speech, operation: 'createJob' });
		expect(run.error).toBeUndefined();
		const posts = apiCalls(emulator.current).filter((entry) => entry.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[0].headers['idempotency-key']).toBe(posts[1].headers['idempotency-key']);
		// The replay answers the job whose answer was lost: no second job.
		const lostJob = (JSON.parse(posts[0].responseBody!) as { id: string }).id;
		expect(posts[0].status).toBe(-1);
		expect(posts[1].status).toBe(202);
		expect(run.items[0].json.id).toBe(lostJob);
	});

	it('says async text to speech may not be enabled when Sync answers 503', async () => {
		emulator.current.config.asyncTtsEnabled = false;
		const run = await sync(
			{ ...speech, operation: 'createJob', requestOptions: { maxRetries: 0 } },
			{ continueOnFail: true },
		);
		expect(run.items[0].json.httpCode).toBe('503');
		expect(run.items[0].json.description).toContain('use Text to Speech → Create (synchronous)');
	});
});

describe('Sync emulator: text to speech (../shared/api/sync.md §10.3)', () => {
	const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
		const response = await fetch(`${emulator.current.baseUrl}${path}`, {
			method: 'POST',
			headers: {
				'x-api-key': TEST_KEYS.sync.valid,
				'content-type': 'application/json',
				...headers,
			},
			body: JSON.stringify(body),
		});
		return {
			status: response.status,
			location: response.headers.get('location'),
			body: (await response.json()) as Record<string, unknown>,
		};
	};
	const valid = { script: 'Hi there', voiceId: SARAH, provider: 'elevenlabs' };

	it('validates the body, and replays a job key only with the same body (409 otherwise)', async () => {
		const bad = await post('/v2/tts', {
			script: '',
			voiceId: SARAH,
			provider: 'azure',
			stability: 3,
		});
		expect(bad.status).toBe(400);
		expect(bad.body.message).toEqual([
			'script must be 1 to 5000 characters',
			'provider must be elevenlabs',
			'stability must be a number between 0 and 1',
		]);
		const restricted = await post('/v2/tts', { ...valid, voiceId: 'N2lVS1w4EtoT3dr4eOWO' });
		expect(restricted).toMatchObject({
			status: 422,
			body: { errorCode: 'voice_verification_required' },
		});

		const first = await post('/v2/tts/jobs', valid, { 'idempotency-key': 'k-1' });
		expect(first.status).toBe(202);
		expect(first.location).toBe(`/v2/tts/jobs/${String(first.body.id)}`);
		const replay = await post('/v2/tts/jobs', valid, { 'idempotency-key': 'k-1' });
		expect(replay.body.id).toBe(first.body.id);
		const changed = await post(
			'/v2/tts/jobs',
			{ ...valid, script: 'Other' },
			{ 'idempotency-key': 'k-1' },
		);
		expect(changed.status).toBe(409);
		expect((await post('/v2/tts/jobs', valid, { 'idempotency-key': 'bad key!' })).status).toBe(400);
	});
});
