/**
 * The HeyGen pickers' "From List" (listSearch methods) through n8n-core's load-options context
 * against the emulator: what they list, how the typed text filters, and how they page with
 * HeyGen's cursor (`token` → `next_token`, `has_more`), asserted on the query parameters sent.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HeyGen } from '../../../nodes/HeyGen/HeyGen.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { fileItem } from '../../harness/files';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const run = nodeRunner('heyGen', 'heyGenApi', emulator, TEST_KEYS.heygen.valid);
const search = new HeyGen().methods.listSearch;

/** The emulator's cursor for "from row N on" (opaque to the node). */
const tokenAt = (offset: number) => Buffer.from(`t:${offset}`).toString('base64url');

function context(parameter: string): LoadOptionsContext {
	const node: INode = {
		id: 'h',
		name: 'HeyGen',
		type: 'CUSTOM.heyGen',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { heyGenApi: { id: '1', name: 'HeyGen' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const helper = new TestCredentialsHelper({
		heyGenApi: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulator.current.baseUrl },
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper: helper }),
		`parameters.${parameter}`,
	);
}

const queries = (path: string) =>
	emulator.current.log.filter((entry) => entry.path === path).map((entry) => entry.query);

/** The first page of a list answered by a fault: one row, and "more follows from row `offset`". */
function firstPage(path: string, row: Record<string, unknown>, offset: number): void {
	emulator.current.addFault({
		kind: 'status',
		status: 200,
		method: 'GET',
		path,
		times: 1,
		body: { data: [row], has_more: true, next_token: tokenAt(offset) },
	});
}

describe('Avatar look picker (searchAvatarLooks)', () => {
	it('lists the looks with their gender, type and engines, and filters on the typed text', async () => {
		const all = await search.searchAvatarLooks.call(context('lookId'));
		expect(all.results.map((result) => result.value)).toEqual([
			'Anna_public_office',
			'Anna_public_casual',
			'Tom_public_studio',
		]);
		expect(all.results[0]).toEqual({
			name: 'Anna in the office (female)',
			value: 'Anna_public_office',
			description: 'studio_avatar · engines: avatar_iv, avatar_iii',
		});
		expect(all.paginationToken).toBeUndefined();
		const tom = await search.searchAvatarLooks.call(context('lookId'), 'TOM');
		expect(tom.results.map((result) => result.value)).toEqual(['Tom_public_studio']);
		expect(queries('/v3/avatars/looks')).toEqual([{ limit: '50' }, { limit: '50' }]);
	});

	it("pages with HeyGen's cursor: next_token becomes the pagination token and is sent back as `token`", async () => {
		firstPage('/v3/avatars/looks', { id: 'Anna_public_office', name: 'Anna in the office' }, 2);
		const first = await search.searchAvatarLooks.call(context('lookId'));
		expect(first.results.map((result) => result.value)).toEqual(['Anna_public_office']);
		expect(first.paginationToken).toBe(tokenAt(2));
		const second = await search.searchAvatarLooks.call(
			context('lookId'),
			undefined,
			first.paginationToken,
		);
		expect(second.results.map((result) => result.value)).toEqual(['Tom_public_studio']);
		expect(second.paginationToken).toBeUndefined();
		expect(queries('/v3/avatars/looks')).toEqual([
			{ limit: '50' },
			{ limit: '50', token: tokenAt(2) },
		]);
	});

	it('reads on while a page has no match for the typed text', async () => {
		firstPage('/v3/avatars/looks', { id: 'Anna_public_office', name: 'Anna in the office' }, 2);
		const found = await search.searchAvatarLooks.call(context('lookId'), 'studio');
		expect(found.results.map((result) => result.value)).toEqual(['Tom_public_studio']);
		expect(queries('/v3/avatars/looks')).toEqual([
			{ limit: '50' },
			{ limit: '50', token: tokenAt(2) },
		]);
	});

	it('finds a look made a moment ago (nothing is cached)', async () => {
		await search.searchAvatarLooks.call(context('lookId'));
		await run({
			resource: 'avatarLook',
			operation: 'createFromPrompt',
			avatarName: 'Robot',
			avatarPrompt: 'A friendly robot presenter',
		});
		const found = await search.searchAvatarLooks.call(context('lookId'), 'robot');
		expect(found.results.map((result) => result.name)).toEqual(['Robot']);
	});
});

describe('Avatar group picker (searchAvatarGroups)', () => {
	it('lists the groups with their look counts, filters, and pages', async () => {
		const all = await search.searchAvatarGroups.call(context('groupId'));
		expect(all.results).toEqual([
			{ name: 'Anna', value: 'grp_public_anna', description: '2 look(s)' },
			{ name: 'Tom', value: 'grp_public_tom', description: '1 look(s)' },
		]);
		expect(
			(await search.searchAvatarGroups.call(context('groupId'), 'anna')).results.map(
				(result) => result.value,
			),
		).toEqual(['grp_public_anna']);
		emulator.current.clearLog();
		firstPage('/v3/avatars', { id: 'grp_public_anna', name: 'Anna', looks_count: 2 }, 1);
		const first = await search.searchAvatarGroups.call(context('groupId'));
		const second = await search.searchAvatarGroups.call(
			context('groupId'),
			undefined,
			first.paginationToken,
		);
		expect(second.results.map((result) => result.value)).toEqual(['grp_public_tom']);
		expect(queries('/v3/avatars')).toEqual([{ limit: '50' }, { limit: '50', token: tokenAt(1) }]);
	});
});

describe('Voice picker (searchVoices)', () => {
	it("without clones of yours, goes straight on to HeyGen's voices in the same call", async () => {
		const all = await search.searchVoices.call(context('voiceId'));
		expect(all.results.map((result) => result.name)).toEqual([
			'Sara — English, female',
			'Mark — English, male',
			'Lucía — Spanish, female',
			'Jonas — German, male',
		]);
		expect(all.paginationToken).toBeUndefined();
		expect(queries('/v3/voices')).toEqual([
			{ type: 'private', limit: '100' },
			{ type: 'public', limit: '100' },
		]);
		expect(
			(await search.searchVoices.call(context('voiceId'), 'spanish')).results.map(
				(result) => result.value,
			),
		).toEqual(['voice_es_lucia']);
	});

	it("lists your clones first, then pages on into HeyGen's voices with their own cursor", async () => {
		await run({
			resource: 'voice',
			operation: 'clone',
			voiceName: 'My voice',
			sampleFrom: 'url',
			sampleUrl: 'https://cdn.example.com/me.mp3',
		});
		emulator.current.clearLog();
		const yours = await search.searchVoices.call(context('speechVoiceId'));
		expect(yours.results).toEqual([
			{ name: 'My voice — English (yours)', value: expect.stringMatching(/^clone_/) },
		]);
		expect(yours.paginationToken).toBe('1:');
		firstPage(
			'/v3/voices',
			{ voice_id: 'voice_en_sara', name: 'Sara', language: 'English', gender: 'female' },
			1,
		);
		const publicFirst = await search.searchVoices.call(
			context('speechVoiceId'),
			undefined,
			yours.paginationToken,
		);
		expect(publicFirst.results.map((result) => result.value)).toEqual(['voice_en_sara']);
		expect(publicFirst.paginationToken).toBe(`1:${tokenAt(1)}`);
		const publicRest = await search.searchVoices.call(
			context('speechVoiceId'),
			undefined,
			publicFirst.paginationToken,
		);
		expect(publicRest.results.map((result) => result.value)).toEqual([
			'voice_en_mark',
			'voice_es_lucia',
			'voice_de_jonas',
		]);
		expect(publicRest.paginationToken).toBeUndefined();
		expect(queries('/v3/voices')).toEqual([
			{ type: 'private', limit: '100' },
			{ type: 'public', limit: '100' },
			{ type: 'public', limit: '100', token: tokenAt(1) },
		]);
	});
});

describe('Template picker (searchTemplates)', () => {
	it('lists templates, filters, and pages', async () => {
		const all = await search.searchTemplates.call(context('templateId'));
		expect(all.results).toEqual([{ name: 'Product update', value: 'tpl_product_update' }]);
		expect(
			(await search.searchTemplates.call(context('templateId'), 'nothing like it')).results,
		).toEqual([]);
		emulator.current.clearLog();
		firstPage('/v3/templates', { id: 'tpl_other', name: 'Other' }, 0);
		const first = await search.searchTemplates.call(context('templateId'));
		expect(first).toEqual({
			results: [{ name: 'Other', value: 'tpl_other' }],
			paginationToken: tokenAt(0),
		});
		await search.searchTemplates.call(context('templateId'), undefined, first.paginationToken);
		expect(queries('/v3/templates')).toEqual([
			{ limit: '100' },
			{ limit: '100', token: tokenAt(0) },
		]);
	});
});

describe('Asset picker (searchAssets)', () => {
	it("lists the signed-in user's assets (username from GET /v3/users/me), filters, and pages", async () => {
		await run(
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
			{ input: fileItem('png', 'image/png', 'logo.png') },
		);
		await run(
			{ resource: 'asset', operation: 'upload', binaryProperty: 'data' },
			{ input: fileItem('mp3', 'audio/mpeg', 'voice.mp3') },
		);
		emulator.current.clearLog();
		const all = await search.searchAssets.call(context('assetId'));
		expect(all.results.map((result) => result.name)).toEqual([
			'voice.mp3 (audio)',
			'logo.png (image)',
		]);
		expect(emulator.current.log.map((entry) => entry.path)).toEqual(['/v3/users/me', '/v3/assets']);
		expect(
			(await search.searchAssets.call(context('assetId'), 'logo')).results.map(
				(result) => result.name,
			),
		).toEqual(['logo.png (image)']);
		emulator.current.clearLog();
		firstPage('/v3/assets', { id: 'asset_first', name: 'first.png', type: 'image' }, 1);
		const first = await search.searchAssets.call(context('assetId'));
		expect(first.paginationToken).toBe(tokenAt(1));
		const second = await search.searchAssets.call(
			context('assetId'),
			undefined,
			first.paginationToken,
		);
		expect(second.results.map((result) => result.name)).toEqual(['logo.png (image)']);
		expect(queries('/v3/assets')).toEqual([
			{ username: 'emulator_user', limit: '100' },
			{ username: 'emulator_user', limit: '100', token: tokenAt(1) },
		]);
	});
});
