/** Sync Batch operations in n8n-core's engine against the Sync emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { AUDIO, VIDEO, apiCalls, binaryItem, jsonBody } from './fixtures';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

const payload = (index: number) => ({
	model: 'lipsync-2',
	input: [
		{ type: 'video', url: `${VIDEO}?n=${index}` },
		{ type: 'audio', url: AUDIO },
	],
});

describe('Batch', () => {
	it('validates 20 incoming items as one dry-run batch, paired with every item', async () => {
		const run = await sync(
			{ resource: 'batch', operation: 'create', rowsFrom: 'items', dryRun: true },
			{
				input: Array.from({ length: 20 }, (_, index) => ({ json: payload(index) })),
			},
		);
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toEqual({ status: 'VALIDATED' });
		expect((run.items[0].pairedItem as Array<{ item: number }>).map((pair) => pair.item)).toEqual(
			Array.from({ length: 20 }, (_, index) => index),
		);
		const body = jsonBody(apiCalls(emulator.current)[0]);
		expect(body.dry_run).toBe(true);
		expect((body.rows as Array<Record<string, unknown>>)[3]).toEqual({
			request_id: '4',
			endpoint: '/v2/generate',
			payload: payload(3),
		});
	});

	it('creates a batch from full JSONL-line items with a webhook, then gets and lists it', async () => {
		// The batch stays PENDING until the test moves its clock: the list below cannot race it.
		emulator.current.config.clock = 'manual';
		const input = Array.from({ length: 20 }, (_, index) => ({
			json: { request_id: `row-${index}`, endpoint: '/v2/generate', payload: payload(index) },
		}));
		const run = await sync(
			{
				resource: 'batch',
				operation: 'create',
				rowsFrom: 'items',
				webhookUrl: 'https://hooks.example.com/batch',
			},
			{ input },
		);
		const batch = run.items[0].json;
		expect(batch).toMatchObject({
			id: expect.stringMatching(/^batch_/),
			status: 'PENDING',
			metrics: { total_generations: 20 },
		});
		expect(jsonBody(apiCalls(emulator.current)[0])).toMatchObject({
			webhook_url: 'https://hooks.example.com/batch',
			dry_run: false,
		});

		const got = await sync({
			resource: 'batch',
			operation: 'get',
			batchId: String(batch.id),
		});
		expect(got.items[0].json.id).toBe(batch.id);
		const listed = await sync({
			resource: 'batch',
			operation: 'getAll',
			batchFilters: { status: ['PENDING', 'JOBS_CREATED'] },
		});
		expect(listed.items.map((item) => item.json.id)).toEqual([batch.id]);
		expect(apiCalls(emulator.current).at(-1)?.query).toEqual({ status: 'PENDING,JOBS_CREATED' });

		emulator.current.advance(3);
		const done = await sync({
			resource: 'batch',
			operation: 'get',
			batchId: String(batch.id),
		});
		expect(done.items[0].json).toMatchObject({
			status: 'COMPLETED',
			metrics: { success_count: 20 },
		});
		const none = await sync({
			resource: 'batch',
			operation: 'getAll',
			batchFilters: { status: ['PENDING', 'JOBS_CREATED'] },
		});
		expect(none.items).toHaveLength(0);
	});

	it('sends a JSONL binary as the multipart input file', async () => {
		const jsonl = Array.from({ length: 20 }, (_, index) =>
			JSON.stringify({ request_id: index, endpoint: '/v2/generate', payload: payload(index) }),
		).join('\n');
		const run = await sync(
			{
				resource: 'batch',
				operation: 'create',
				rowsFrom: 'jsonl',
				jsonlBinaryProperty: 'data',
				dryRun: true,
			},
			{
				input: [
					binaryItem({
						data: {
							bytes: Buffer.from(jsonl),
							mimeType: 'application/jsonl',
							fileName: 'rows.jsonl',
						},
					}),
				],
			},
		);
		expect(run.items[0].json).toEqual({ status: 'VALIDATED' });
		const [request] = apiCalls(emulator.current);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(request.body).toContain('name="dry_run"\r\n\r\ntrue');
		expect(request.body).toContain('filename="rows.jsonl"');
	});

	it("surfaces Sync's row errors (line numbers)", async () => {
		const run = await sync(
			{ resource: 'batch', operation: 'create', rowsFrom: 'items', dryRun: true },
			{
				input: Array.from({ length: 20 }, (_, index) => ({
					json: index === 4 ? { model: 'lipsync-2', input: [] } : payload(index),
				})),
			},
		);
		expect(run.error?.httpCode).toBe('400');
		expect(run.error?.message).toContain('line 5: input must be a non-empty array');
	});
});
