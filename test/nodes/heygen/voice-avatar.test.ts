/** HeyGen voice and avatar creation, rename and deletion against the holder.current. */

import { TEST_KEYS } from '../../emulators';
import { fileItem, type TestFileKind } from '../../harness/files';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const holder = useEmulator('heygen', (emulator) => (emulator.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', holder, TEST_KEYS.heygen.valid);

const api = () => holder.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const sample = (kind: TestFileKind = 'mp3', mimeType = 'audio/mpeg', fileName = 'sample.mp3') =>
	fileItem(kind, mimeType, fileName);

describe('Voice', () => {
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
		holder.current.clearLog();
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

describe('Avatar Look and Avatar Group', () => {
	it('creates a photo avatar from a URL and waits for training; renames and deletes it', async () => {
		const created = await run({
			resource: 'avatarLook',
			operation: 'createPhoto',
			avatarName: 'Me',
			mediaFrom: 'url',
			mediaUrl: 'https://cdn.example.com/me.png',
			waitForCompletion: 'poll',
			pollInterval: 0.05,
			waitTimeout: 1,
		});
		expect(created.items[0].json).toMatchObject({
			avatar_type: 'photo_avatar',
			status: 'completed',
		});
		expect(JSON.parse(api()[0].body)).toEqual({
			type: 'photo',
			name: 'Me',
			file: { type: 'url', url: 'https://cdn.example.com/me.png' },
		});
		expect(api()[0].headers['idempotency-key']).toMatch(/^n8n-/);
		const lookId = String(created.items[0].json.id);
		expect(
			(await run({ resource: 'avatarLook', operation: 'update', lookId, newName: 'Me, smiling' }))
				.items[0].json.name,
		).toBe('Me, smiling');
		expect(
			(await run({ resource: 'avatarLook', operation: 'delete', lookId })).items[0].json,
		).toEqual({ id: lookId });
		// Its last look gone, the group went with it.
		const groups = await run({
			resource: 'avatarGroup',
			operation: 'getAll',
			returnAll: true,
			avatarFilters: { ownership: 'private' },
		});
		expect(groups.items).toHaveLength(0);
	});

	it('creates a digital twin from a binary (stops at pending_consent) and from a prompt; deletes a group', async () => {
		const twin = await run(
			{
				resource: 'avatarLook',
				operation: 'createDigitalTwin',
				avatarName: 'Twin',
				mediaFrom: 'binary',
				mediaBinaryProperty: 'data',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
			{ input: sample('mp4', 'video/mp4', 'twin.mp4') },
		);
		expect(twin.items[0].json).toMatchObject({
			avatar_type: 'digital_twin',
			status: 'pending_consent',
		});
		const prompt = await run({
			resource: 'avatarLook',
			operation: 'createFromPrompt',
			avatarName: 'Robot',
			avatarPrompt: 'A friendly robot presenter',
		});
		expect(prompt.items[0].json).toMatchObject({
			status: 'processing',
			avatar_group: expect.objectContaining({ name: 'Robot' }),
		});
		const groupId = String((prompt.items[0].json.avatar_group as { id: string }).id);
		expect(
			(await run({ resource: 'avatarGroup', operation: 'delete', groupId })).items[0].json,
		).toEqual({ id: groupId });
		const publicGroup = await run({
			resource: 'avatarGroup',
			operation: 'delete',
			groupId: 'grp_public_anna',
		});
		expect(publicGroup.error?.httpCode).toBe('403');
	});
});
