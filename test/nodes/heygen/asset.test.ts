/** HeyGen Asset operations in n8n-core's engine against the HeyGen emulator. */
import { TEST_KEYS } from '../../emulators';
import { fileItem } from '../../harness/files';
import { type NodeRunError, nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));

test('Asset: a small file goes multipart, a large one through the streamed direct upload; get, get many, delete', async () => {
	const uploaded = await run(
		{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
		{ input: fileItem('png', 'image/png', 'logo.png', 10_000) },
	);
	expect(uploaded.items[0].json).toMatchObject({
		asset_id: expect.stringMatching(/^asset_/),
		mime_type: 'image/png',
		size_bytes: 10_000,
	});
	expect(api()[0].headers['content-type']).toMatch(/^multipart\/form-data/);

	emulator.current.clearLog();
	const big = await run(
		{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
		{ input: fileItem('mp4', 'video/mp4', 'long.mp4', 33 * 1024 * 1024) },
	);
	expect(big.error).toBeUndefined();
	expect(
		emulator.current.log.map(
			(entry) => `${entry.method} ${entry.path.replace(/asset_[0-9a-f]+/, ':id')} ${entry.status}`,
		),
	).toEqual([
		'POST /v3/assets/direct-uploads 200',
		'PUT /__heygen-upload/:id 200',
		'POST /v3/assets/:id/complete 200',
	]);
	expect(emulator.current.log[1].headers).toMatchObject({
		'content-type': 'video/mp4',
		'x-amz-meta-asset': expect.stringMatching(/^asset_/),
	});
	expect(emulator.current.log[1].headers['x-api-key']).toBeUndefined();

	const id = String(uploaded.items[0].json.asset_id);
	expect(
		(await run({ resource: 'asset', operation: 'get', assetId: id })).items[0].json,
	).toMatchObject({ id, type: 'image' });
	expect(
		(
			await run({
				resource: 'asset',
				operation: 'getAll',
				username: 'emulator_user',
				returnAll: true,
			})
		).items,
	).toHaveLength(2);
	expect(
		(await run({ resource: 'asset', operation: 'delete', assetId: id })).items[0].json,
	).toEqual({ id });

	emulator.current.clearLog();
	const unsupported = await run(
		{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
		{ input: fileItem('zip', 'application/zip', 'x.zip') },
	);
	expect(unsupported.error?.message).toBe(
		'Binary Property: "x.zip" is not a file type HeyGen takes',
	);
	expect((unsupported.error as NodeRunError).description).toContain(
		'match no supported type (labelled application/zip)',
	);
	expect(emulator.current.log).toHaveLength(0);
});
