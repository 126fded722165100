/** Synaptiq Lead operations in n8n-core's engine against the Synaptiq emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { leadToCreate } from './fixtures';

const { liveRead, liveWrite, liveAdmin, testAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));
const lastBody = () => JSON.parse(calls().at(-1)!.body) as Record<string, unknown>;
const createLead = (email: string, extra: INodeParameters = {}) =>
	run(leadToCreate(email, extra), { key: liveWrite });

describe('Lead', () => {
	it('creates a lead with a write key', async () => {
		const result = await createLead('ada@example.com');
		expect(result.items[0].json).toMatchObject({
			id: expect.stringMatching(/^lead_[0-9A-Z]{26}$/),
			email: 'ada@example.com',
			status: 'new',
			source: 'api',
			tags: ['vip', 'beta'],
			customFields: { plan: 'pro' },
		});
		expect(calls()[0]).toMatchObject({ method: 'POST', path: '/api/v1/leads', status: 201 });
		expect(calls()[0].headers.authorization).toBe(`Bearer ${liveWrite}`);
		expect(lastBody()).toEqual({
			email: 'ada@example.com',
			name: 'Ada Lovelace',
			company: 'Analytical Engines',
			tags: ['vip', 'beta'],
			customFields: { plan: 'pro' },
		});
	});

	it('turns a duplicate email (409) into a clear error', async () => {
		await createLead('ada@example.com');
		const again = await createLead('ada@example.com');
		expect(again.error?.message).toBe('A Synaptiq lead with email ada@example.com already exists');
		expect(again.error?.description).toContain('If Lead Exists');
	});

	it('with "If Lead Exists: Update", updates the existing lead instead', async () => {
		const first = await createLead('ada@example.com');
		emulator.current.clearLog();
		const again = await run(
			{
				resource: 'lead',
				operation: 'create',
				email: 'ada@example.com',
				name: 'Ada King',
				additionalFields: { title: 'Countess' },
				ifExists: 'update',
			},
			{ key: liveWrite },
		);
		expect(again.items[0].json).toMatchObject({
			id: first.items[0].json.id,
			name: 'Ada King',
			title: 'Countess',
		});
		expect(calls().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			'POST /api/v1/leads 409',
			'GET /api/v1/leads/search 200',
			`PATCH /api/v1/leads/${String(first.items[0].json.id)} 200`,
		]);
		expect(lastBody()).toEqual({ name: 'Ada King', title: 'Countess' });
	});

	it('gets, updates, searches, lists and deletes', async () => {
		const id = String((await createLead('grace@example.com')).items[0].json.id);
		await createLead('alan@example.com');
		const got = await run({ resource: 'lead', operation: 'get', leadId: id }, { key: liveRead });
		expect(got.items[0].json).toMatchObject({ id, conversations: [] });

		const updated = await run(
			{
				resource: 'lead',
				operation: 'update',
				leadId: id,
				updateFields: { status: 'qualified', phone: '+1 555 0100' },
			},
			{ key: liveWrite },
		);
		expect(updated.items[0].json).toMatchObject({ status: 'qualified', phone: '+1 555 0100' });
		expect(lastBody()).toEqual({ status: 'qualified', phone: '+1 555 0100' });

		const found = await run(
			{ resource: 'lead', operation: 'search', query: 'grace', returnAll: true },
			{ key: liveRead },
		);
		expect(found.items.map((item) => item.json.email)).toEqual(['grace@example.com']);
		expect(calls().at(-1)?.query).toEqual({ q: 'grace', page: '1', limit: '100' });

		const listed = await run(
			{ resource: 'lead', operation: 'getAll', returnAll: true, filters: { status: 'qualified' } },
			{ key: liveRead },
		);
		expect(listed.items.map((item) => item.json.id)).toEqual([id]);

		const deleted = await run({ resource: 'lead', operation: 'delete', leadId: id });
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		expect(calls().at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/leads/${id}` });
	});

	it('never mixes environments: a live id is not found with a sandbox key', async () => {
		const id = String((await createLead('ada@example.com')).items[0].json.id);
		const result = await run(
			{ resource: 'lead', operation: 'get', leadId: id },
			{ key: testAdmin },
		);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain(
			'Sandbox (sk_test_) and live (sk_live_) keys see separate data',
		);
	});

	it.each([
		['a bad email', { email: 'not-an-email' }, 'is not a valid email address'],
		[
			'a long company',
			{ additionalFields: { company: 'x'.repeat(201) } },
			'Company must be at most 200 characters',
		],
		[
			'a long phone',
			{ additionalFields: { phone: '1'.repeat(51) } },
			'Phone must be at most 50 characters',
		],
		[
			'bad custom fields',
			{ additionalFields: { customFields: '[1]' } },
			'Custom Fields must be a JSON object',
		],
	])('rejects %s before any request', async (_case, extra, message) => {
		const result = await createLead('ada@example.com', extra as INodeParameters);
		expect(result.error?.message).toContain(message);
		expect(calls()).toHaveLength(0);
	});
});
