/**
 * Items in flight at once (the Concurrency request option; 5 for reads by default, 1 for writes)
 * and pacing from the service's X-RateLimit-* headers, in n8n's engine against the Synaptiq
 * emulator, which answers after a fixed latency here so requests overlap.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { TEST_KEYS } from '../emulators';
import { NODE_NAME, runNode, useEmulator } from '../harness/workflows';
import type { NodeRunError } from '../harness/workflows';

// Each key has its own rate-limit bucket: seeding writes with one, the runs read with another.
const { liveRead, liveWrite } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');

async function seedLeads(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const response = await fetch(`${emulator.current.baseUrl}/leads`, {
			method: 'POST',
			headers: { authorization: `Bearer ${liveWrite}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: `lead${index}@example.com`, name: `Lead ${index}` }),
		});
		expect(response.status).toBe(201);
		ids.push(String(((await response.json()) as { id: string }).id));
	}
	emulator.current.clearLog();
	emulator.current.maxInFlight = 0;
	return ids;
}

function getLeads(
	leadIds: string[],
	options: {
		concurrency?: number;
		onError?: 'continueRegularOutput' | 'continueErrorOutput';
		abortSignal?: AbortSignal;
	} = {},
) {
	return runNode({
		type: 'synaptiq',
		credentialType: 'synaptiqApi',
		credentials: { apiKey: liveRead, baseUrl: emulator.current.baseUrl, keyScope: 'unknown' },
		parameters: {
			resource: 'lead',
			operation: 'get',
			leadId: '={{ $json.leadId }}',
			requestOptions: options.concurrency ? { concurrency: options.concurrency } : {},
		},
		items: leadIds.map((leadId) => ({ leadId })),
		onError: options.onError,
		abortSignal: options.abortSignal,
	});
}

const leadCalls = () => emulator.current.log.filter((entry) => entry.path.includes('/leads/'));
const paired = (items: INodeExecutionData[]) =>
	items.map((item) => (item.pairedItem as { item: number }).item);

describe('Concurrency', () => {
	it('runs 5 reads at once by default; the output keeps the input order and pairing', async () => {
		const ids = await seedLeads(12);
		emulator.current.config.latencyMs = 150;
		// The first item answers last: order comes from the input, not from the answers.
		emulator.current.addFault({
			kind: 'delay',
			delayMs: 600,
			method: 'GET',
			path: `/api/v1/leads/${ids[0]}`,
		});
		const run = await getLeads(ids);
		const items = run.output(NODE_NAME);
		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(paired(items)).toEqual(ids.map((_id, index) => index));
		expect(leadCalls()).toHaveLength(12);
		expect(emulator.current.maxInFlight).toBe(5);
	});

	it('honours the Concurrency option, and runs writes one at a time unless it is set', async () => {
		const ids = await seedLeads(6);
		emulator.current.config.latencyMs = 100;
		await getLeads(ids, { concurrency: 3 });
		expect(emulator.current.maxInFlight).toBe(3);

		emulator.current.maxInFlight = 0;
		const update = (concurrency?: number) =>
			runNode({
				type: 'synaptiq',
				credentialType: 'synaptiqApi',
				credentials: { apiKey: liveWrite, baseUrl: emulator.current.baseUrl, keyScope: 'unknown' },
				parameters: {
					resource: 'lead',
					operation: 'update',
					leadId: '={{ $json.leadId }}',
					updateFields: { status: 'qualified' },
					requestOptions: concurrency ? { concurrency } : {},
				},
				items: ids.map((leadId) => ({ leadId })),
			});
		const oneByOne = await update();
		expect(oneByOne.error(NODE_NAME)).toBeUndefined();
		expect(oneByOne.output(NODE_NAME).map((item) => item.json.status)).toEqual(
			Array(6).fill('qualified'),
		);
		expect(emulator.current.maxInFlight).toBe(1);
		emulator.current.maxInFlight = 0;
		await update(4);
		expect(emulator.current.maxInFlight).toBe(4);
	});

	it('with Continue On Fail, each failed item is an error item in its place', async () => {
		const ids = await seedLeads(6);
		emulator.current.config.latencyMs = 50;
		const input = [...ids];
		input[1] = 'lead_missing1';
		input[4] = 'lead_missing4';
		const run = await getLeads(input, { onError: 'continueRegularOutput' });
		const items = run.output(NODE_NAME);
		expect(paired(items)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(items.map((item) => (item.json.error ? 'error' : item.json.id))).toEqual([
			ids[0],
			'error',
			ids[2],
			ids[3],
			'error',
			ids[5],
		]);
		expect(String(items[1].json.error)).toMatch(/not found|404/i);
	});

	it('with the error output, failed items leave on it and the rest on the main output', async () => {
		const ids = await seedLeads(6);
		emulator.current.config.latencyMs = 50;
		const input = [...ids];
		input[2] = 'lead_missing2';
		const run = await getLeads(input, { onError: 'continueErrorOutput' });
		expect(paired(run.output(NODE_NAME, 0))).toEqual([0, 1, 3, 4, 5]);
		expect(run.output(NODE_NAME, 0).map((item) => item.json.id)).toEqual(
			[0, 1, 3, 4, 5].map((index) => ids[index]),
		);
		const failed = run.output(NODE_NAME, 1);
		expect(paired(failed)).toEqual([2]);
		expect(failed[0].json.error).toBeDefined();
	});

	it('without Continue On Fail, starts no new item after a failure and reports the first failed item', async () => {
		const ids = await seedLeads(20);
		emulator.current.config.latencyMs = 100;
		const input = [...ids];
		input[1] = 'lead_missing1';
		input[3] = 'lead_missing3';
		// Item 3 fails first; item 1 fails later, and it is the one reported.
		emulator.current.addFault({
			kind: 'delay',
			delayMs: 300,
			method: 'GET',
			path: '/api/v1/leads/lead_missing1',
		});
		const run = await getLeads(input);
		const error = run.error(NODE_NAME) as NodeRunError;
		expect(error).toBeDefined();
		expect(error.context?.itemIndex).toBe(1);
		expect(error.message).toMatch(/not found|404/i);
		// Lanes stop taking items once item 3 failed: far fewer than 20 were sent.
		expect(leadCalls().length).toBeLessThan(12);
	});

	it('cancelling the execution stops every item in flight, also those waiting out a 429', async () => {
		const ids = await seedLeads(10);
		emulator.current.addFault({
			kind: 'status',
			status: 429,
			retryAfter: 'seconds',
			retryAfterSeconds: 120,
			method: 'GET',
			path: '^/api/v1/leads/',
			times: -1,
		});
		const controller = new AbortController();
		const running = getLeads(ids, {
			onError: 'continueRegularOutput',
			abortSignal: controller.signal,
		});
		// Cancel once all five lanes wait on their 429 (steps of the emulator's log, not of time).
		while (leadCalls().length < 5) await new Promise((resolve) => setTimeout(resolve, 10));
		controller.abort();
		const run = await running;
		expect(run.run.status).toBe('canceled');
		expect(leadCalls()).toHaveLength(5);
	});
});

describe('Pacing from X-RateLimit-* headers (nothing set by the user)', () => {
	it('spreads the rest of the window once it runs low: no 429, no failed item', async () => {
		const ids = await seedLeads(30);
		// 20 reads per 3 s window: 30 reads at 5 at once would meet the limit within the first window.
		Object.assign(emulator.current.config, {
			scopeLimits: { starter: { read: 20, write: 20, admin: 20 } },
			windowMs: 3_000,
			latencyMs: 20,
		});
		const run = await getLeads(ids, { onError: 'continueRegularOutput' });
		const items = run.output(NODE_NAME);
		expect(items.filter((item) => item.json.error)).toEqual([]);
		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(leadCalls().filter((entry) => entry.status === 429)).toHaveLength(0);
		expect(leadCalls().map((entry) => entry.status)).toEqual(Array(30).fill(200));
		// 30 reads at 20 per window took two windows: the last started after the first window reset.
		expect(leadCalls()[29].at - leadCalls()[0].at).toBeGreaterThan(1_000);
	});
});
