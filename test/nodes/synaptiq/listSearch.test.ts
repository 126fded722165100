/**
 * The lead and conversation pickers: "From List" pages through GET /leads (Synaptiq's own search for
 * typed text) and GET /conversations by page number; a picked or typed ID is what the operations send.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Synaptiq } from '../../../nodes/Synaptiq/Synaptiq.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const { liveRead, liveWrite } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq', (current) => {
	// Seeding goes through the API: lift the Starter write bucket and the create/chat caps for it.
	current.config.scopeLimits = { starter: { read: 10_000, write: 10_000, admin: 10_000 } };
	current.config.endpointCaps = { 'lead-create': { starter: 10_000 }, chat: { starter: 10_000 } };
});
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveRead, {
	credentials: { keyScope: 'unknown' },
});

async function post(path: string, body: object): Promise<Record<string, unknown>> {
	const response = await fetch(`${emulator.current.baseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${liveWrite}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(response.ok).toBe(true);
	return (await response.json()) as Record<string, unknown>;
}

/** Creates leads; answers their ids, oldest first (Synaptiq lists newest first). */
async function seedLeads(
	leads: Array<{ name: string; email: string; company?: string }>,
): Promise<string[]> {
	const ids: string[] = [];
	for (const lead of leads) ids.push(String((await post('/leads', lead)).id));
	emulator.current.clearLog();
	return ids;
}

/** Starts one conversation per message; answers the conversation ids in the messages' order. */
async function seedConversations(messages: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const [index, message] of messages.entries())
		ids.push(
			String((await post('/chat', { message, visitorId: `visitor-${index}` })).conversationId),
		);
	emulator.current.clearLog();
	return ids;
}

function searchContext(parameter: string): LoadOptionsContext {
	const node: INode = {
		id: 'sq',
		name: 'Synaptiq',
		type: 'CUSTOM.synaptiq',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { synaptiqApi: { id: '1', name: 'Synaptiq' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const credentialsHelper = new TestCredentialsHelper({
		synaptiqApi: { apiKey: liveRead, baseUrl: emulator.current.baseUrl, keyScope: 'unknown' },
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper }),
		`parameters.${parameter}`,
	);
}

const { searchLeads, searchConversations } = new Synaptiq().methods.listSearch;
const leads = (filter?: string, paginationToken?: string) =>
	searchLeads.call(searchContext('leadId'), filter, paginationToken);
const conversations = (filter?: string, paginationToken?: string) =>
	searchConversations.call(searchContext('conversationId'), filter, paginationToken);
const queries = () =>
	emulator.current.log.map((entry) => ({ path: entry.path, query: entry.query }));

describe('Lead picker (searchLeads)', () => {
	it('lists leads newest first as "Name <email>", from GET /leads', async () => {
		const ids = await seedLeads([
			{ name: 'Ada Lovelace', email: 'ada@example.com' },
			{ name: 'Grace Hopper', email: 'grace@example.com' },
		]);
		const { results, paginationToken } = await leads();
		expect(results).toEqual([
			{ name: 'Grace Hopper <grace@example.com>', value: ids[1] },
			{ name: 'Ada Lovelace <ada@example.com>', value: ids[0] },
		]);
		expect(paginationToken).toBeUndefined();
		expect(queries()).toEqual([{ path: '/api/v1/leads', query: { page: '1', limit: '100' } }]);
	});

	it("filters on the typed text with Synaptiq's search (email, name, company)", async () => {
		const ids = await seedLeads([
			{ name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
			{ name: 'Grace Hopper', email: 'grace@navy.example', company: 'US Navy' },
			{ name: 'Alan Turing', email: 'alan@example.com', company: 'Bletchley' },
		]);
		expect((await leads('grace')).results).toEqual([
			{ name: 'Grace Hopper <grace@navy.example>', value: ids[1] },
		]);
		expect((await leads(' analytical ')).results.map((result) => result.value)).toEqual([ids[0]]);
		expect((await leads('nobody')).results).toEqual([]);
		expect(queries()).toEqual([
			{ path: '/api/v1/leads/search', query: { q: 'grace', page: '1', limit: '100' } },
			{ path: '/api/v1/leads/search', query: { q: 'analytical', page: '1', limit: '100' } },
			{ path: '/api/v1/leads/search', query: { q: 'nobody', page: '1', limit: '100' } },
		]);
	});

	it('pages with the page number, listing and searching', async () => {
		const ids = await seedLeads(
			Array.from({ length: 103 }, (_, index) => ({
				name: `Lead ${index}`,
				email: `lead${index}@example.com`,
			})),
		);
		const first = await leads();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await leads(undefined, first.paginationToken as string);
		expect(second.results.map((result) => result.value)).toEqual(ids.slice(0, 3).reverse());
		expect(second.paginationToken).toBeUndefined();

		const found = await leads('lead', '2');
		expect(found.results).toHaveLength(3);
		expect(found.paginationToken).toBeUndefined();
		expect(queries()).toEqual([
			{ path: '/api/v1/leads', query: { page: '1', limit: '100' } },
			{ path: '/api/v1/leads', query: { page: '2', limit: '100' } },
			{ path: '/api/v1/leads/search', query: { q: 'lead', page: '2', limit: '100' } },
		]);
	});
});

describe('Conversation picker (searchConversations)', () => {
	it('lists conversations from GET /conversations, naming subject, ID, channel and status', async () => {
		const ids = await seedConversations(['What does the pro plan cost?', 'Can I book a demo?']);
		const { results, paginationToken } = await conversations();
		expect(results.map((result) => result.value).sort()).toEqual([...ids].sort());
		expect(results.find((result) => result.value === ids[0])?.name).toBe(
			`What does the pro plan cost? (${ids[0]}) · api, active`,
		);
		expect(paginationToken).toBeUndefined();
		expect(queries()).toEqual([
			{ path: '/api/v1/conversations', query: { page: '1', limit: '100' } },
		]);
	});

	it('filters each page on the typed text (subject or ID): Synaptiq has no conversation search', async () => {
		const ids = await seedConversations([
			'What does the pro plan cost?',
			'Can I book a demo?',
			'Pro plan seats',
		]);
		expect((await conversations('PRO PLAN')).results.map((result) => result.value).sort()).toEqual(
			[ids[0], ids[2]].sort(),
		);
		expect((await conversations(ids[1])).results.map((result) => result.value)).toEqual([ids[1]]);
		expect((await conversations('nothing like this')).results).toEqual([]);
		expect(emulator.current.log.map((entry) => entry.query)).toEqual(
			Array.from({ length: 3 }, () => ({ page: '1', limit: '100' })),
		);
	});

	it('pages with the page number', async () => {
		await seedConversations(Array.from({ length: 101 }, (_, index) => `Question ${index}`));
		const first = await conversations();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await conversations(undefined, '2');
		expect(second.results).toHaveLength(1);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((result) => result.value)).size).toBe(
			101,
		);
		expect(emulator.current.log.map((entry) => entry.query)).toEqual([
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
		]);
	});
});

describe('The pickers in the operations', () => {
	it('are the Lead field of Get, Update, Delete and the conversation filter, and the Conversation field of Get and Get Messages', () => {
		const properties = new Synaptiq().description.properties;
		const shape = (field: INodeProperties) => [
			field.type,
			field.displayOptions?.show?.resource,
			field.displayOptions?.show?.operation,
			field.modes?.map((mode) => mode.name),
			field.modes?.[0].typeOptions?.searchListMethod,
		];
		expect(properties.filter((property) => property.name === 'leadId').map(shape)).toEqual(
			['get', 'update', 'delete'].map((operation) => [
				'resourceLocator',
				['lead'],
				[operation],
				['list', 'id'],
				'searchLeads',
			]),
		);
		expect(properties.filter((property) => property.name === 'conversationId').map(shape)).toEqual(
			['get', 'getMessages'].map((operation) => [
				'resourceLocator',
				['conversation'],
				[operation],
				['list', 'id'],
				'searchConversations',
			]),
		);
		const filters = properties.find((property) => property.name === 'conversationFilters')!;
		const lead = (filters.options as INodeProperties[]).find((option) => option.name === 'leadId')!;
		expect([lead.type, lead.required, lead.modes?.[0].typeOptions?.searchListMethod]).toEqual([
			'resourceLocator',
			false,
			'searchLeads',
		]);
		// The chat session stays a plain text field: empty starts a new conversation.
		const chatOptions = properties.find((property) => property.name === 'chatOptions')!;
		expect(
			(chatOptions.options as INodeProperties[]).find((option) => option.name === 'sessionId')
				?.type,
		).toBe('string');
	});

	it("send the picked lead's ID (From List or By ID)", async () => {
		const [id] = await seedLeads([{ name: 'Ada Lovelace', email: 'ada@example.com' }]);
		const picked = await run({
			resource: 'lead',
			operation: 'get',
			leadId: {
				__rl: true,
				mode: 'list',
				value: id,
				cachedResultName: 'Ada Lovelace <ada@example.com>',
			},
		});
		expect(picked.items[0].json).toMatchObject({ id, email: 'ada@example.com' });
		const typed = await run({
			resource: 'lead',
			operation: 'get',
			leadId: { __rl: true, mode: 'id', value: id },
		});
		expect(typed.items[0].json.id).toBe(id);
		expect(emulator.current.log.map((entry) => entry.path)).toEqual([
			`/api/v1/leads/${id}`,
			`/api/v1/leads/${id}`,
		]);
		// An ID that resolves to nothing (n8n itself refuses a plain empty one) fails before any request.
		const empty = await run({
			resource: 'lead',
			operation: 'get',
			leadId: { __rl: true, mode: 'id', value: '={{ "" }}' },
		});
		expect(empty.error?.message).toBe('Lead ID is required');
		expect(emulator.current.log).toHaveLength(2);
	});

	it("send the picked conversation's ID, and filter conversations by a picked lead", async () => {
		await post('/chat', { message: 'Hello, reach me at ada@example.com', visitorId: 'v1' });
		await post('/chat', { message: 'Just browsing', visitorId: 'v2' });
		emulator.current.clearLog();
		const all = await run({ resource: 'conversation', operation: 'getAll', returnAll: true });
		const withLead = all.items.find((item) => item.json.leadId)!.json as {
			id: string;
			leadId: string;
		};

		const byLead = await run({
			resource: 'conversation',
			operation: 'getAll',
			returnAll: true,
			conversationFilters: { leadId: { __rl: true, mode: 'list', value: withLead.leadId } },
		});
		expect(byLead.items.map((item) => item.json.id)).toEqual([withLead.id]);
		expect(emulator.current.log.at(-1)?.query).toEqual({
			leadId: String(withLead.leadId),
			page: '1',
			limit: '100',
		});
		// A Lead filter added but left empty sends no leadId.
		await run({
			resource: 'conversation',
			operation: 'getAll',
			returnAll: true,
			conversationFilters: { leadId: { __rl: true, mode: 'list', value: '' }, status: 'active' },
		});
		expect(emulator.current.log.at(-1)?.query).toEqual({
			status: 'active',
			page: '1',
			limit: '100',
		});

		const got = await run({
			resource: 'conversation',
			operation: 'get',
			conversationId: { __rl: true, mode: 'list', value: withLead.id },
		});
		expect(got.items[0].json.id).toBe(withLead.id);
		const messages = await run({
			resource: 'conversation',
			operation: 'getMessages',
			conversationId: { __rl: true, mode: 'id', value: withLead.id },
			returnAll: true,
		});
		expect(messages.items.map((item) => item.json.role)).toEqual(['user', 'assistant']);
		expect(emulator.current.log.slice(-2).map((entry) => entry.path)).toEqual([
			`/api/v1/conversations/${String(withLead.id)}`,
			`/api/v1/conversations/${String(withLead.id)}/messages`,
		]);
	});
});
