/**
 * HeyGen Avatar Look operations (and the Avatar Group each look belongs to) in n8n-core's engine
 * against the HeyGen emulator.
 */
import { TEST_KEYS } from '../../emulators';
import { fileItem, type TestFileKind } from '../../harness/files';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const sample = (kind: TestFileKind = 'mp3', mimeType = 'audio/mpeg', fileName = 'sample.mp3') =>
	fileItem(kind, mimeType, fileName);

describe('Avatar Look and Avatar Group', () => {
	it('gets many looks with filters over cursor pages, gets a look and a group', async () => {
		const looks = await run({
			resource: 'avatarLook',
			operation: 'getAll',
			returnAll: true,
			avatarFilters: { group_id: 'grp_public_anna' },
		});
		expect(looks.items.map((item) => item.json.id)).toEqual([
			'Anna_public_office',
			'Anna_public_casual',
		]);
		emulator.current.clearLog();
		const paged = await run({
			resource: 'avatarLook',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(paged.items).toHaveLength(2);
		expect(api()[0].query).toEqual({ limit: '2' });
		const look = await run({
			resource: 'avatarLook',
			operation: 'get',
			lookId: 'Tom_public_studio',
		});
		expect(look.items[0].json).toMatchObject({
			id: 'Tom_public_studio',
			supported_api_engines: ['avatar_iv'],
		});
		const group = await run({
			resource: 'avatarGroup',
			operation: 'get',
			groupId: 'grp_public_tom',
		});
		expect(group.items[0].json).toMatchObject({ id: 'grp_public_tom', looks_count: 1 });
		const groups = await run({
			resource: 'avatarGroup',
			operation: 'getAll',
			returnAll: true,
			avatarFilters: { ownership: 'public' },
		});
		expect(groups.items).toHaveLength(2);
	});

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
