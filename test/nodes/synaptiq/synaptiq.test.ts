/** Synaptiq node and trigger in n8n-core's engine against the Synaptiq emulator. */
import { createHmac } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { SynaptiqTrigger } from '../../../nodes/Synaptiq/SynaptiqTrigger.node';
import { resetPacing } from '../../../nodes/shared/pacing';
import { startEmulator, TEST_KEYS } from '../../emulators';
import type { Emulator } from '../../emulators/core';
import { engineLog } from '../../harness/leak-guard';
import { serveTriggerWebhook } from '../../harness/webhook';
import { NODE_NAME, runNode } from '../../harness/workflows';

let emulator: Emulator;
const { liveRead, liveWrite, liveAdmin, testAdmin } = TEST_KEYS.synaptiq;

beforeAll(async () => {
	emulator = await startEmulator('synaptiq');
});
afterAll(async () => {
	await emulator.close();
});
beforeEach(() => {
	emulator.reset();
	resetPacing();
});

async function run(
	parameters: INodeParameters,
	options: { key?: string; keyScope?: string; items?: number; continueOnFail?: boolean } = {},
) {
	const result = await runNode({
		type: 'synaptiq',
		parameters,
		credentialType: 'synaptiqApi',
		credentials: {
			apiKey: options.key ?? liveAdmin,
			baseUrl: emulator.baseUrl,
			keyScope: options.keyScope ?? 'unknown',
		},
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
	return {
		items: result.output(NODE_NAME),
		error: result.error(NODE_NAME) as
			(Error & { description?: string; httpCode?: string }) | undefined,
	};
}
const calls = () => emulator.log.filter((entry) => entry.path.startsWith('/api/v1/'));
const lastBody = () => JSON.parse(calls().at(-1)!.body) as Record<string, unknown>;

const createLead = (email: string, extra: INodeParameters = {}) =>
	run(
		{
			resource: 'lead',
			operation: 'create',
			email,
			name: 'Ada Lovelace',
			additionalFields: {
				company: 'Analytical Engines',
				tags: 'vip, beta',
				customFields: '{"plan":"pro"}',
			},
			...extra,
		},
		{ key: liveWrite },
	);

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
		emulator.clearLog();
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

describe('Scopes', () => {
	// Every operation with the scope it needs (docs/api/synaptiq.md "Auth") and the parameters to run it.
	const operations: Array<[string, 'read' | 'write' | 'admin', INodeParameters]> = [
		['lead list', 'read', { resource: 'lead', operation: 'getAll', returnAll: false, limit: 1 }],
		[
			'lead search',
			'read',
			{ resource: 'lead', operation: 'search', query: 'x', returnAll: false, limit: 1 },
		],
		[
			'conversation list',
			'read',
			{ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 1 },
		],
		['analytics', 'read', { resource: 'analytics', operation: 'getOverview', granularity: 'day' }],
		[
			'lead create',
			'write',
			{ resource: 'lead', operation: 'create', email: 'scope@example.com', name: 'Scope' },
		],
		[
			'chat',
			'write',
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v1', message: 'Hi' },
		],
		[
			'lead delete',
			'admin',
			{ resource: 'lead', operation: 'delete', leadId: 'lead_00000000000000000000000000' },
		],
		[
			'webhook list',
			'admin',
			{ resource: 'webhook', operation: 'getAll', returnAll: false, limit: 1 },
		],
		[
			'webhook create',
			'admin',
			{
				resource: 'webhook',
				operation: 'create',
				url: 'https://hooks.example.com/x',
				events: ['lead.created'],
			},
		],
	];
	const keys = { read: liveRead, write: liveWrite, admin: liveAdmin } as const;
	const rank = { read: 0, write: 1, admin: 2 };

	it.each(
		operations.flatMap(([name, needed, parameters]) =>
			(['read', 'write', 'admin'] as const).map(
				(keyScope) => [name, needed, keyScope, parameters] as const,
			),
		),
	)('%s (needs %s) with a %s key', async (_name, needed, keyScope, parameters) => {
		const result = await run(parameters, { key: keys[keyScope] });
		if (rank[keyScope] >= rank[needed]) {
			// Allowed: Synaptiq answered (404 for the made-up lead id is fine); no 403.
			expect(calls().every((entry) => entry.status !== 403)).toBe(true);
		} else {
			expect(result.error?.httpCode).toBe('403');
			expect(result.error?.description).toContain(`the operation needs a ${needed}-scope key`);
		}
	});

	it('with the key scope set in the credential, refuses before any request, naming the scope', async () => {
		const result = await run(
			{ resource: 'lead', operation: 'delete', leadId: 'lead_x' },
			{ key: liveWrite, keyScope: 'write' },
		);
		expect(result.error?.message).toBe(
			"This operation needs a admin-scope Synaptiq key; the credential's key is write-scope",
		);
		expect(calls()).toHaveLength(0);
	});
});

describe('Chat and Conversation', () => {
	it('sends messages in one session, links the lead from an email, and reads the conversation', async () => {
		const first = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'visitor-1',
				message: 'What does the pro plan cost?',
				chatOptions: { language: 'en', metadata: '{"page":"/pricing"}' },
			},
			{ key: liveWrite },
		);
		const reply = first.items[0].json;
		expect(reply).toMatchObject({
			role: 'assistant',
			sessionId: expect.stringMatching(/^sess_/),
			visitorId: 'visitor-1',
			content: expect.any(String),
		});
		expect(lastBody()).toEqual({
			message: 'What does the pro plan cost?',
			visitorId: 'visitor-1',
			language: 'en',
			metadata: { page: '/pricing' },
		});
		const second = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'visitor-1',
				message: 'Send it to me@corp.example',
				chatOptions: { sessionId: String(reply.sessionId) },
			},
			{ key: liveWrite },
		);
		expect(second.items[0].json.leadId).toMatch(/^lead_/);

		const conversations = await run(
			{
				resource: 'conversation',
				operation: 'getAll',
				returnAll: true,
				conversationFilters: { channel: 'api', status: 'active' },
				conversationSort: { sortBy: 'messageCount', sortOrder: 'desc' },
			},
			{ key: liveRead },
		);
		expect(conversations.items).toHaveLength(1);
		const conversation = conversations.items[0].json;
		expect(conversation).toMatchObject({
			messageCount: 4,
			leadId: second.items[0].json.leadId,
			intents: ['pricing_inquiry'],
		});
		expect(calls().at(-1)?.query).toEqual({
			channel: 'api',
			status: 'active',
			sortBy: 'messageCount',
			sortOrder: 'desc',
			page: '1',
			limit: '100',
		});

		const got = await run(
			{ resource: 'conversation', operation: 'get', conversationId: String(conversation.id) },
			{ key: liveRead },
		);
		expect(got.items[0].json.id).toBe(conversation.id);
		const messages = await run(
			{
				resource: 'conversation',
				operation: 'getMessages',
				conversationId: String(conversation.id),
				returnAll: true,
			},
			{ key: liveRead },
		);
		expect(messages.items.map((item) => item.json.role)).toEqual([
			'user',
			'assistant',
			'user',
			'assistant',
		]);
	});

	it('rejects an over-long message and a bad language before any request', async () => {
		const long = await run(
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v', message: 'x'.repeat(4001) },
			{ key: liveWrite },
		);
		expect(long.error?.message).toContain('Message must be at most 4,000 characters');
		const language = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'v',
				message: 'hi',
				chatOptions: { language: 'english' },
			},
			{ key: liveWrite },
		);
		expect(language.error?.message).toContain('ISO 639-1');
		expect(calls()).toHaveLength(0);
	});

	it('reports a closed session as a conflict', async () => {
		const first = await run(
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v', message: 'hello' },
			{ key: liveWrite },
		);
		const conversationId = String(
			(
				await run(
					{ resource: 'conversation', operation: 'getAll', returnAll: true },
					{ key: liveRead },
				)
			).items[0].json.id,
		);
		(emulator.hooks.close as (environment: string, id: string) => void)('live', conversationId);
		const again = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'v',
				message: 'still there?',
				chatOptions: { sessionId: String(first.items[0].json.sessionId) },
			},
			{ key: liveWrite },
		);
		expect(again.error?.httpCode).toBe('409');
	});
});

describe('Analytics', () => {
	it('gets the overview with dates, granularity and comparison', async () => {
		await createLead('ada@example.com');
		const today = new Date().toISOString().slice(0, 10);
		const result = await run(
			{
				resource: 'analytics',
				operation: 'getOverview',
				startDate: `${today}T00:00:00`,
				endDate: `${today}T00:00:00`,
				granularity: 'week',
				compareWith: 'previous_period',
			},
			{ key: liveRead },
		);
		expect(result.items[0].json).toMatchObject({
			period: { startDate: today, endDate: today },
			summary: { totalLeads: 1 },
			comparison: { totalLeads: 0 },
			timeSeries: [expect.objectContaining({ period: today, leads: 1 })],
		});
		expect(calls().at(-1)?.query).toEqual({
			granularity: 'week',
			startDate: today,
			endDate: today,
			compareWith: 'previous_period',
		});
	});

	it('refuses a start after the end before any request', async () => {
		const result = await run(
			{
				resource: 'analytics',
				operation: 'getOverview',
				startDate: '2026-11-10',
				endDate: '2026-11-01',
				granularity: 'day',
			},
			{ key: liveRead },
		);
		expect(result.error?.message).toBe('Start Date must not be after End Date');
		expect(calls()).toHaveLength(0);
	});
});

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

describe('Synaptiq Trigger', () => {
	async function trigger(key: string, parameters: Record<string, unknown> = {}) {
		return await serveTriggerWebhook({
			type: 'synaptiqTrigger',
			nodeType: new SynaptiqTrigger(),
			parameters: {
				events: ['lead.created', 'lead.qualified'],
				verifySignature: true,
				toleranceSeconds: 300,
				manualSecret: '',
				...parameters,
			},
			credentialType: 'synaptiqApi',
			credentials: { apiKey: key, baseUrl: emulator.baseUrl, keyScope: 'unknown' },
		});
	}
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 20));
	};

	it('registers itself, receives signed events, and unregisters on deactivation', async () => {
		const hook = await trigger(liveAdmin);
		try {
			expect(await hook.lifecycle('checkExists')).toBe(false);
			expect(await hook.lifecycle('create')).toBe(true);
			const registration = calls().find(
				(entry) => entry.method === 'POST' && entry.path === '/api/v1/webhooks',
			)!;
			const sent = JSON.parse(registration.body) as {
				url: string;
				events: string[];
				secret: string;
			};
			expect(sent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//);
			expect(sent.events).toEqual(['lead.created', 'lead.qualified']);
			expect(sent.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
			// The id and secret are kept in the workflow's static data for the deliveries and for deactivation.
			const registered = JSON.parse(
				calls().find((entry) => entry.path === '/api/v1/webhooks')!.responseBody!,
			) as { id: string };
			expect(JSON.stringify(hook.workflow.staticData)).toContain(sent.secret);
			expect(JSON.stringify(hook.workflow.staticData)).toContain(registered.id);
			expect(await hook.lifecycle('checkExists')).toBe(true);

			const lead = await createLead('ada@example.com');
			await run(
				{
					resource: 'lead',
					operation: 'update',
					leadId: String(lead.items[0].json.id),
					updateFields: { status: 'contacted' },
				},
				{ key: liveWrite },
			);
			await settle(1);
			expect(emulator.deliveries).toHaveLength(1);
			expect(emulator.deliveries[0].headers['x-synaptiq-signature']).toMatch(
				/^t=\d+,v1=[0-9a-f]{64}$/,
			);
			const started = hook.calls.filter((call) => call.result?.workflowData);
			expect(started).toHaveLength(1);
			expect(started[0].result!.workflowData![0][0].json).toMatchObject({
				type: 'lead.created',
				id: expect.stringMatching(/^evt_/),
				apiVersion: '2026-01-15',
				data: { email: 'ada@example.com' },
			});

			expect(await hook.lifecycle('delete')).toBe(true);
			expect(calls().at(-1)).toMatchObject({
				method: 'DELETE',
				path: expect.stringMatching(/^\/api\/v1\/webhooks\/wh_/),
				status: 200,
			});
			const listed = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
			expect(listed.items).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('reads the snake_case envelope too', async () => {
		emulator.config.snakeCaseEnvelope = true;
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			await createLead('ada@example.com');
			await settle(1);
			const event = hook.calls.find((call) => call.result?.workflowData)!.result!
				.workflowData![0][0].json;
			expect(event).toMatchObject({ type: 'lead.created', createdAt: expect.any(String) });
		} finally {
			await hook.close();
		}
	});

	it('refuses forged, stale and unsigned deliveries with 401', async () => {
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			const secret = (
				JSON.parse(calls().find((entry) => entry.path === '/api/v1/webhooks')!.body) as {
					secret: string;
				}
			).secret;
			const body = JSON.stringify({
				id: 'evt_1',
				type: 'lead.created',
				createdAt: new Date().toISOString(),
				data: {},
			});
			const sign = (t: number, key: string) =>
				`t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
			const now = Math.floor(Date.now() / 1000);
			for (const header of [
				sign(now, 'whsec_forged0000000000000000000000'),
				sign(now - 600, secret),
				undefined,
			]) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(header ? { 'x-synaptiq-signature': header } : {}),
					},
					body,
				});
				expect(response.status).toBe(401);
			}
			const good = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-synaptiq-signature': sign(now, secret) },
				body,
			});
			expect(good.status).toBe(200);
			expect(hook.calls.filter((call) => call.result?.workflowData)).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	it.each(['timestamped', 'hex', 'sha256'])(
		'accepts a delivery signed in the %s format',
		async (format) => {
			emulator.config.signatureFormat = format;
			const hook = await trigger(liveAdmin);
			try {
				await hook.lifecycle('create');
				await createLead('ada@example.com');
				await settle(1);
				const header = emulator.deliveries[0].headers['x-synaptiq-signature'];
				expect(header).toMatch(
					{
						timestamped: /^t=\d+,v1=[0-9a-f]{64}$/,
						hex: /^[0-9a-f]{64}$/,
						sha256: /^sha256=[0-9a-f]{64}$/,
					}[format]!,
				);
				expect(hook.calls[0].status).toBe(200);
				expect(hook.calls.filter((call) => call.result?.workflowData)).toHaveLength(1);
			} finally {
				await hook.close();
			}
		},
	);

	it('says in every 401 why: no header, unknown format, mismatch, too old', async () => {
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			const secret = (
				JSON.parse(calls().find((entry) => entry.path === '/api/v1/webhooks')!.body) as {
					secret: string;
				}
			).secret;
			const body = JSON.stringify({
				id: 'evt_3',
				type: 'lead.created',
				createdAt: new Date().toISOString(),
				data: {},
			});
			const hex = (key: string) => createHmac('sha256', key).update(body).digest('hex');
			const stale = Math.floor(Date.now() / 1000) - 600;
			const logged = engineLog.length;
			const cases: Array<[string | undefined, string]> = [
				[undefined, 'no X-Synaptiq-Signature header'],
				[
					'v2:abc',
					'the signature has an unknown format (expected t=…,v1=…, sha256=… or a hex HMAC)',
				],
				[`sha256=${hex('whsec_someoneElse000000000000000000')}`, 'the signature does not match'],
				[
					`t=${stale},v1=${createHmac('sha256', secret).update(`${stale}.${body}`).digest('hex')}`,
					'the delivery is too old (or from the future)',
				],
			];
			for (const [header, reason] of cases) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(header ? { 'x-synaptiq-signature': header } : {}),
					},
					body,
				});
				expect(response.status).toBe(401);
				const answer = await response.text();
				expect(JSON.parse(answer)).toEqual({ error: `Signature rejected: ${reason}` });
				expect(answer).not.toContain(secret);
			}
			expect(
				engineLog
					.slice(logged)
					.filter((line) => line.message.startsWith('Synaptiq Trigger refused a delivery:'))
					.map((line) => line.message.split(': ').slice(1).join(': ')),
			).toEqual(cases.map(([, reason]) => reason));
		} finally {
			await hook.close();
		}
	});

	it('tells a non-admin user to add the URL in the dashboard', async () => {
		const hook = await trigger(liveWrite);
		try {
			await expect(hook.lifecycle('create')).rejects.toThrow(
				'This Synaptiq key cannot register webhooks (admin scope needed)',
			);
		} finally {
			await hook.close();
		}
	});

	it('with a dashboard secret, verifies with it and registers nothing', async () => {
		const manualSecret = 'whsec_dashboardSecret0123456789abcdef';
		const hook = await trigger(liveRead, { manualSecret });
		try {
			expect(await hook.lifecycle('create')).toBe(true);
			expect(calls()).toHaveLength(0);
			const body = JSON.stringify({
				id: 'evt_2',
				type: 'lead.qualified',
				created_at: '2026-11-22T10:00:00Z',
				data: { lead_id: 'lead_1' },
			});
			const t = Math.floor(Date.now() / 1000);
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-synaptiq-signature': `t=${t},v1=${createHmac('sha256', manualSecret).update(`${t}.${body}`).digest('hex')}`,
				},
				body,
			});
			expect(response.status).toBe(200);
			expect(hook.calls[0].result?.workflowData?.[0][0].json).toEqual({
				id: 'evt_2',
				type: 'lead.qualified',
				createdAt: '2026-11-22T10:00:00Z',
				apiVersion: null,
				data: { lead_id: 'lead_1' },
			});
		} finally {
			await hook.close();
		}
	});
});
