/** HeyGen Webhook Endpoint, Template, Video Translation and Asset operations against the holder.current. */

import { TEST_KEYS } from '../../emulators';
import { fileItem } from '../../harness/files';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const holder = useEmulator('heygen', (emulator) => (emulator.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', holder, TEST_KEYS.heygen.valid);

const api = () => holder.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const lastBody = () => JSON.parse(api().at(-1)!.body) as Record<string, unknown>;

test('Webhook Endpoint: create (secret shown once), get many, update, rotate, delete; event types and events', async () => {
	const created = (
		await run({
			resource: 'webhookEndpoint',
			operation: 'create',
			url: 'https://hooks.example.com/hg',
			events: ['avatar_video.success'],
		})
	).items[0].json;
	expect(created).toMatchObject({
		endpoint_id: expect.stringMatching(/^ep_/),
		secret: expect.stringMatching(/^whsec_/),
		events: ['avatar_video.success'],
		status: 'enabled',
	});
	expect(api()[0].headers['idempotency-key']).toMatch(/^n8n-/);
	const listed = await run({ resource: 'webhookEndpoint', operation: 'getAll', returnAll: true });
	expect(listed.items.map((item) => item.json.secret)).toEqual([null]);
	const updated = await run({
		resource: 'webhookEndpoint',
		operation: 'update',
		endpointId: String(created.endpoint_id),
		endpointUpdate: { events: ['avatar_video.fail'] },
	});
	expect(updated.items[0].json.events).toEqual(['avatar_video.fail']);
	expect(lastBody()).toEqual({ events: ['avatar_video.fail'] });
	const rotated = await run({
		resource: 'webhookEndpoint',
		operation: 'rotateSecret',
		endpointId: String(created.endpoint_id),
	});
	expect(rotated.items[0].json.secret).not.toBe(created.secret);
	const types = await run({ resource: 'webhookEndpoint', operation: 'getEventTypes' });
	expect(types.items).toHaveLength(30);
	const events = await run({
		resource: 'webhookEndpoint',
		operation: 'getEvents',
		returnAll: true,
		eventTypeFilter: 'avatar_video.success',
	});
	expect(events.items).toEqual([]);
	const deleted = await run({
		resource: 'webhookEndpoint',
		operation: 'delete',
		endpointId: String(created.endpoint_id),
	});
	expect(deleted.items[0].json).toEqual({ endpoint_id: created.endpoint_id, deleted: true });
	const bad = await run({
		resource: 'webhookEndpoint',
		operation: 'create',
		url: 'http://hooks.example.com/x',
		events: [],
	});
	expect(bad.error?.message).toBe('URL must be an https:// URL (got "http://hooks.example.com/x")');
});

test('Template: get many, get, generate with variables from the item, then wait for the video', async () => {
	const templates = await run({ resource: 'template', operation: 'getAll', returnAll: true });
	expect(templates.items.map((item) => item.json.id)).toEqual(['tpl_product_update']);
	const detail = await run({
		resource: 'template',
		operation: 'get',
		templateId: 'tpl_product_update',
	});
	expect(detail.items[0].json).toMatchObject({
		scene_ids: ['scene_1'],
		variables: { first_name: expect.any(Object) },
	});
	const generated = await run({
		resource: 'template',
		operation: 'generate',
		templateId: 'tpl_product_update',
		variables: { variable: [{ name: 'first_name', text: 'Ada' }] },
		variablesJson: '{}',
		generateOptions: { title: 'For Ada', fps: 30 },
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
	});
	expect(generated.items[0].json).toMatchObject({ status: 'completed', title: 'For Ada' });
	const generate = api().find((entry) => entry.method === 'POST')!;
	expect(JSON.parse(generate.body)).toEqual({
		variables: { first_name: { name: 'first_name', type: 'text', properties: { content: 'Ada' } } },
		title: 'For Ada',
		fps: 30,
	});
	const unknown = await run({
		resource: 'template',
		operation: 'generate',
		templateId: 'tpl_product_update',
		variables: { variable: [{ name: 'nickname', text: 'x' }] },
		variablesJson: '{}',
	});
	expect(unknown.error?.message).toContain('unknown variables: nickname');
});

test('Video Translation: one job per language, each waited for; get, get many, update, delete', async () => {
	const result = await run({
		resource: 'videoTranslation',
		operation: 'create',
		videoUrl: 'https://cdn.example.com/talk.mp4',
		outputLanguages: ['Spanish (Spain)', 'German (Germany)'],
		translationOptions: { mode: 'precision', title: 'Talk' },
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
	});
	expect(result.items.map((item) => [item.json.output_language, item.json.status])).toEqual([
		['Spanish (Spain)', 'completed'],
		['German (Germany)', 'completed'],
	]);
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	expect(JSON.parse(api()[0].body)).toEqual({
		video: { type: 'url', url: 'https://cdn.example.com/talk.mp4' },
		output_languages: ['Spanish (Spain)', 'German (Germany)'],
		mode: 'precision',
		title: 'Talk',
	});
	const id = String(result.items[0].json.id);
	expect(
		(await run({ resource: 'videoTranslation', operation: 'get', translationId: id })).items[0]
			.json,
	).toMatchObject({ id, video_url: expect.any(String) });
	expect(
		(await run({ resource: 'videoTranslation', operation: 'getAll', returnAll: true })).items,
	).toHaveLength(2);
	expect(
		(
			await run({
				resource: 'videoTranslation',
				operation: 'update',
				translationId: id,
				newTitle: 'Charla',
			})
		).items[0].json.title,
	).toBe('Charla');
	expect(
		(await run({ resource: 'videoTranslation', operation: 'delete', translationId: id })).items[0]
			.json,
	).toEqual({ id });
});

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

	holder.current.clearLog();
	const big = await run(
		{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
		{ input: fileItem('mp4', 'video/mp4', 'long.mp4', 33 * 1024 * 1024) },
	);
	expect(big.error).toBeUndefined();
	expect(
		holder.current.log.map(
			(entry) => `${entry.method} ${entry.path.replace(/asset_[0-9a-f]+/, ':id')} ${entry.status}`,
		),
	).toEqual([
		'POST /v3/assets/direct-uploads 200',
		'PUT /__heygen-upload/:id 200',
		'POST /v3/assets/:id/complete 200',
	]);
	expect(holder.current.log[1].headers).toMatchObject({
		'content-type': 'video/mp4',
		'x-amz-meta-asset': expect.stringMatching(/^asset_/),
	});
	expect(holder.current.log[1].headers['x-api-key']).toBeUndefined();

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

	holder.current.clearLog();
	const unsupported = await run(
		{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
		{ input: fileItem('zip', 'application/zip', 'x.zip') },
	);
	expect(unsupported.error?.message).toBe(
		'Binary Property: "x.zip" is not a file type HeyGen takes',
	);
	expect((unsupported.error as Error & { description?: string }).description).toContain(
		'match no supported type (labelled application/zip)',
	);
	expect(holder.current.log).toHaveLength(0);
});
