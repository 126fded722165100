/** Sync Batch, Asset and Model operations, the model dropdown, and bad input stopped before any request. */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { Sync } from '../../../nodes/Sync/Sync.node';
import {
	AUDIO,
	VIDEO,
	apiCalls,
	binaryItem,
	createByUrl,
	jsonBody,
	runSync,
	useSyncEmulator,
} from './setup';

const emulator = useSyncEmulator();

const payload = (index: number) => ({
	model: 'lipsync-2',
	input: [
		{ type: 'video', url: `${VIDEO}?n=${index}` },
		{ type: 'audio', url: AUDIO },
	],
});

describe('Batch', () => {
	it('validates 20 incoming items as one dry-run batch, paired with every item', async () => {
		const run = await runSync(
			emulator.current,
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
		const run = await runSync(
			emulator.current,
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

		const got = await runSync(emulator.current, {
			resource: 'batch',
			operation: 'get',
			batchId: String(batch.id),
		});
		expect(got.items[0].json.id).toBe(batch.id);
		const listed = await runSync(emulator.current, {
			resource: 'batch',
			operation: 'getAll',
			batchFilters: { status: ['PENDING', 'JOBS_CREATED'] },
		});
		expect(listed.items.map((item) => item.json.id)).toEqual([batch.id]);
		expect(apiCalls(emulator.current).at(-1)?.query).toEqual({ status: 'PENDING,JOBS_CREATED' });

		emulator.current.advance(3);
		const done = await runSync(emulator.current, {
			resource: 'batch',
			operation: 'get',
			batchId: String(batch.id),
		});
		expect(done.items[0].json).toMatchObject({
			status: 'COMPLETED',
			metrics: { success_count: 20 },
		});
		const none = await runSync(emulator.current, {
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
		const run = await runSync(
			emulator.current,
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
		const run = await runSync(
			emulator.current,
			{ resource: 'batch', operation: 'create', rowsFrom: 'items', dryRun: true },
			{
				input: Array.from({ length: 20 }, (_, index) => ({
					json: index === 4 ? { model: 'lipsync-2', input: [] } : payload(index),
				})),
			},
		);
		expect(run.nodeError?.httpCode).toBe('400');
		expect(run.nodeError?.message).toContain('line 5: input must be a non-empty array');
	});
});

describe('Asset', () => {
	it('uploads a binary: presign, PUT without the key, register', async () => {
		const bytes = Buffer.alloc(70_000, 5);
		const run = await runSync(
			emulator.current,
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data', assetName: 'Intro clip' },
			{
				input: [binaryItem({ data: { bytes, mimeType: 'video/mp4', fileName: 'intro.mp4' } })],
			},
		);
		expect(run.nodeError).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			id: expect.any(String),
			type: 'VIDEO',
			name: 'Intro clip',
			inputType: 'UPLOAD',
		});
		const [presign, put, register] = emulator.current.log;
		expect(jsonBody(presign)).toEqual({
			fileName: 'intro.mp4',
			contentType: 'video/mp4',
			size: 70_000,
		});
		expect(put).toMatchObject({ method: 'PUT', status: 200 });
		expect(put.headers['content-type']).toBe('video/mp4');
		expect(put.headers['content-length']).toBe('70000');
		expect(put.headers['x-api-key']).toBeUndefined();
		expect(jsonBody(register)).toEqual({
			url: expect.stringContaining('/__uploads/'),
			name: 'Intro clip',
		});
	});

	it('registers from a URL, gets, lists with cursors and deletes', async () => {
		const ids: string[] = [];
		for (const name of ['a.mp4', 'b.mp3', 'c.mp4']) {
			const run = await runSync(emulator.current, {
				resource: 'asset',
				operation: 'register',
				assetUrl: `https://cdn.example.com/${name}`,
				assetName: name,
			});
			ids.push(String(run.items[0].json.id));
		}
		expect(jsonBody(apiCalls(emulator.current)[1])).toEqual({
			url: 'https://cdn.example.com/b.mp3',
			name: 'b.mp3',
		});
		const got = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'get',
			assetId: ids[1],
		});
		expect(got.items[0].json).toMatchObject({ id: ids[1], type: 'AUDIO' });

		emulator.current.clearLog();
		const videos = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			assetFilters: { types: ['VIDEO'] },
		});
		expect(videos.items.map((item) => item.json.name)).toEqual(['c.mp4']);
		expect(emulator.current.log[0].query).toEqual({ types: 'VIDEO', limit: '1' });

		emulator.current.clearLog();
		const all = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.items).toHaveLength(3);

		const deleted = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'delete',
			assetId: ids[0],
		});
		expect(deleted.items[0].json).toMatchObject({ id: ids[0], deleted: true });
		const gone = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'get',
			assetId: ids[0],
		});
		expect(gone.nodeError?.httpCode).toBe('404');
	});
});

describe('Model', () => {
	it("fills the model dropdown from GET /v2/models through n8n-core's load-options context", async () => {
		const node: INode = {
			id: 'sync',
			name: 'Sync',
			type: 'CUSTOM.sync',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { syncApi: { id: '1', name: 'Sync' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new PackageNodeTypes(),
		});
		const credentialsHelper = new TestCredentialsHelper({
			syncApi: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.current.baseUrl },
		});
		const context = new LoadOptionsContext(
			workflow,
			node,
			additionalDataFor({ credentialsHelper }),
			'parameters.model',
		);
		const { results } = await new Sync().methods.listSearch.searchModels.call(context);
		expect(results.map((option) => option.value)).toEqual([
			'lipsync-2',
			'lipsync-2-pro',
			'lipsync-1.9.0-beta',
			'react-1',
			'sync-3',
		]);
		expect(results[0].name).toBe('Lipsync 2 (lipsync-2)');
		expect(emulator.current.log[0].path).toBe('/v2/models');
		// The typed text filters the list.
		expect(
			(await new Sync().methods.listSearch.searchModels.call(context, 'pro')).results.map(
				(option) => option.value,
			),
		).toEqual(['lipsync-2-pro']);
	});

	it("the asset picker searches with Sync's own query and pages with its cursor", async () => {
		for (let index = 0; index < 3; index++) {
			await runSync(emulator.current, {
				resource: 'asset',
				operation: 'register',
				assetUrl: `https://cdn.example.com/clip-${index}.mp4`,
				assetName: `clip ${index}`,
			});
		}
		const node: INode = {
			id: 'sync',
			name: 'Sync',
			type: 'CUSTOM.sync',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { syncApi: { id: '1', name: 'Sync' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new PackageNodeTypes(),
		});
		const credentialsHelper = new TestCredentialsHelper({
			syncApi: { apiKey: TEST_KEYS.sync.valid, baseUrl: emulator.current.baseUrl },
		});
		const context = new LoadOptionsContext(
			workflow,
			node,
			additionalDataFor({ credentialsHelper }),
			'parameters.assetId',
		);
		emulator.current.clearLog();
		const found = await new Sync().methods.listSearch.searchAssets.call(context, 'clip 1');
		expect(found.results.map((option) => option.name)).toEqual([expect.stringContaining('clip 1')]);
		expect(emulator.current.log[0].query).toMatchObject({ searchQuery: 'clip 1', limit: '100' });
	});
});

describe('bad input fails before any request, naming the field', () => {
	const json = (input: unknown[]) => ({
		...createByUrl,
		inputMode: 'json',
		inputJson: JSON.stringify(input),
	});
	it.each([
		['no video', { ...createByUrl, videoUrl: '' }, 'Video URL is required'],
		['no video in JSON', json([{ type: 'audio', url: AUDIO }]), 'exactly one video'],
		[
			'two audio inputs',
			json([
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: AUDIO },
				{ type: 'audio', url: AUDIO },
			]),
			'exactly one audio or text item',
		],
		[
			'audio and text together',
			json([
				{ type: 'video', url: VIDEO },
				{ type: 'audio', url: AUDIO },
				{ type: 'text', provider: { name: 'elevenlabs', voiceId: 'v', script: 's' } },
			]),
			'exactly one audio or text item',
		],
		[
			'temperature above 1',
			{ ...createByUrl, generationOptions: { temperature: 1.5 } },
			'Temperature must be between 0 and 1',
		],
		[
			'temperature below 0',
			{ ...createByUrl, generationOptions: { temperature: -0.1 } },
			'Temperature must be between 0 and 1',
		],
		[
			'a non-HTTPS webhook URL',
			{ ...createByUrl, generationOptions: { webhookUrl: 'http://hooks.example.com/x' } },
			'Webhook URL must be an https:// URL',
		],
		[
			'a bad output file name',
			{ ...createByUrl, generationOptions: { outputFileName: 'my video.mp4' } },
			'Output File Name may only contain',
		],
		[
			'a missing binary property',
			{ ...createByUrl, videoSource: 'binary', videoBinaryProperty: 'clip' },
			'Video Binary Property: the item has no binary data "clip"',
		],
	])('%s', async (_case, parameters, message) => {
		const run = await runSync(emulator.current, parameters);
		expect(run.nodeError?.name).toBe('NodeOperationError');
		expect(run.nodeError?.message).toContain(message);
		expect(emulator.current.log).toHaveLength(0);
	});

	it('a missing binary property on Asset → Upload', async () => {
		const run = await runSync(emulator.current, {
			resource: 'asset',
			operation: 'upload',
			binaryProperty: 'nope',
		});
		expect(run.nodeError?.message).toContain('Binary Property: the item has no binary data "nope"');
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('List filters in every encoding a Sync client sends', () => {
	const list = async (query: string) => {
		const response = await fetch(`${emulator.current.baseUrl}/v2/generations?${query}`, {
			headers: { 'x-api-key': TEST_KEYS.sync.valid },
		});
		return {
			status: response.status,
			body: (await response.json()) as Array<{ id: string; status: string }> & {
				message?: string[];
			},
		};
	};

	it('reads status as CSV (contract), repeated (Python SDK) and JSON (TypeScript SDK) alike; refuses unknown values', async () => {
		emulator.current.config.clock = 'manual';
		const created = await runSync(emulator.current, createByUrl);
		const id = String(created.items[0].json.id);
		for (const query of [
			'status=PENDING',
			'status=PENDING,COMPLETED',
			'status=PENDING&status=COMPLETED',
			`status=${encodeURIComponent('["PENDING"]')}`,
			`ids=${encodeURIComponent(JSON.stringify([id]))}`,
			`ids=${id}`,
		]) {
			const answer = await list(query);
			expect([query, answer.status, answer.body.map((generation) => generation.id)]).toEqual([
				query,
				200,
				[id],
			]);
		}
		expect((await list(`status=${encodeURIComponent('["COMPLETED"]')}`)).body).toEqual([]);
		for (const bad of [
			'status=BOGUS',
			'status=pending',
			`status=${encodeURIComponent('["PENDING","nope"]')}`,
		]) {
			const answer = await list(bad);
			expect([bad, answer.status]).toEqual([bad, 400]);
			expect(answer.body.message?.[0]).toMatch(/^status must be one of/);
		}
		// The node keeps sending the contract's form.
		await runSync(emulator.current, {
			resource: 'generation',
			operation: 'getAll',
			returnAll: true,
			filters: { status: ['PENDING', 'COMPLETED'] },
		});
		expect(apiCalls(emulator.current).at(-1)?.query.status).toBe('PENDING,COMPLETED');
	});
});
