/** Synaptiq Webhook operations in n8n-core's engine against the Synaptiq emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const { liveAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));
const lastBody = () => JSON.parse(calls().at(-1)!.body) as Record<string, unknown>;

describe('Webhook', () => {
	it('creates with a generated whsec_ secret, lists without secrets, deletes', async () => {
		const created = await run({
			resource: 'webhook',
			operation: 'create',
			url: 'https://hooks.example.com/in',
			events: ['lead.created', 'meeting.booked'],
		});
		const webhook = created.items[0].json;
		expect(webhook).toMatchObject({
			id: expect.stringMatching(/^wh_/),
			status: 'active',
			secret: expect.stringMatching(/^whsec_[A-Za-z0-9]{32}$/),
		});
		expect(lastBody()).toEqual({
			url: 'https://hooks.example.com/in',
			events: ['lead.created', 'meeting.booked'],
			secret: webhook.secret,
		});
		const listed = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(listed.items).toEqual([
			{ json: expect.not.objectContaining({ secret: expect.anything() }), pairedItem: { item: 0 } },
		]);
		const deleted = await run({
			resource: 'webhook',
			operation: 'delete',
			webhookId: String(webhook.id),
		});
		expect(deleted.items[0].json).toEqual({ id: webhook.id, deleted: true });
	});

	it('refuses a non-HTTPS URL before any request', async () => {
		const result = await run({
			resource: 'webhook',
			operation: 'create',
			url: 'http://hooks.example.com/in',
			events: ['lead.created'],
		});
		expect(result.error?.message).toContain('URL must be an https:// URL');
		expect(calls()).toHaveLength(0);
	});
});
