/**
 * Generation → Create with Audio Source "Translate / Dub" (../shared/api/sync.md §10.2) in n8n-core's
 * engine against the Sync emulator: `dubParams` and the video alone, the wait, the checks before
 * any request. (Sync paces POST /v2/generate: this file creates only a handful of generations.)
 */
import { TEST_KEYS } from '../../emulators';
import { NODE_NAME, nodeRunner, runNode, useEmulator } from '../../harness/workflows';
import { VIDEO, apiCalls, binaryItem, createByUrl, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

const dub = { ...createByUrl, audioSource: 'dub', audioUrl: undefined };

describe('Generation → Create: Translate / Dub', () => {
	it('sends dubParams (source auto by default) with the video only, and an Idempotency-Key', async () => {
		const run = await sync({ ...dub, dubTargetLanguage: 'ja' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			status: 'PENDING',
			dubParams: { targetLang: 'ja', sourceLang: 'auto' },
		});
		const [create] = apiCalls(emulator.current);
		expect(create).toMatchObject({ method: 'POST', path: '/v2/generate', status: 201 });
		expect(create.headers['idempotency-key']).toBeDefined();
		expect(jsonBody(create)).toEqual({
			model: 'lipsync-2',
			input: [{ type: 'video', url: VIDEO }],
			dubParams: { targetLang: 'ja', sourceLang: 'auto' },
		});
	});

	it('sends the options when set: a code not in the list, a source language, speakers, provider name', async () => {
		const run = await sync({
			...dub,
			dubTargetLanguage: 'other',
			dubTargetLanguageCode: 'pt-BR',
			dubSourceLanguage: 'en',
			dubOptions: { numSpeakers: 2, sendProviderName: true },
		});
		expect(run.error).toBeUndefined();
		expect(jsonBody(apiCalls(emulator.current)[0]).dubParams).toEqual({
			targetLang: 'pt-BR',
			sourceLang: 'en',
			numSpeakers: 2,
			providerName: 'elevenlabs',
		});
	});

	it('waits (Poll) for the dubbed video and downloads it', async () => {
		const run = await sync({
			...dub,
			dubTargetLanguage: 'fr',
			waitForCompletion: 'poll',
			pollInterval: 0.05,
			waitTimeout: 1,
			downloadOutput: true,
		});
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.json).toMatchObject({ status: 'COMPLETED', dubParams: { targetLang: 'fr' } });
		expect(item.binary?.data.mimeType).toBe('video/mp4');
		const calls = apiCalls(emulator.current);
		expect(calls[0].path).toBe('/v2/generate');
		expect(
			calls.slice(1).every((entry) => entry.path === `/v2/generate/${String(item.json.id)}`),
		).toBe(true);
	});

	it('Webhook Resume: the dub carries the resume URL as its webhookUrl and the execution parks', async () => {
		const result = await runNode({
			type: 'sync',
			credentialType: 'syncApi',
			credentials: {
				apiKey: TEST_KEYS.sync.valid,
				baseUrl: emulator.current.baseUrl,
				webhookSecret: 'whsec_emulatorSyncSigningSecret01',
			},
			parameters: {
				...dub,
				dubTargetLanguage: 'it',
				waitForCompletion: 'webhook',
				waitTimeout: 30,
			},
		});
		expect(result.error(NODE_NAME)).toBeUndefined();
		expect(result.run.status).toBe('waiting');
		const calls = apiCalls(emulator.current);
		expect(calls.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /v2/generate']);
		const body = jsonBody(calls[0]);
		expect(body.dubParams).toEqual({ targetLang: 'it', sourceLang: 'auto' });
		expect(body.webhookUrl).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/?]+\?signature=/,
		);
	});

	it('dubs a binary video sent as multipart, with dubParams as a JSON part', async () => {
		const run = await sync(
			{ ...dub, videoSource: 'binary', videoBinaryProperty: 'data', dubTargetLanguage: 'de' },
			{
				input: [
					binaryItem({
						data: { bytes: Buffer.alloc(40_000, 4), mimeType: 'video/mp4', fileName: 'talk.mp4' },
					}),
				],
			},
		);
		expect(run.error).toBeUndefined();
		const [create] = apiCalls(emulator.current);
		expect(create.headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(create.body).toContain('name="dubParams"');
		expect(create.body).toContain('{"targetLang":"de","sourceLang":"auto"}');
		expect(run.items[0].json.input).toEqual([{ type: 'video', assetId: expect.any(String) }]);
	});
});

describe('Translate / Dub: bad input fails before any request, naming the field', () => {
	it.each([
		[
			'a missing code for Other',
			{ dubTargetLanguage: 'other', dubTargetLanguageCode: '' },
			'Target Language Code is required',
		],
		[
			'a code that is no language code',
			{ dubTargetLanguage: 'other', dubTargetLanguageCode: 'Spanish!' },
			'Target Language "Spanish!" is not a language code',
		],
		[
			'the same source and target',
			{ dubTargetLanguage: 'es', dubSourceLanguage: 'es' },
			'Source Language and Target Language are both "es"',
		],
		[
			'too many speakers',
			{ dubTargetLanguage: 'es', dubOptions: { numSpeakers: 51 } },
			'Number of Speakers must be a whole number from 0 to 50 (got 51)',
		],
		[
			'segments',
			{
				dubTargetLanguage: 'es',
				generationOptions: {
					segments: '[{"startTime":0,"endTime":2,"audioInput":{"refId":"a"}}]',
				},
			},
			'Segments (JSON) cannot be combined with Audio Source "Translate / Dub"',
		],
	])('%s', async (_name, parameters, message) => {
		const run = await sync({ ...dub, ...parameters }, { continueOnFail: true });
		expect(run.items[0].json.error).toBe(message);
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('Sync emulator: dubParams rules (../shared/api/sync.md §10.3 #4)', () => {
	const post = async (body: unknown) => {
		const response = await fetch(`${emulator.current.baseUrl}/v2/generate`, {
			method: 'POST',
			headers: { 'x-api-key': TEST_KEYS.sync.valid, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it('refuses an audio input beside dubParams (422), a missing targetLang (400); the switch ignores the audio', async () => {
		const withAudio = {
			model: 'lipsync-2',
			input: [
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: 'https://cdn.example.com/a.mp3' },
			],
			dubParams: { targetLang: 'es' },
		};
		const conflict = await post(withAudio);
		expect(conflict).toMatchObject({
			status: 422,
			body: { errorCode: 'generation_input_dub_audio_conflict' },
		});
		const noTarget = await post({
			model: 'lipsync-2',
			input: [{ type: 'video', url: VIDEO }],
			dubParams: { numSpeakers: 99 },
		});
		expect(noTarget.status).toBe(400);
		expect(noTarget.body.message).toEqual([
			'dubParams.targetLang is required (a language code such as es)',
			'dubParams.numSpeakers must be an integer from 0 to 50',
		]);
		emulator.current.config.dubIgnoreAudioInputs = true;
		expect((await post(withAudio)).status).toBe(201);
	});
});
