/** Sync Asset operations in n8n-core's engine against the Sync emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { apiCalls, binaryItem, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

describe('Asset', () => {
	it('uploads a binary: presign, PUT without the key, register', async () => {
		const bytes = Buffer.alloc(70_000, 5);
		const run = await sync(
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data', assetName: 'Intro clip' },
			{
				input: [binaryItem({ data: { bytes, mimeType: 'video/mp4', fileName: 'intro.mp4' } })],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			id: expect.any(String),
			type: 'VIDEO',
			name: 'Intro clip',
			inputType: 'UPLOAD',
		});
		const [presign, put, register] = emulator.current.log;
		expect(jsonBody(presign)).toEqual({
			fileName: 'intro.mp4',
			contentType: 'video/mp4',
			size: 70_000,
		});
		expect(put).toMatchObject({ method: 'PUT', status: 200 });
		expect(put.headers['content-type']).toBe('video/mp4');
		expect(put.headers['content-length']).toBe('70000');
		expect(put.headers['x-api-key']).toBeUndefined();
		expect(jsonBody(register)).toEqual({
			url: expect.stringContaining('/__uploads/'),
			name: 'Intro clip',
		});
	});

	it('registers from a URL, gets, lists with cursors and deletes', async () => {
		const ids: string[] = [];
		for (const name of ['a.mp4', 'b.mp3', 'c.mp4']) {
			const run = await sync({
				resource: 'asset',
				operation: 'register',
				assetUrl: `https://cdn.example.com/${name}`,
				assetName: name,
			});
			ids.push(String(run.items[0].json.id));
		}
		expect(jsonBody(apiCalls(emulator.current)[1])).toEqual({
			url: 'https://cdn.example.com/b.mp3',
			name: 'b.mp3',
		});
		const got = await sync({
			resource: 'asset',
			operation: 'get',
			assetId: ids[1],
		});
		expect(got.items[0].json).toMatchObject({ id: ids[1], type: 'AUDIO' });

		emulator.current.clearLog();
		const videos = await sync({
			resource: 'asset',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			assetFilters: { types: ['VIDEO'] },
		});
		expect(videos.items.map((item) => item.json.name)).toEqual(['c.mp4']);
		expect(emulator.current.log[0].query).toEqual({ types: 'VIDEO', limit: '1' });

		emulator.current.clearLog();
		const all = await sync({
			resource: 'asset',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.items).toHaveLength(3);

		const deleted = await sync({
			resource: 'asset',
			operation: 'delete',
			assetId: ids[0],
		});
		expect(deleted.items[0].json).toMatchObject({ id: ids[0], deleted: true });
		const gone = await sync({
			resource: 'asset',
			operation: 'get',
			assetId: ids[0],
		});
		expect(gone.error?.httpCode).toBe('404');
	});
});

describe('bad input fails before any request, naming the field', () => {
	it('a missing binary property on Asset → Upload', async () => {
		const run = await sync({
			resource: 'asset',
			operation: 'upload',
			binaryProperty: 'nope',
		});
		expect(run.error?.message).toContain('Binary Property: the item has no binary data "nope"');
		expect(emulator.current.log).toHaveLength(0);
	});
});
