/**
 * HeyGen Voice operations in n8n-core's engine against the HeyGen emulator: get many, get, generate
 * speech, design, clone and delete.
 */
import { TEST_KEYS } from '../../emulators';
import { fileItem, type TestFileKind } from '../../harness/files';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const sample = (kind: TestFileKind = 'mp3', mimeType = 'audio/mpeg', fileName = 'sample.mp3') =>
	fileItem(kind, mimeType, fileName);

describe('Voice', () => {
	it('gets many voices with filters and gets one', async () => {
		const voices = await run({
			resource: 'voice',
			operation: 'getAll',
			returnAll: true,
			voiceFilters: { language: 'English', gender: 'male' },
		});
		expect(voices.items.map((item) => item.json.voice_id)).toEqual(['voice_en_mark']);
		const voice = await run({ resource: 'voice', operation: 'get', voiceId: 'voice_es_lucia' });
		expect(voice.items[0].json).toMatchObject({ voice_id: 'voice_es_lucia', language: 'Spanish' });
	});

	it('generates speech into the item as audio', async () => {
		const result = await run({
			resource: 'voice',
			operation: 'generateSpeech',
			text: 'Hello there friend',
			speechVoiceId: 'voice_en_sara',
			speed: 1.5,
			speechBinaryProperty: 'audio',
		});
		expect(result.items[0].json).toMatchObject({
			duration: 1.2,
			word_timestamps: [
				expect.objectContaining({ word: 'Hello' }),
				expect.anything(),
				expect.anything(),
			],
		});
		expect(result.items[0].binary?.audio.mimeType).toBe('audio/mpeg');
		expect(JSON.parse(api()[0].body)).toEqual({
			text: 'Hello there friend',
			voice_id: 'voice_en_sara',
			speed: 1.5,
		});
		const long = await run({
			resource: 'voice',
			operation: 'generateSpeech',
			text: 'x'.repeat(5001),
			speechVoiceId: 'voice_en_sara',
		});
		expect(long.error?.message).toContain('at most 5000');
	});

	it('designs voices from a prompt', async () => {
		const result = await run({ resource: 'voice', operation: 'design', prompt: 'A calm narrator' });
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items.length).toBeLessThanOrEqual(3);
	});

	it('clones from a binary sample (uploaded first), waits until complete, then deletes it (twice is fine)', async () => {
		const result = await run(
			{
				resource: 'voice',
				operation: 'clone',
				voiceName: 'My voice',
				sampleFrom: 'binary',
				sampleBinaryProperty: 'data',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ input: sample() },
		);
		expect(result.items[0].json).toMatchObject({ name: 'My voice', status: 'complete' });
		const posts = api()
			.filter((entry) => entry.method === 'POST')
			.map((entry) => entry.path);
		expect(posts).toEqual(['/v3/assets', '/v3/voices/clone']);
		const clone = JSON.parse(api().find((entry) => entry.path === '/v3/voices/clone')!.body);
		expect(clone).toEqual({
			voice_name: 'My voice',
			audio: { type: 'asset_id', asset_id: expect.stringMatching(/^asset_/) },
		});
		const id = String(result.items[0].json.voice_id);
		expect(
			(await run({ resource: 'voice', operation: 'delete', voiceId: id })).items[0].json,
		).toEqual({ voice_id: id, deleted: true });
		expect(
			(await run({ resource: 'voice', operation: 'delete', voiceId: id })).items[0].json,
		).toEqual({ voice_id: id, deleted: true, alreadyDeleted: true });
	});

	it('reports a failed clone with its reason, and refuses an unsupported sample before any request', async () => {
		const failed = await run(
			{
				resource: 'voice',
				operation: 'clone',
				voiceName: 'Noisy',
				sampleFrom: 'url',
				sampleUrl: 'https://cdn.example.com/fail.mp3',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ continueOnFail: true },
		);
		expect(failed.items[0].json.error).toContain('too much background noise');
		emulator.current.clearLog();
		const wrong = await run(
			{
				resource: 'voice',
				operation: 'clone',
				voiceName: 'Doc',
				sampleFrom: 'binary',
				sampleBinaryProperty: 'data',
			},
			{ input: sample('zip', 'application/zip', 'notes.zip') },
		);
		expect(wrong.error?.message).toBe(
			'Sample Binary Property: "notes.zip" is not a file type HeyGen takes',
		);
		expect(api()).toHaveLength(0);
	});
});
