/** SocialSyncer Post operations in n8n-core's engine against the SocialSyncer emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { IG, TW, post } from './fixtures';

const emulator = useEmulator('socialsyncer');
const run = nodeRunner('socialSyncer', 'socialSyncerApi', emulator, TEST_KEYS.socialsyncer.valid);
const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v1/'));
const bodyOf = (path: string) =>
	JSON.parse(api().find((entry) => entry.method === 'POST' && entry.path === path)!.body) as Record<
		string,
		unknown
	>;

describe('Post → Create', () => {
	it('publishes now to two accounts with media URLs, overrides and tags', async () => {
		const result = await run(
			post({
				accounts: [IG, TW],
				mediaSource: 'urls',
				mediaUrls: { media: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }] },
				overrides: {
					override: [
						{
							account: TW,
							customContent: 'Short one for X',
							platformSpecificData: '{"replySettings":"following"}',
						},
					],
				},
				postOptions: { tags: 'launch, q4' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			status: 'published',
			publishedPlatforms: [
				expect.objectContaining({ platform: 'instagram' }),
				expect.objectContaining({ platform: 'twitter' }),
			],
			failedPlatforms: [],
		});
		expect(bodyOf('/v1/posts')).toEqual({
			content: 'Launch day!',
			publishNow: true,
			tags: ['launch', 'q4'],
			mediaItems: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }],
			platforms: [
				{ platform: 'instagram', accountId: 'ig_17841400000000001' },
				{
					platform: 'twitter',
					accountId: 'tw_1500000000000000001',
					customContent: 'Short one for X',
					platformSpecificData: { replySettings: 'following' },
				},
			],
		});
	});

	it('reports a partial post per platform, as an output, not an error', async () => {
		const result = await run(
			post({
				accounts: [IG, TW],
				mediaSource: 'urls',
				mediaUrls: { media: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }] },
				overrides: {
					override: [{ account: TW, customContent: 'this will fail', platformSpecificData: '{}' }],
				},
			}),
		);
		expect(result.items[0].json).toMatchObject({
			status: 'partial',
			publishedPlatforms: [
				expect.objectContaining({ platform: 'instagram', platformPostUrl: expect.any(String) }),
			],
			failedPlatforms: [
				{
					platform: 'twitter',
					accountId: 'tw_1500000000000000001',
					error: 'twitter rejected the post: media processing failed',
				},
			],
		});
	});

	it('makes a post that failed everywhere an error item naming each platform', async () => {
		const result = await run(post({ content: 'fail' }), { continueOnFail: true });
		expect(result.items[0].json.error).toMatch(/failed on every platform/);
		expect(result.items[0].json.description).toContain('twitter: twitter rejected the post');
	});

	it('waits while SocialSyncer is still publishing', async () => {
		emulator.current.config.asyncPublish = true;
		const result = await run(post({}));
		expect(result.items[0].json.status).toBe('published');
		expect(
			api().filter((entry) => entry.method === 'GET' && entry.path.startsWith('/v1/posts/')).length,
		).toBeGreaterThan(0);
	});

	it('uploads binary media first, then posts its public URL', async () => {
		const image = Buffer.alloc(20_000, 1);
		const result = await run(
			post({ accounts: [IG], mediaSource: 'binary', mediaBinaryProperties: 'photo' }),
			{
				input: [
					{
						json: {},
						binary: {
							photo: {
								data: image.toString('base64'),
								mimeType: 'image/jpeg',
								fileName: 'photo.jpg',
							},
						},
					},
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(bodyOf('/v1/media/presign')).toEqual({
			filename: 'photo.jpg',
			contentType: 'image/jpeg',
		});
		const put = emulator.current.log.find((entry) => entry.method === 'PUT')!;
		expect(put.headers.authorization).toBeUndefined();
		expect(put.headers['content-type']).toBe('image/jpeg');
		expect((bodyOf('/v1/posts').mediaItems as unknown[])[0]).toEqual({
			type: 'image',
			url: expect.stringMatching(/\/__media\/[0-9a-f]+\/photo\.jpg$/),
		});
	});

	it('schedules with a timezone, and saves drafts without accounts', async () => {
		const when = new Date(Date.now() + 3_600_000).toISOString();
		const scheduled = await run(
			post({ publishMode: 'schedule', scheduledFor: when, timezone: 'Europe/Berlin' }),
		);
		expect(scheduled.items[0].json.status).toBe('scheduled');
		expect(bodyOf('/v1/posts')).toMatchObject({ scheduledFor: when, timezone: 'Europe/Berlin' });
		emulator.current.clearLog();
		const draft = await run(post({ publishMode: 'draft', accounts: [] }));
		expect(draft.items[0].json.status).toBe('draft');
		expect(bodyOf('/v1/posts')).toEqual({ content: 'Launch day!', isDraft: true });
	});

	it.each([
		[
			'TikTok without consent',
			post({
				accounts: ['tiktok:tt_1'],
				mediaSource: 'urls',
				mediaUrls: { media: [{ type: 'video', url: 'https://cdn.example.com/v.mp4' }] },
			}),
			'Content Preview Confirmed',
		],
		['Instagram without media', post({ accounts: [IG] }), 'Instagram posts need an image or video'],
		[
			'too long for X',
			post({ content: 'x'.repeat(281) }),
			'Twitter/X allows at most 280 characters',
		],
		['no account', post({ accounts: [] }), 'Accounts: choose at least one account'],
		[
			'a time in the past',
			post({ publishMode: 'schedule', scheduledFor: '2020-01-01T00:00:00Z' }),
			'must be in the future',
		],
		[
			'a missing binary',
			post({ mediaSource: 'binary', mediaBinaryProperties: 'nope' }),
			'Binary Properties: the item has no binary data "nope"',
		],
	])('rejects %s before any request', async (_case, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toContain(message);
		expect(api()).toHaveLength(0);
	});
});

describe('Post → Get, Get Many, Update, Delete, Retry', () => {
	it('gets, lists pages, publishes a draft, deletes, and retries failed targets', async () => {
		const draft = String(
			(await run(post({ publishMode: 'draft', accounts: [TW] }))).items[0].json.id,
		);
		await run(post({}));
		const got = await run({ resource: 'post', operation: 'get', postId: draft });
		expect(got.items[0].json).toMatchObject({ id: draft, status: 'draft' });

		emulator.current.clearLog();
		const listed = await run({
			resource: 'post',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			postFilters: { status: 'draft' },
		});
		expect(listed.items.map((item) => item.json.id)).toEqual([draft]);
		expect(api()[0].query).toEqual({ status: 'draft', page: '1', limit: '1' });

		const published = await run({
			resource: 'post',
			operation: 'update',
			postId: draft,
			updateFields: { content: 'Now live', publishNow: true },
			waitForResult: true,
			pollInterval: 0.05,
		});
		expect(published.items[0].json).toMatchObject({
			id: draft,
			status: 'published',
			content: 'Now live',
			publishedPlatforms: [expect.objectContaining({ platform: 'twitter' })],
		});
		expect(JSON.parse(api().find((entry) => entry.method === 'PATCH')!.body)).toEqual({
			content: 'Now live',
			publishNow: true,
		});
		const notEditable = await run({
			resource: 'post',
			operation: 'update',
			postId: draft,
			updateFields: { content: 'again' },
		});
		expect(notEditable.error?.message).toContain('A published post cannot be edited');

		const another = String(
			(await run(post({ publishMode: 'draft', accounts: [] }))).items[0].json.id,
		);
		const deleted = await run({ resource: 'post', operation: 'delete', postId: another });
		expect(deleted.items[0].json).toEqual({ id: another, deleted: true });

		const partial = (
			await run(
				post({
					accounts: [IG, TW],
					mediaSource: 'urls',
					mediaUrls: { media: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }] },
					overrides: {
						override: [{ account: TW, customContent: 'fail', platformSpecificData: '{}' }],
					},
				}),
			)
		).items[0].json;
		emulator.current.config.retrySucceeds = true;
		const retried = await run({
			resource: 'post',
			operation: 'retry',
			postId: String(partial.id),
			waitForResult: true,
			pollInterval: 0.05,
		});
		expect(retried.items[0].json).toMatchObject({ status: 'published', failedPlatforms: [] });
		const instagram = (retried.items[0].json.platforms as Array<Record<string, unknown>>).find(
			(target) => target.platform === 'instagram',
		);
		expect(instagram?.platformPostId).toBe(
			(partial.platforms as Array<Record<string, unknown>>).find(
				(target) => target.platform === 'instagram',
			)?.platformPostId,
		);
	});
});

describe("The emulator reads the docs' own full example body", () => {
	it('"scheduledFor": null beside "publishNow": true is not a schedule: the post publishes now', async () => {
		const response = await fetch(`${emulator.current.baseUrl}/v1/posts`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${TEST_KEYS.socialsyncer.valid}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				content: 'Hello',
				mediaItems: [],
				platforms: [{ platform: 'twitter', accountId: 'tw_1500000000000000001' }],
				publishNow: true,
				scheduledFor: null,
				isDraft: false,
				timezone: 'UTC',
				tags: [],
			}),
		});
		expect(response.status).toBe(201);
		const post = (await response.json()) as { status: string; scheduledFor: unknown };
		expect(post.status).not.toBe('scheduled');
		expect(post.scheduledFor).toBeNull();
	});
});
