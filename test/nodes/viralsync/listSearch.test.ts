/** The render job picker (Get / Cancel / Delete): From List pages through GET /v1/jobs, By ID as before. */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ViralSync } from '../../../nodes/ViralSync/ViralSync.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const KEY = TEST_KEYS.viralsync.enterprise;
// Jobs stay queued until the test moves the clock; no window limit gets in the way of seeding.
const emulator = useEmulator('viralsync', (current) =>
	Object.assign(current.config, { clock: 'manual', requestsPerWindow: 10_000 }),
);
const run = nodeRunner('viralSync', 'viralSyncApi', emulator, KEY);

/** Creates render jobs straight at the emulator; answers their ids, oldest first. */
async function seedJobs(
	count: number,
	title = (index: number) => `Clip ${index}`,
): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const response = await fetch(`${emulator.current.baseUrl}/v1/render/jobs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': KEY },
			body: JSON.stringify({
				kind: 'movie',
				projectId: 'proj_1',
				movie: { title: title(index), scenes: [{ id: 'intro', duration: 1 }] },
			}),
		});
		ids.push(((await response.json()) as { jobId: string }).jobId);
	}
	emulator.current.clearLog();
	return ids;
}

function searchContext(): LoadOptionsContext {
	const node: INode = {
		id: 'vs',
		name: 'ViralSync',
		type: 'CUSTOM.viralSync',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { viralSyncApi: { id: '1', name: 'ViralSync' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const credentialsHelper = new TestCredentialsHelper({
		viralSyncApi: { apiKey: KEY, baseUrl: emulator.current.baseUrl },
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper }),
		'parameters.jobId',
	);
}

const search = (filter?: string, paginationToken?: string) =>
	new ViralSync().methods.listSearch.searchRenderJobs.call(
		searchContext(),
		filter,
		paginationToken,
	);

describe('Render job picker', () => {
	it('lists render jobs newest first, naming title, ID, status and creation time', async () => {
		const ids = await seedJobs(3);
		const { results, paginationToken } = await search();
		expect(results.map((result) => result.value)).toEqual([...ids].reverse());
		expect(results[0].name).toMatch(
			new RegExp(`^Clip 2 \\(${ids[2]}\\) · queued · \\d{4}-\\d{2}-\\d{2}T`),
		);
		expect(paginationToken).toBeUndefined();
		expect(emulator.current.log[0]).toMatchObject({ method: 'GET', path: '/v1/jobs' });
		expect(emulator.current.log[0].query).toEqual({ type: 'render', limit: '100' });
	});

	it('filters on the typed text (title, ID or status)', async () => {
		const ids = await seedJobs(
			3,
			(index) => ['Launch teaser', 'Weekly recap', 'Launch full'][index],
		);
		expect((await search('launch')).results.map((result) => result.value)).toEqual([
			ids[2],
			ids[0],
		]);
		expect((await search(ids[1])).results.map((result) => result.value)).toEqual([ids[1]]);
		expect((await search('no such job')).results).toEqual([]);
	});

	it('pages with the cursor ViralSync answered', async () => {
		const ids = await seedJobs(103);
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search(undefined, first.paginationToken as string);
		expect(second.results.map((result) => result.value)).toEqual(ids.slice(0, 3).reverse());
		expect(second.paginationToken).toBeUndefined();
		expect(emulator.current.log.map((entry) => entry.query)).toEqual([
			{ type: 'render', limit: '100' },
			{ type: 'render', limit: '100', cursor: first.paginationToken },
		]);
	});

	it('is the Render Job field of Get, Cancel and Delete, and a picked job is used by its ID', async () => {
		const fields = new ViralSync().description.properties.filter(
			(property: INodeProperties) => property.name === 'jobId',
		);
		expect(fields.map((field) => [field.type, field.displayOptions?.show?.operation])).toEqual([
			['resourceLocator', ['get']],
			['resourceLocator', ['cancel']],
			['resourceLocator', ['delete']],
		]);
		const [id] = await seedJobs(1);
		const result = await run({
			resource: 'renderJob',
			operation: 'get',
			jobId: { __rl: true, mode: 'list', value: id, cachedResultName: 'Clip 0' },
		});
		expect(result.items[0].json).toMatchObject({ jobId: id, status: 'queued' });
		expect(emulator.current.log.at(-1)).toMatchObject({ method: 'GET', path: `/v1/jobs/${id}` });
	});
});
