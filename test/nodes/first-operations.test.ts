/** The first read-only operation of each node, run in n8n-core's engine against its emulator. */
import { TEST_KEYS } from '../emulators';
import {
	credentialsFor,
	NODE_NAME,
	type NodeRunError,
	runNode,
	useAllEmulators,
} from '../harness/workflows';

const emulatorSet = useAllEmulators();

test('Sync Model → List emits one item per model, paired to the input item', async () => {
	const result = await runNode({
		type: 'sync',
		parameters: { resource: 'model', operation: 'getAll' },
		credentialType: 'syncApi',
		credentials: credentialsFor(emulatorSet.current.sync, TEST_KEYS.sync.valid),
	});
	const items = result.output(NODE_NAME);
	expect(items.map((item) => item.json.id)).toEqual([
		'lipsync-2',
		'lipsync-2-pro',
		'lipsync-1.9.0-beta',
		'react-1',
		'sync-3',
	]);
	expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	expect(emulatorSet.current.sync.log).toHaveLength(1);
	expect(emulatorSet.current.sync.log[0]).toMatchObject({
		method: 'GET',
		path: '/v2/models',
		status: 200,
	});
	expect(emulatorSet.current.sync.log[0].headers['x-api-key']).toBe(TEST_KEYS.sync.valid);
});

test('HeyGen User → Get Current unwraps the {data} envelope', async () => {
	const result = await runNode({
		type: 'heyGen',
		parameters: { resource: 'user', operation: 'getCurrent' },
		credentialType: 'heyGenApi',
		credentials: credentialsFor(emulatorSet.current.heygen, TEST_KEYS.heygen.valid),
	});
	const [item] = result.output(NODE_NAME);
	expect(item.json).toMatchObject({
		username: 'emulator_user',
		billing_type: 'wallet',
		wallet: { currency: 'usd', remaining_balance: 120.5 },
	});
	expect(emulatorSet.current.heygen.log[0].headers['x-api-key']).toBe(TEST_KEYS.heygen.valid);
});

test('ViralSync Account → Get returns /v1/me for each input item', async () => {
	const result = await runNode({
		type: 'viralSync',
		parameters: { resource: 'account', operation: 'get' },
		credentialType: 'viralSyncApi',
		credentials: credentialsFor(emulatorSet.current.viralsync, TEST_KEYS.viralsync.valid),
		items: 3,
	});
	const items = result.output(NODE_NAME);
	expect(items.map((item) => item.json)).toEqual(
		Array(3).fill({ userId: 'user_emu001', plan: 'pro', email: 'pro@example.com' }),
	);
	expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2]);
	expect(emulatorSet.current.viralsync.log.map((entry) => entry.path)).toEqual([
		'/v1/me',
		'/v1/me',
		'/v1/me',
	]);
});

test('SocialSyncer Account → Get Many passes the platform filter', async () => {
	const result = await runNode({
		type: 'socialSyncer',
		parameters: { resource: 'account', operation: 'getAll', platform: 'instagram' },
		credentialType: 'socialSyncerApi',
		credentials: credentialsFor(emulatorSet.current.socialsyncer, TEST_KEYS.socialsyncer.valid),
	});
	expect(result.output(NODE_NAME).map((item) => item.json.username)).toEqual(['emulator.brand']);
	expect(emulatorSet.current.socialsyncer.log[0].query).toEqual({ platform: 'instagram' });
	expect(emulatorSet.current.socialsyncer.log[0].headers.authorization).toBe(
		`Bearer ${TEST_KEYS.socialsyncer.valid}`,
	);
});

test('Synaptiq Lead → Get Many sends filters, sort and page/limit', async () => {
	const result = await runNode({
		type: 'synaptiq',
		parameters: {
			resource: 'lead',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { status: 'qualified', source: 'chat' },
			sort: { sortBy: 'score', sortOrder: 'asc' },
		},
		credentialType: 'synaptiqApi',
		credentials: credentialsFor(emulatorSet.current.synaptiq, TEST_KEYS.synaptiq.liveRead),
	});
	expect(result.error(NODE_NAME)).toBeUndefined();
	expect(result.output(NODE_NAME)).toEqual([]);
	expect(emulatorSet.current.synaptiq.log[0].query).toEqual({
		status: 'qualified',
		source: 'chat',
		sortBy: 'score',
		sortOrder: 'asc',
		page: '1',
		limit: '10',
	});
});

test('Synaptiq Lead → Get Many with Return All walks every page, and Limit stops early', async () => {
	const origin = emulatorSet.current.synaptiq.baseUrl;
	// Seeding goes through the API; lift the Starter write limit (60/min) and the POST /leads cap (30/min) for it.
	emulatorSet.current.synaptiq.config.scopeLimits = {
		starter: { read: 120, write: 10_000, admin: 30 },
	};
	emulatorSet.current.synaptiq.config.endpointCaps = { 'lead-create': { starter: 10_000 } };
	for (let index = 0; index < 230; index++) {
		const response = await fetch(`${origin}/leads`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${TEST_KEYS.synaptiq.liveWrite}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ email: `lead${index}@example.com`, name: `Lead ${index}` }),
		});
		expect(response.status).toBe(201);
	}
	emulatorSet.current.synaptiq.clearLog();
	const credentials = credentialsFor(emulatorSet.current.synaptiq, TEST_KEYS.synaptiq.liveRead);
	const all = await runNode({
		type: 'synaptiq',
		parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
		credentialType: 'synaptiqApi',
		credentials,
	});
	expect(all.output(NODE_NAME)).toHaveLength(230);
	expect(new Set(all.output(NODE_NAME).map((item) => item.json.id)).size).toBe(230);
	expect(emulatorSet.current.synaptiq.log.map((entry) => entry.query)).toEqual([
		{ page: '1', limit: '100' },
		{ page: '2', limit: '100' },
		{ page: '3', limit: '100' },
	]);

	emulatorSet.current.synaptiq.clearLog();
	const some = await runNode({
		type: 'synaptiq',
		parameters: { resource: 'lead', operation: 'getAll', returnAll: false, limit: 120 },
		credentialType: 'synaptiqApi',
		credentials,
	});
	expect(some.output(NODE_NAME)).toHaveLength(120);
	expect(emulatorSet.current.synaptiq.log.map((entry) => entry.query.page)).toEqual(['1', '2']);
});

test('sandbox and live keys see separate Synaptiq data', async () => {
	const origin = emulatorSet.current.synaptiq.baseUrl;
	await fetch(`${origin}/leads`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${TEST_KEYS.synaptiq.testAdmin}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({ email: 'sandbox@example.com', name: 'Sandbox Lead' }),
	});
	const list = (apiKey: string) =>
		runNode({
			type: 'synaptiq',
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
			credentialType: 'synaptiqApi',
			credentials: credentialsFor(emulatorSet.current.synaptiq, apiKey),
		});
	expect(
		(await list(TEST_KEYS.synaptiq.testAdmin)).output(NODE_NAME).map((item) => item.json.email),
	).toEqual(['sandbox@example.com']);
	expect((await list(TEST_KEYS.synaptiq.liveRead)).output(NODE_NAME)).toEqual([]);
});

test('a HeyGen error carries the request id HeyGen sent', async () => {
	const result = await runNode({
		type: 'heyGen',
		parameters: { resource: 'user', operation: 'getCurrent' },
		credentialType: 'heyGenApi',
		credentials: credentialsFor(emulatorSet.current.heygen, TEST_KEYS.heygen.noUserRead),
	});
	const error = result.error(NODE_NAME) as NodeRunError;
	expect(error.httpCode).toBe('403');
	expect(error.message).toContain('HeyGen: This API key is missing the user-read scope.');
	expect(error.description).toContain('video and voice operations may still work');
	expect(error.description).toMatch(/Request ID: req_[0-9a-f-]{36}/);
});

test('a Synaptiq scope error names the scope the operation needs', async () => {
	emulatorSet.current.synaptiq.addFault({
		kind: 'status',
		status: 403,
		body: {
			error: {
				code: 'forbidden',
				message: 'This API key does not have the required scope (write).',
				doc_url: 'x',
			},
		},
	});
	const result = await runNode({
		type: 'synaptiq',
		parameters: { resource: 'lead', operation: 'getAll', returnAll: false, limit: 5 },
		credentialType: 'synaptiqApi',
		credentials: credentialsFor(emulatorSet.current.synaptiq, TEST_KEYS.synaptiq.liveRead),
	});
	const error = result.error(NODE_NAME) as NodeRunError;
	expect(error.description).toContain('the operation needs a write-scope key');
});
