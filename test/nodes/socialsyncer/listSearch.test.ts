/** The account picker (Get Health / Disconnect) and the post picker (Get / Update / Delete / Retry). */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SocialSyncer } from '../../../nodes/SocialSyncer/SocialSyncer.node';
import { TEST_KEYS } from '../../emulators';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { IG, TW } from './fixtures';

const KEY = TEST_KEYS.socialsyncer.valid;
const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, KEY);

function searchContext(
	parameter: string,
	currentNodeParameters: INodeParameters = {},
): LoadOptionsContext {
	const node: INode = {
		id: 'ss',
		name: 'SocialSyncer',
		type: 'CUSTOM.socialSyncer',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { socialSyncerApi: { id: '1', name: 'SocialSyncer' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const credentialsHelper = new TestCredentialsHelper({
		socialSyncerApi: { apiKey: KEY, baseUrl: emulator.current.baseUrl },
	});
	const additionalData = additionalDataFor({ credentialsHelper });
	additionalData.currentNodeParameters = currentNodeParameters;
	return new LoadOptionsContext(workflow, node, additionalData, `parameters.${parameter}`);
}

const listSearch = new SocialSyncer().methods.listSearch;

/** Drafts straight at the emulator; answers their ids, oldest first. */
async function seedPosts(
	count: number,
	content = (index: number) => `Post number ${index}`,
): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const response = await fetch(`${emulator.current.baseUrl}/v1/posts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
			body: JSON.stringify({ content: content(index), isDraft: true }),
		});
		ids.push(((await response.json()) as { id: string }).id);
	}
	emulator.current.clearLog();
	return ids;
}

describe('Account picker', () => {
	it('lists the connected accounts as "@username on Platform", valued platform:accountId', async () => {
		const { results, paginationToken } = await listSearch.searchAccounts.call(
			searchContext('account', { resource: 'account', operation: 'disconnect' }),
		);
		expect(results).toEqual([
			{ name: '@emulator.brand on Instagram', value: IG },
			{ name: '@emulatorbrand on Twitter/X', value: TW },
		]);
		// GET /v1/accounts is not paged: one request, no next page.
		expect(paginationToken).toBeUndefined();
		expect(emulator.current.log).toHaveLength(1);
		expect(emulator.current.log[0]).toMatchObject({
			method: 'GET',
			path: '/v1/accounts',
			query: {},
		});
	});

	it('filters on the typed text', async () => {
		const context = searchContext('account', { resource: 'account', operation: 'disconnect' });
		expect(
			(await listSearch.searchAccounts.call(context, 'twitter')).results.map(
				(result) => result.value,
			),
		).toEqual([TW]);
		expect(
			(await listSearch.searchAccounts.call(context, 'EMULATOR.BRAND')).results.map(
				(result) => result.value,
			),
		).toEqual([IG]);
		expect((await listSearch.searchAccounts.call(context, 'nobody')).results).toEqual([]);
	});

	it("narrows Get Health's list to the chosen platform, asking SocialSyncer for it", async () => {
		const { results } = await listSearch.searchAccounts.call(
			searchContext('account', {
				resource: 'account',
				operation: 'getHealth',
				healthPlatform: 'instagram',
			}),
		);
		expect(results.map((result) => result.value)).toEqual([IG]);
		expect(emulator.current.log[0].query).toEqual({ platform: 'instagram' });
	});

	it('Disconnect uses the picked account', async () => {
		const gone = await run({
			resource: 'account',
			operation: 'disconnect',
			account: {
				__rl: true,
				mode: 'list',
				value: IG,
				cachedResultName: '@emulator.brand on Instagram',
			},
		});
		expect(gone.items[0].json).toEqual({
			platform: 'instagram',
			accountId: 'ig_17841400000000001',
			disconnected: true,
		});
		expect(emulator.current.log.at(-1)).toMatchObject({
			method: 'DELETE',
			path: '/v1/accounts/instagram/ig_17841400000000001',
		});
		const bad = await run({
			resource: 'account',
			operation: 'disconnect',
			account: { __rl: true, mode: 'id', value: 'ig_17841400000000001' },
		});
		expect(bad.error?.message).toContain(
			'Account: "ig_17841400000000001" is not a connected account (expected platform:accountId)',
		);
	});

	it("Get Health gives one account's health when one is picked, every account's otherwise", async () => {
		emulator.current.hooks.setHealth(
			'tw_1500000000000000001' as never,
			{ health: 'warning', tokenValid: false } as never,
		);
		const one = await run({
			resource: 'account',
			operation: 'getHealth',
			healthPlatform: '',
			account: { __rl: true, mode: 'id', value: TW },
		});
		expect(one.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				platform: 'twitter',
				accountId: 'tw_1500000000000000001',
				health: 'warning',
			}),
		]);
		expect(emulator.current.log.at(-1)).toMatchObject({
			path: '/v1/accounts/health',
			query: { platform: 'twitter' },
		});
		const all = await run({ resource: 'account', operation: 'getHealth', healthPlatform: '' });
		expect(all.items).toHaveLength(2);
		emulator.current.clearLog();
		const mismatch = await run({
			resource: 'account',
			operation: 'getHealth',
			healthPlatform: 'instagram',
			account: { __rl: true, mode: 'id', value: TW },
		});
		expect(mismatch.error?.message).toContain('is on Twitter/X, not Instagram');
		expect(emulator.current.log).toHaveLength(0);
	});
});

describe('Post picker', () => {
	it('lists posts newest first, naming text, status and creation time', async () => {
		const ids = await seedPosts(2, (index) => (index === 0 ? 'A'.repeat(60) : 'Launch day!'));
		const { results, paginationToken } = await listSearch.searchPosts.call(searchContext('postId'));
		expect(results.map((result) => result.value)).toEqual([ids[1], ids[0]]);
		expect(results[0].name).toMatch(/^Launch day! · draft · \d{4}-\d{2}-\d{2}T/);
		expect(results[1].name).toMatch(new RegExp(`^${'A'.repeat(40)}… · draft`));
		expect(paginationToken).toBeUndefined();
		expect(emulator.current.log[0]).toMatchObject({
			method: 'GET',
			path: '/v1/posts',
			query: { page: '1', limit: '100' },
		});
	});

	it('filters on the typed text', async () => {
		const ids = await seedPosts(
			3,
			(index) => ['Launch teaser', 'Weekly recap', 'Launch full'][index],
		);
		expect(
			(await listSearch.searchPosts.call(searchContext('postId'), 'launch')).results.map(
				(result) => result.value,
			),
		).toEqual([ids[2], ids[0]]);
		expect(
			(await listSearch.searchPosts.call(searchContext('postId'), ids[1])).results.map(
				(result) => result.value,
			),
		).toEqual([ids[1]]);
	});

	it('pages by page number until totalPages', async () => {
		const ids = await seedPosts(102);
		const first = await listSearch.searchPosts.call(searchContext('postId'));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchPosts.call(
			searchContext('postId'),
			undefined,
			first.paginationToken as string,
		);
		expect(second.results.map((result) => result.value)).toEqual([ids[1], ids[0]]);
		expect(second.paginationToken).toBeUndefined();
		expect(emulator.current.log.map((entry) => entry.query)).toEqual([
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
		]);
	});

	it('is the Post field of Get, Update, Delete and Retry, and a picked post is used by its ID', async () => {
		const fields = new SocialSyncer().description.properties.filter(
			(property) => property.name === 'postId',
		);
		expect(fields.map((field) => [field.type, field.displayOptions?.show?.operation])).toEqual([
			['resourceLocator', ['get']],
			['resourceLocator', ['update']],
			['resourceLocator', ['delete']],
			['resourceLocator', ['retry']],
		]);
		const [id] = await seedPosts(1);
		const got = await run({
			resource: 'post',
			operation: 'get',
			postId: { __rl: true, mode: 'list', value: id, cachedResultName: 'Post number 0' },
		});
		expect(got.items[0].json).toMatchObject({ id, status: 'draft' });
		expect(emulator.current.log.at(-1)).toMatchObject({ method: 'GET', path: `/v1/posts/${id}` });
	});
});
