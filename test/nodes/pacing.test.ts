/**
 * Requests per Minute paces a credential's calls so a run stays under the plan's limit; without
 * it the node still loses no item, it just waits out the 429s.
 */
import { TEST_KEYS } from '../emulators';
import { NODE_NAME, runNode, useEmulator } from '../harness/workflows';

const ITEMS = 24;
const LIMIT = 1200; // per minute: one request every 50 ms

const emulator = useEmulator('sync', (current) => {
	// A limit enforced per second: a burst of 2, then one request per 50 ms.
	current.config.otherPerMinute = LIMIT;
	// A burst of 4 absorbs the bunching a busy machine's event loop causes; an unpaced run still hits 429s.
	current.config.burst = 4;
});

function listModels(requestsPerMinute: number) {
	return runNode({
		type: 'sync',
		credentialType: 'syncApi',
		credentials: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.current.baseUrl },
		parameters: {
			resource: 'model',
			operation: 'getAll',
			requestOptions: { requestsPerMinute, maxRetries: 20 },
		},
		items: ITEMS,
		continueOnFail: true,
	});
}

test('with pacing, no request is rate-limited and starts are spaced by the limit', async () => {
	const run = await listModels(LIMIT);
	expect(run.output(NODE_NAME).filter((item) => item.json.error)).toEqual([]);
	expect(emulator.current.log).toHaveLength(ITEMS);
	expect(emulator.current.log.filter((entry) => entry.status === 429)).toHaveLength(0);
	// Starts are 60 000 / 1200 = 50 ms apart (2 % more, by design); arrival times jitter a little.
	const span = emulator.current.log[ITEMS - 1].at - emulator.current.log[0].at;
	expect(span).toBeGreaterThanOrEqual((ITEMS - 1) * 50 * 0.9);
});

test('without Requests per Minute, a limit stricter than Sync publishes (a burst of 4 a second) costs 429s that are waited out, and no item is lost', async () => {
	const run = await listModels(0);
	const items = run.output(NODE_NAME);
	expect(items.filter((item) => item.json.error)).toEqual([]);
	expect(new Set(items.map((item) => (item.pairedItem as { item: number }).item)).size).toBe(ITEMS);
	expect(emulator.current.log.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
	expect(emulator.current.log.filter((entry) => entry.status === 200)).toHaveLength(ITEMS);
});

test('pacing is shared by every node run on the same credential in the process', async () => {
	const [first, second] = await Promise.all([listModels(LIMIT), listModels(LIMIT)]);
	expect(
		[...first.output(NODE_NAME), ...second.output(NODE_NAME)].filter((item) => item.json.error),
	).toEqual([]);
	expect(emulator.current.log.filter((entry) => entry.status === 429)).toHaveLength(0);
});

test('Sync limits per IP address: two keys behind one n8n share one pace (keyed by Base URL, not by key)', async () => {
	const withKey = (apiKey: string) =>
		runNode({
			type: 'sync',
			credentialType: 'syncApi',
			credentials: { apiKey, baseUrl: emulator.current.baseUrl },
			parameters: {
				resource: 'model',
				operation: 'getAll',
				requestOptions: { requestsPerMinute: LIMIT, maxRetries: 20 },
			},
			items: ITEMS / 2,
			continueOnFail: true,
		});
	const [first, second] = await Promise.all([
		withKey(TEST_KEYS.sync.valid),
		withKey(TEST_KEYS.sync.other),
	]);
	expect(
		[...first.output(NODE_NAME), ...second.output(NODE_NAME)].filter((item) => item.json.error),
	).toEqual([]);
	expect(new Set(emulator.current.log.map((entry) => entry.headers['x-api-key'])).size).toBe(2);
	expect(emulator.current.log.filter((entry) => entry.status === 429)).toHaveLength(0);
});

test("Sync's 429 is per address and endpoint, and its body has no errorCode (the rate-limit guide)", async () => {
	Object.assign(emulator.current.config, { createPerMinute: 2, burst: 0 });
	const create = (apiKey: string) =>
		fetch(`${emulator.current.baseUrl}/v2/generate`, {
			method: 'POST',
			headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
			body: '{}',
		});
	// Two requests with one key and a third with another key: one bucket for the address.
	expect((await create(TEST_KEYS.sync.valid)).status).toBe(400);
	expect((await create(TEST_KEYS.sync.valid)).status).toBe(400);
	const limited = await create(TEST_KEYS.sync.other);
	expect(limited.status).toBe(429);
	expect(await limited.json()).toEqual({
		statusCode: 429,
		message: 'Rate limit exceeded. Please try again later.',
		error: 'Too Many Requests',
	});
	// Reads of the same address have their own bucket.
	expect(
		(
			await fetch(`${emulator.current.baseUrl}/v2/generate/missing`, {
				headers: { 'x-api-key': TEST_KEYS.sync.other },
			})
		).status,
	).toBe(404);
});
