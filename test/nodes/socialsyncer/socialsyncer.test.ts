/** SocialSyncer node operations and trigger events in n8n-core's engine against the emulator. */
import { createHmac } from 'node:crypto';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SocialSyncerTrigger } from '../../../nodes/SocialSyncer/SocialSyncerTrigger.node';
import { resetPacing } from '../../../nodes/shared/pacing';
import { startEmulator, TEST_KEYS } from '../../emulators';
import type { Emulator } from '../../emulators/core';
import { serveTriggerWebhook } from '../../harness/webhook';
import { NODE_NAME, runNode } from '../../harness/workflows';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator('socialsyncer');
});
afterAll(async () => {
	await emulator.close();
});
beforeEach(() => {
	emulator.reset();
	resetPacing();
});

const IG = 'instagram:ig_17841400000000001';
const TW = 'twitter:tw_1500000000000000001';

async function run(
	parameters: INodeParameters,
	options: { input?: INodeExecutionData[]; continueOnFail?: boolean } = {},
) {
	const result = await runNode({
		type: 'socialSyncer',
		parameters,
		credentialType: 'socialSyncerApi',
		credentials: { apiKey: TEST_KEYS.socialsyncer.valid, baseUrl: emulator.baseUrl },
		input: options.input,
		continueOnFail: options.continueOnFail,
	});
	return {
		items: result.output(NODE_NAME),
		error: result.error(NODE_NAME) as
			(Error & { description?: string; httpCode?: string }) | undefined,
	};
}
const api = () => emulator.log.filter((entry) => entry.path.startsWith('/v1/'));
const bodyOf = (path: string) =>
	JSON.parse(api().find((entry) => entry.method === 'POST' && entry.path === path)!.body) as Record<
		string,
		unknown
	>;
const post = (extra: INodeParameters): INodeParameters => ({
	resource: 'post',
	operation: 'create',
	content: 'Launch day!',
	accounts: [TW],
	publishMode: 'now',
	mediaSource: 'none',
	waitForResult: true,
	pollInterval: 0.05,
	...extra,
});

describe('Account', () => {
	it('lists health, gets a connect URL, completes a connection and disconnects', async () => {
		emulator.hooks.setHealth(
			'tw_1500000000000000001' as never,
			{ health: 'warning', tokenValid: false } as never,
		);
		const health = await run({
			resource: 'account',
			operation: 'getHealth',
			healthPlatform: 'twitter',
		});
		expect(health.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ platform: 'twitter', health: 'warning', tokenValid: false }),
		]);
		expect(api()[0].query).toEqual({ platform: 'twitter' });

		const redirectUrl = 'https://n8n.example.com/webhook/callback';
		const url = await run({
			resource: 'account',
			operation: 'getConnectUrl',
			platform: 'tiktok',
			redirectUrl,
		});
		expect(url.items[0].json).toMatchObject({
			platform: 'tiktok',
			state: 'owner123:tiktok',
			authUrl: expect.stringContaining('/consent/tiktok?'),
		});
		const consent = await fetch(`${String(url.items[0].json.authUrl)}&auto=approve`, {
			redirect: 'manual',
		});
		const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
		const connected = await run({
			resource: 'account',
			operation: 'completeConnection',
			platform: 'tiktok',
			redirectUrl,
			code,
			state: 'owner123:tiktok',
		});
		expect(connected.items[0].json).toEqual({
			platform: 'tiktok',
			username: 'tiktok_creator_1',
			accountId: expect.any(String),
		});
		const reused = await run({
			resource: 'account',
			operation: 'completeConnection',
			platform: 'tiktok',
			redirectUrl,
			code,
		});
		expect(reused.error?.message).toContain('Authorization code already used');

		const gone = await run({ resource: 'account', operation: 'disconnect', account: TW });
		expect(gone.items[0].json).toEqual({
			platform: 'twitter',
			accountId: 'tw_1500000000000000001',
			disconnected: true,
		});
		expect(api().at(-1)).toMatchObject({
			method: 'DELETE',
			path: '/v1/accounts/twitter/tw_1500000000000000001',
		});
	});
});

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
		emulator.config.asyncPublish = true;
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
		const put = emulator.log.find((entry) => entry.method === 'PUT')!;
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
		emulator.clearLog();
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

describe('Post → Get, Get Many, Update, Delete, Retry; Media; Webhook Settings', () => {
	it('gets, lists pages, publishes a draft, deletes, and retries failed targets', async () => {
		const draft = String(
			(await run(post({ publishMode: 'draft', accounts: [TW] }))).items[0].json.id,
		);
		await run(post({}));
		const got = await run({ resource: 'post', operation: 'get', postId: draft });
		expect(got.items[0].json).toMatchObject({ id: draft, status: 'draft' });

		emulator.clearLog();
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
		emulator.config.retrySucceeds = true;
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

	it('uploads media and returns its public URL', async () => {
		const result = await run(
			{ resource: 'media', operation: 'upload', binaryProperty: 'data' },
			{
				input: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.alloc(1234, 2).toString('base64'),
								mimeType: 'video/mp4',
								fileName: 'clip.mp4',
							},
						},
					},
				],
			},
		);
		expect(result.items[0].json).toEqual({
			publicUrl: expect.stringContaining('/clip.mp4'),
			contentType: 'video/mp4',
			size: 1234,
		});
		const unsupported = await run(
			{ resource: 'media', operation: 'upload', binaryProperty: 'data' },
			{
				input: [
					{
						json: {},
						binary: { data: { data: 'AAAA', mimeType: 'application/pdf', fileName: 'doc.pdf' } },
					},
				],
			},
		);
		expect(unsupported.error?.message).toContain('does not take application/pdf');
	});

	it('gets, sets and clears the webhook setting', async () => {
		expect((await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json).toEqual({
			set: false,
			url: null,
			events: [],
		});
		const set = await run({
			resource: 'webhookSettings',
			operation: 'set',
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
		});
		expect(set.items[0].json).toMatchObject({
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
			secret: expect.stringMatching(/^whsec_/),
		});
		expect((await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json).toEqual({
			set: true,
			url: 'https://hooks.example.com/social',
			events: ['post.failed'],
		});
		expect((await run({ resource: 'webhookSettings', operation: 'clear' })).items[0].json).toEqual({
			cleared: true,
		});
	});
});

describe('SocialSyncer Trigger events', () => {
	async function trigger(parameters: Record<string, unknown> = {}) {
		return await serveTriggerWebhook({
			type: 'socialSyncerTrigger',
			nodeType: new SocialSyncerTrigger(),
			parameters: {
				events: ['post.published', 'post.failed', 'account.disconnected'],
				connectEnabled: false,
				connectPlatforms: [],
				verifySignature: true,
				replaceExisting: false,
				...parameters,
			},
			credentialType: 'socialSyncerApi',
			credentials: { apiKey: TEST_KEYS.socialsyncer.valid, baseUrl: emulator.baseUrl },
			webhookNameForPath: (path) => (path.endsWith('/connect') ? 'setup' : 'default'),
		});
	}
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 20));
	};

	it('registers, emits one signed event per platform, and clears its setting on deactivation', async () => {
		const hook = await trigger();
		try {
			expect(await hook.lifecycle('checkExists')).toBe(false);
			expect(await hook.lifecycle('create')).toBe(true);
			const registration = JSON.parse(
				emulator.log.find(
					(entry) => entry.method === 'POST' && entry.path === '/v1/webhooks/settings',
				)!.body,
			);
			expect(registration).toEqual({
				url: expect.stringMatching(/\/events$/),
				events: ['post.published', 'post.failed', 'account.disconnected'],
			});
			expect(await hook.lifecycle('checkExists')).toBe(true);

			await run(
				post({
					accounts: [IG, TW],
					mediaSource: 'urls',
					mediaUrls: { media: [{ type: 'image', url: 'https://cdn.example.com/a.jpg' }] },
					overrides: {
						override: [{ account: TW, customContent: 'fail', platformSpecificData: '{}' }],
					},
				}),
			);
			await settle(2);
			const events = hook.calls
				.filter((call) => call.result?.workflowData)
				.map((call) => call.result!.workflowData![0][0].json);
			expect(events.map((event) => event.event).sort()).toEqual(['post.failed', 'post.published']);
			expect(events.find((event) => event.event === 'post.failed')).toMatchObject({
				data: { platform: 'twitter', status: 'failed', error: expect.any(String) },
			});
			expect(emulator.deliveries[0].headers).toMatchObject({
				'x-socialsyncerapi-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
				'x-socialapi-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
			});

			expect(await hook.lifecycle('delete')).toBe(true);
			expect(emulator.log.at(-1)).toMatchObject({
				method: 'DELETE',
				path: '/v1/webhooks/settings',
			});
		} finally {
			await hook.close();
		}
	});

	it('clears the setting on deactivation even when its saved state was lost, as long as the setting is its own URL', async () => {
		// n8n can save a webhook call's static data over the state activation saved (a connect link
		// opened while the workflow was being activated). The account must not stay pointed at this n8n.
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			for (const key of Object.keys(hook.workflow.staticData)) delete hook.workflow.staticData[key];
			expect(await hook.lifecycle('delete')).toBe(true);
			expect(emulator.log.at(-1)).toMatchObject({
				method: 'DELETE',
				path: '/v1/webhooks/settings',
			});
			expect(
				(await run({ resource: 'webhookSettings', operation: 'get' })).items[0].json,
			).toMatchObject({ set: false });
		} finally {
			await hook.close();
		}
	});

	it('refuses a delivery with a bad signature (either header name) with 401', async () => {
		const hook = await trigger();
		try {
			await hook.lifecycle('create');
			const body = JSON.stringify({
				event: 'post.published',
				timestamp: new Date().toISOString(),
				data: {},
			});
			const wrong = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
			for (const header of ['x-socialsyncerapi-signature', 'x-socialapi-signature']) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', [header]: wrong },
					body,
				});
				expect(response.status).toBe(401);
			}
			expect(hook.calls.some((call) => call.result?.workflowData)).toBe(false);
		} finally {
			await hook.close();
		}
	});

	it('does not silently take over another URL, unless asked to', async () => {
		await run({
			resource: 'webhookSettings',
			operation: 'set',
			url: 'https://other.example.com/hook',
			events: ['post.published'],
		});
		const hook = await trigger();
		try {
			await expect(hook.lifecycle('create')).rejects.toThrow(
				'already sends its webhook to another URL',
			);
			expect(
				emulator.log.filter(
					(entry) => entry.method === 'POST' && entry.path === '/v1/webhooks/settings',
				),
			).toHaveLength(1);
		} finally {
			await hook.close();
		}
		const replacing = await trigger({ replaceExisting: true });
		try {
			expect(await replacing.lifecycle('create')).toBe(true);
			// Someone else takes the setting back; deactivation must then leave it alone.
			await run({
				resource: 'webhookSettings',
				operation: 'set',
				url: 'https://other.example.com/hook',
				events: ['post.published'],
			});
			await replacing.lifecycle('delete');
			expect(emulator.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(0);
		} finally {
			await replacing.close();
		}
	});
});

describe("The emulator reads the docs' own full example body", () => {
	it('"scheduledFor": null beside "publishNow": true is not a schedule: the post publishes now', async () => {
		const response = await fetch(`${emulator.baseUrl}/v1/posts`, {
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
