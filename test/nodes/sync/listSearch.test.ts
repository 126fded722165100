/**
 * The Sync pickers' "From List" (listSearch methods) through n8n-core's load-options context
 * against the emulator: the models, and the assets searched with Sync's own query.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Sync } from '../../../nodes/Sync/Sync.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('sync', (current) => (current.config.stageMs = 60));
const sync = nodeRunner('sync', 'syncApi', emulator, TEST_KEYS.sync.valid);

describe('Model picker (searchModels)', () => {
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
});

describe('Asset picker (searchAssets)', () => {
	it("the asset picker searches with Sync's own query and pages with its cursor", async () => {
		for (let index = 0; index < 3; index++) {
			await sync({
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
