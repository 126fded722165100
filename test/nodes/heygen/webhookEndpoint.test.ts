/** HeyGen Webhook Endpoint operations in n8n-core's engine against the HeyGen emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
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
