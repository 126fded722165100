/** SocialSyncer v1 emulator, from the API contract that docs/api/socialsyncer.md summarises. */
import { createHmac, randomBytes } from 'node:crypto';

import {
	Emulator,
	headerValue,
	type EmulatorRequest,
	type EmulatorResponse,
	type ErrorDetail,
} from './core';
import { FixedWindowLimiter } from './limiters';
import { TEST_KEYS } from './keys';

export const PLATFORMS = ['instagram', 'facebook', 'threads', 'tiktok', 'twitter'] as const;

/** docs/api/sync.md "Errors": `{error, code}`. */
export function socialSyncerError(status: number, detail: ErrorDetail = {}): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['VALIDATION_ERROR', 'Invalid request'],
		401: ['AUTH_INVALID_KEY', 'Invalid API key'],
		404: ['NOT_FOUND', 'Not found'],
		429: ['RATE_LIMIT_EXCEEDED', 'Rate limit exceeded'],
		500: ['INTERNAL_ERROR', 'Internal server error'],
	};
	const [code, message] = defaults[status] ?? ['INTERNAL_ERROR', 'Unexpected error'];
	const answer: EmulatorResponse = {
		status,
		body: { error: detail.message ?? message, code: detail.code ?? code },
	};
	// docs/api/sync.md "Rate limits": 429 carries Retry-After (the docs' example: 60).
	if (status === 429) answer.headers = { 'retry-after': String(detail.retryAfterSeconds ?? 60) };
	return answer;
}

interface Account {
	platform: string;
	accountId: string;
	username: string;
	connectedAt: string;
}

function seedAccounts(): Account[] {
	return [
		{
			platform: 'instagram',
			accountId: 'ig_17841400000000001',
			username: 'emulator.brand',
			connectedAt: '2026-11-01T09:00:00.000Z',
		},
		{
			platform: 'twitter',
			accountId: 'tw_1500000000000000001',
			username: 'emulatorbrand',
			connectedAt: '2026-11-02T10:30:00.000Z',
		},
	];
}

/** docs/api/sync.md "Endpoints" static platform rules checked at create: text limit, media count, media required. */
const RULES: Record<string, { text: number; maxImages: number; mediaRequired: boolean }> = {
	tiktok: { text: 2200, maxImages: 35, mediaRequired: true },
	instagram: { text: 2200, maxImages: 10, mediaRequired: true },
	facebook: { text: 63206, maxImages: 10, mediaRequired: false },
	twitter: { text: 280, maxImages: 4, mediaRequired: false },
	threads: { text: 500, maxImages: 10, mediaRequired: false },
};
const EVENTS = [
	'post.published',
	'post.failed',
	'post.scheduled',
	'account.connected',
	'account.disconnected',
];
const MEDIA_TYPES = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/gif',
	'video/mp4',
	'video/quicktime',
	'video/webm',
];
const OWNER = 'owner123';

type Row = Record<string, unknown>;

export function createSocialSyncerEmulator(): Emulator {
	const limiter = new FixedWindowLimiter();
	const emulator = new Emulator(
		{
			name: 'socialsyncer',
			authenticate(req, keys) {
				// docs/api/sync.md "Endpoints": Bearer only; no header, empty token or another scheme is a missing key.
				const header = headerValue(req.headers, 'authorization')?.trim() ?? '';
				const match = /^Bearer\s+(\S+)$/i.exec(header);
				if (!match)
					return {
						refuse: socialSyncerError(401, {
							code: 'AUTH_MISSING_KEY',
							message: 'Missing API key',
						}),
					};
				const config = keys.get(match[1]);
				if (!config || config.revoked) return { refuse: socialSyncerError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => socialSyncerError(status, detail),
			beforeRoute(req) {
				const limit = Number(
					req.key!.plan === 'free' ? emulator.config.freePerMinute : emulator.config.paidPerMinute,
				);
				const decision = limiter.take(req.key!.key, limit);
				return decision.allowed
					? undefined
					: socialSyncerError(429, { retryAfterSeconds: decision.retryAfterSeconds });
			},
		},
		[
			{ key: TEST_KEYS.socialsyncer.valid, plan: 'paid' },
			{ key: TEST_KEYS.socialsyncer.revoked, plan: 'paid', revoked: true },
		],
		{
			freePerMinute: 60,
			paidPerMinute: 600,
			/** docs/api/sync.md "Jobs": publishNow answers with the final status; the switch makes it `publishing` first. */
			asyncPublish: false,
			publishMs: 200,
			/** Code lifetime (docs/api/sync.md "Assumptions" [A]: 10 min). */
			codeTtlMs: 10 * 60_000,
			/** Failed targets publish on retry (the injected failure cleared). */
			retrySucceeds: false,
		},
	);

	let accounts: Row[] = seedAccounts() as unknown as Row[];
	let health = new Map<string, Row>();
	let posts: Row[] = [];
	let pendingConnects = new Map<string, { platform: string; redirectUrl: string }>();
	let codes = new Map<
		string,
		{ platform: string; redirectUrl: string; expiresAt: number; used: boolean }
	>();
	let webhook: { url: string; events: string[]; secret: string } | undefined;
	let uploads = new Map<string, { contentType: string; bytes?: number }>();
	let counter = 0;
	emulator.onReset(() => {
		limiter.reset();
		accounts = seedAccounts() as unknown as Row[];
		health = new Map();
		posts = [];
		pendingConnects = new Map();
		codes = new Map();
		webhook = undefined;
		uploads = new Map();
	});
	const now = () => new Date().toISOString();

	/** docs/api/sync.md "Endpoints": one event per call, signed over the exact bytes, with both header names. */
	function emit(event: string, data: Row) {
		if (!webhook || !webhook.events.includes(event)) return;
		const body = JSON.stringify({ event, timestamp: now(), data });
		const signature = createHmac('sha256', webhook.secret).update(body).digest('hex');
		void emulator.deliver(webhook.url, body, {
			'x-socialsyncerapi-signature': signature,
			'x-socialapi-signature': signature,
		});
	}

	const platformOf = (req: EmulatorRequest) => {
		const platform = req.params.platform;
		return (PLATFORMS as readonly string[]).includes(platform) ? platform : undefined;
	};

	emulator.route('GET', '/v1/accounts', (req) => {
		const platform = req.query.get('platform');
		if (platform && !(PLATFORMS as readonly string[]).includes(platform))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Unsupported platform: ${platform}`,
			});
		return {
			status: 200,
			body: {
				accounts: accounts.filter((account) => !platform || account.platform === platform) as never,
			},
		};
	});

	emulator.route('GET', '/v1/accounts/health', (req) => {
		const platform = req.query.get('platform');
		if (platform && !(PLATFORMS as readonly string[]).includes(platform))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Unsupported platform: ${platform}`,
			});
		const rows = accounts
			.filter((account) => !platform || account.platform === platform)
			.map((account) => ({
				platform: account.platform,
				accountId: account.accountId,
				username: account.username,
				health: 'healthy',
				tokenValid: true,
				permissions: ['publish', 'read'],
				recommendations: [],
				...(health.get(String(account.accountId)) ?? {}),
			}));
		return { status: 200, body: { accounts: rows as never } };
	});

	emulator.route('DELETE', '/v1/accounts/{platform}/{accountId}', (req) => {
		if (!platformOf(req))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Unsupported platform: ${req.params.platform}`,
			});
		const account = accounts.find(
			(candidate) =>
				candidate.platform === req.params.platform && candidate.accountId === req.params.accountId,
		);
		if (!account) return socialSyncerError(404, { message: 'Account not found' });
		accounts = accounts.filter((candidate) => candidate !== account);
		emit('account.disconnected', {
			platform: account.platform,
			accountId: account.accountId,
			username: account.username,
			reason: 'user_disconnected',
		});
		return { status: 200, body: { success: true } };
	});

	// docs/api/sync.md "Assumptions": connect. Step 1: the auth URL points at the emulator's consent page.
	emulator.route('GET', '/v1/connect/{platform}', (req) => {
		const platform = platformOf(req);
		if (!platform)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Unsupported platform: ${req.params.platform}`,
			});
		const redirectUrl = req.query.get('redirect_url') ?? `${emulator.origin}/dashboard/callback`;
		const state = `${OWNER}:${platform}`;
		pendingConnects.set(state, { platform, redirectUrl });
		const authUrl = `${emulator.origin}/consent/${platform}?${new URLSearchParams({ redirect_url: redirectUrl, state })}`;
		return { status: 200, body: { authUrl, state } };
	});

	// docs/api/sync.md "Endpoints": the consent page, Approve → code, Deny → error; `auto=approve|deny` skips the page.
	const consentRedirect = (
		platform: string,
		redirectUrl: string,
		state: string,
		approve: boolean,
	): EmulatorResponse => {
		const target = new URL(redirectUrl);
		if (approve) {
			const code = `code_${randomBytes(12).toString('hex')}`;
			codes.set(code, {
				platform,
				redirectUrl,
				expiresAt: Date.now() + Number(emulator.config.codeTtlMs),
				used: false,
			});
			target.searchParams.set('code', code);
		} else target.searchParams.set('error', 'access_denied');
		target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() }, body: '' };
	};
	emulator.route(
		'GET',
		'/consent/{platform}',
		(req) => {
			const redirectUrl = req.query.get('redirect_url') ?? '';
			const state = req.query.get('state') ?? '';
			const auto = req.query.get('auto');
			if (auto === 'approve' || auto === 'deny')
				return consentRedirect(req.params.platform, redirectUrl, state, auto === 'approve');
			const link = (decision: string) =>
				`/consent/${req.params.platform}/${decision}?${new URLSearchParams({ redirect_url: redirectUrl, state })}`;
			return {
				status: 200,
				headers: { 'content-type': 'text/html; charset=utf-8' },
				body: `<!doctype html><title>Connect ${req.params.platform}</title><h1>Allow SocialSyncer to post on your ${req.params.platform} account?</h1><a id="approve" href="${link('approve')}">Approve</a> <a id="deny" href="${link('deny')}">Deny</a>`,
			};
		},
		{ public: true },
	);
	for (const decision of ['approve', 'deny']) {
		emulator.route(
			'GET',
			`/consent/{platform}/${decision}`,
			(req) =>
				consentRedirect(
					req.params.platform,
					req.query.get('redirect_url') ?? '',
					req.query.get('state') ?? '',
					decision === 'approve',
				),
			{ public: true },
		);
	}

	// Step 5: exchange — single use, expiring, redirect_url must match (docs/api/sync.md "Assumptions" [A]).
	emulator.route('POST', '/v1/connect/{platform}', (req) => {
		const platform = platformOf(req);
		if (!platform)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Unsupported platform: ${req.params.platform}`,
			});
		const body = (req.body ?? {}) as Row;
		const grant = typeof body.code === 'string' ? codes.get(body.code) : undefined;
		if (!grant || grant.platform !== platform)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: 'Invalid authorization code',
			});
		if (grant.used)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: 'Authorization code already used',
			});
		if (Date.now() > grant.expiresAt)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: 'Authorization code expired',
			});
		if (body.redirect_url !== grant.redirectUrl)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: 'redirect_url does not match the one used to start the connection',
			});
		grant.used = true;
		const username = `${platform}_creator_${++counter}`;
		let account = accounts.find(
			(candidate) => candidate.platform === platform && candidate.username === username,
		);
		if (!account) {
			account = {
				platform,
				accountId: `${platform.slice(0, 2)}_${1_780_000_000_000 + counter}`,
				username,
				connectedAt: now(),
			};
			accounts.push(account);
		}
		emit('account.connected', { platform, accountId: account.accountId, username });
		return { status: 200, body: { platform, username, accountId: account.accountId } };
	});

	// docs/api/sync.md "Endpoints", docs/api/sync.md "Jobs": posts.
	const published = (target: Row): Row => ({
		platform: target.platform,
		accountId: target.accountId,
		status: 'published',
		platformPostId: `${String(target.platform)}_${randomBytes(5).toString('hex')}`,
		platformPostUrl: `https://${String(target.platform)}.example.com/p/${randomBytes(4).toString('hex')}`,
		error: null,
	});
	const failed = (target: Row): Row => ({
		platform: target.platform,
		accountId: target.accountId,
		status: 'failed',
		platformPostId: null,
		platformPostUrl: null,
		error: emulator.failureText(
			`${String(target.platform)} rejected the post: media processing failed`,
		),
	});
	/** docs/api/sync.md "Endpoints" failure injection: an accountId or customContent containing `fail` fails that target. */
	function targetResult(post: Row, target: Row): Row {
		const text = String(target.customContent ?? post.content ?? '');
		return String(target.accountId).includes('fail') || text.includes('fail')
			? failed(target)
			: published(target);
	}
	function settle(post: Row, targets: Row[]) {
		post.platforms = targets;
		const published = targets.filter((target) => target.status === 'published').length;
		post.status =
			published === targets.length ? 'published' : published === 0 ? 'failed' : 'partial';
		post.publishedAt = published > 0 ? now() : null;
		post.updatedAt = now();
		for (const target of targets) {
			emit(target.status === 'published' ? 'post.published' : 'post.failed', {
				postId: post.id,
				platform: target.platform,
				platformPostId: target.platformPostId,
				platformPostUrl: target.platformPostUrl,
				status: target.status,
				...(target.error ? { error: target.error } : {}),
			});
		}
	}
	function publish(post: Row) {
		const targets = (post.targets as Row[]).map((target) => targetResult(post, target));
		if (emulator.config.asyncPublish) {
			post.status = 'publishing';
			post.platforms = targets.map((target) => ({
				...target,
				status: 'pending',
				platformPostId: null,
				platformPostUrl: null,
				error: null,
			}));
			emulator.schedule(Number(emulator.config.publishMs), () => settle(post, targets));
		} else settle(post, targets);
	}

	/** `scheduledFor: null` (the docs' own full example body) means "not scheduled", like leaving it out. */
	const isScheduled = (body: Row) => body.scheduledFor !== undefined && body.scheduledFor !== null;

	function validatePost(body: Row, partial: boolean): string | undefined {
		const modes = [body.isDraft === true, body.publishNow === true, isScheduled(body)].filter(
			Boolean,
		).length;
		if (!partial && modes !== 1)
			return 'Exactly one of isDraft, publishNow or scheduledFor is required';
		if (isScheduled(body) && !(Date.parse(String(body.scheduledFor)) > Date.now()))
			return 'scheduledFor must be a future ISO-8601 time';
		if (
			!partial &&
			body.isDraft !== true &&
			(!Array.isArray(body.platforms) || body.platforms.length === 0)
		)
			return 'Platforms required for non-draft posts';
		for (const target of (body.platforms as Row[] | undefined) ?? []) {
			if (!(PLATFORMS as readonly string[]).includes(String(target.platform)))
				return `Unsupported platform: ${String(target.platform)}`;
			if (
				!accounts.some(
					(account) =>
						account.platform === target.platform && account.accountId === target.accountId,
				) &&
				!String(target.accountId).includes('fail')
			) {
				return `${String(target.platform)} account ${String(target.accountId)} is not connected`;
			}
			const rule = RULES[String(target.platform)];
			const text = String(target.customContent ?? body.content ?? '');
			if (text.length > rule.text)
				return `${String(target.platform)}: text is longer than ${rule.text} characters`;
			const media =
				(target.customMedia as Row[] | undefined) ?? (body.mediaItems as Row[] | undefined) ?? [];
			if (rule.mediaRequired && media.length === 0)
				return `${String(target.platform)}: a post needs media`;
			if (media.filter((item) => item.type === 'image').length > rule.maxImages)
				return `${String(target.platform)}: at most ${rule.maxImages} images`;
			if (target.platform === 'tiktok') {
				const settings = {
					...((body.tiktokSettings as Row) ?? {}),
					...((target.platformSpecificData as Row) ?? {}),
				};
				if (settings.content_preview_confirmed !== true || settings.express_consent_given !== true)
					return 'tiktok: content_preview_confirmed and express_consent_given are required';
			}
		}
		if (
			!partial &&
			body.content === undefined &&
			!(body.mediaItems as unknown[] | undefined)?.length &&
			!((body.platforms as Row[] | undefined) ?? []).every((target) => target.customContent)
		) {
			return 'content is required unless media is attached or every target has customContent';
		}
		return undefined;
	}

	emulator.route('POST', '/v1/posts', (req) => {
		const body = (req.body ?? {}) as Row;
		const problem = validatePost(body, false);
		if (problem) return socialSyncerError(400, { code: 'VALIDATION_ERROR', message: problem });
		const post: Row = {
			id: `post_${randomBytes(8).toString('hex')}`,
			status: body.isDraft ? 'draft' : isScheduled(body) ? 'scheduled' : 'publishing',
			content: body.content ?? null,
			mediaItems: body.mediaItems ?? [],
			tags: body.tags ?? [],
			timezone: body.timezone ?? 'UTC',
			scheduledFor: body.scheduledFor ?? null,
			isDraft: body.isDraft === true,
			targets: body.platforms ?? [],
			platforms: ((body.platforms as Row[] | undefined) ?? []).map((target) => ({
				platform: target.platform,
				accountId: target.accountId,
				status: 'pending',
				platformPostId: null,
				platformPostUrl: null,
				error: null,
			})),
			createdAt: now(),
			updatedAt: now(),
			publishedAt: null,
		};
		posts.unshift(post);
		if (body.publishNow) publish(post);
		if (post.status === 'scheduled') {
			for (const target of post.platforms as Row[])
				emit('post.scheduled', {
					postId: post.id,
					platform: target.platform,
					platformPostId: null,
					platformPostUrl: null,
					status: 'scheduled',
				});
			emulator.schedule(Math.max(0, Date.parse(String(body.scheduledFor)) - Date.now()), () => {
				if (post.status === 'scheduled') publish(post);
			});
		}
		return { status: 201, body: shown(post) };
	});
	const shown = (post: Row) => {
		const { targets: _targets, ...rest } = post;
		return rest;
	};
	const findPost = (req: EmulatorRequest) => posts.find((post) => post.id === req.params.postId);

	emulator.route('GET', '/v1/posts', (req) => {
		const page = Number(req.query.get('page') ?? 1);
		const limit = Number(req.query.get('limit') ?? 20);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(page) || page < 1)
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: 'page must be ≥ 1 and limit 1-100',
			});
		const status = req.query.get('status');
		const platform = req.query.get('platform');
		const rows = posts.filter(
			(post) =>
				(!status || post.status === status) &&
				(!platform || (post.platforms as Row[]).some((target) => target.platform === platform)),
		);
		return {
			status: 200,
			body: {
				posts: rows.slice((page - 1) * limit, page * limit).map(shown) as never,
				pagination: { page, limit, total: rows.length, totalPages: Math.ceil(rows.length / limit) },
			},
		};
	});
	emulator.route('GET', '/v1/posts/{postId}', (req) => {
		const post = findPost(req);
		return post
			? { status: 200, body: shown(post) }
			: socialSyncerError(404, { message: 'Post not found' });
	});
	const patchPost = (req: EmulatorRequest): EmulatorResponse => {
		const post = findPost(req);
		if (!post) return socialSyncerError(404, { message: 'Post not found' });
		if (!['draft', 'scheduled'].includes(String(post.status)))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `A ${String(post.status)} post cannot be edited`,
			});
		const body = (req.body ?? {}) as Row;
		const problem = validatePost({ ...body, platforms: body.platforms ?? post.targets }, true);
		if (problem) return socialSyncerError(400, { code: 'VALIDATION_ERROR', message: problem });
		for (const field of ['content', 'mediaItems', 'tags', 'timezone'])
			if (body[field] !== undefined) post[field] = body[field];
		if (body.platforms !== undefined) post.targets = body.platforms;
		if (isScheduled(body))
			Object.assign(post, { scheduledFor: body.scheduledFor, status: 'scheduled', isDraft: false });
		post.updatedAt = now();
		if (body.publishNow === true) publish(post);
		return { status: 200, body: shown(post) };
	};
	emulator.route('PATCH', '/v1/posts/{postId}', patchPost);
	emulator.route('PUT', '/v1/posts/{postId}', patchPost);
	emulator.route('DELETE', '/v1/posts/{postId}', (req) => {
		const post = findPost(req);
		if (!post) return socialSyncerError(404, { message: 'Post not found' });
		if (!['draft', 'scheduled', 'failed'].includes(String(post.status)))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `A ${String(post.status)} post cannot be deleted`,
			});
		posts = posts.filter((candidate) => candidate !== post);
		return { status: 200, body: { success: true } };
	});
	// docs/api/sync.md "Jobs" retry: only failed targets; published ones keep their ids.
	emulator.route('POST', '/v1/posts/{postId}/retry', (req) => {
		const post = findPost(req);
		if (!post) return socialSyncerError(404, { message: 'Post not found' });
		if (!['partial', 'failed'].includes(String(post.status)))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `Only partial or failed posts can be retried (this one is ${String(post.status)})`,
			});
		// docs/api/sync.md "Endpoints": the injection can be cleared between calls (`retrySucceeds`).
		const targets = (post.platforms as Row[]).map((target) =>
			target.status === 'published'
				? target
				: emulator.config.retrySucceeds
					? published(target)
					: failed(target),
		);
		settle(post, targets);
		return { status: 200, body: shown(post) };
	});

	// docs/api/sync.md "Files" media: presign → PUT (no key, same Content-Type) → public URL.
	emulator.route('POST', '/v1/media/presign', (req) => {
		const body = (req.body ?? {}) as Row;
		if (typeof body.filename !== 'string' || body.filename === '')
			return socialSyncerError(400, { code: 'VALIDATION_ERROR', message: 'filename is required' });
		if (!MEDIA_TYPES.includes(String(body.contentType)))
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `contentType must be one of ${MEDIA_TYPES.join(', ')}`,
			});
		const token = randomBytes(10).toString('hex');
		uploads.set(token, { contentType: String(body.contentType) });
		return {
			status: 200,
			body: {
				uploadUrl: `${emulator.origin}/__media/${token}`,
				publicUrl: `${emulator.origin}/__media/${token}/${encodeURIComponent(body.filename)}`,
			},
		};
	});
	emulator.route(
		'PUT',
		'/__media/{token}',
		(req) => {
			const slot = uploads.get(req.params.token);
			if (!slot) return { status: 404, body: 'NoSuchUpload' };
			if (req.headers.authorization)
				return { status: 400, body: 'Authorization must not be sent to the upload URL' };
			if (req.headers['content-type'] !== slot.contentType)
				return { status: 403, body: 'SignatureDoesNotMatch' };
			slot.bytes = req.rawBody.length;
			return { status: 200, body: '' };
		},
		{ public: true },
	);
	emulator.route(
		'GET',
		'/__media/{token}/{name}',
		(req) => {
			const slot = uploads.get(req.params.token);
			return slot?.bytes !== undefined
				? {
						status: 200,
						headers: { 'content-type': slot.contentType },
						body: Buffer.alloc(slot.bytes),
					}
				: { status: 404, body: 'not found' };
		},
		{ public: true },
	);

	// docs/api/sync.md "Endpoints" webhook settings: one per account; POST replaces.
	emulator.route('POST', '/v1/webhooks/settings', (req) => {
		const body = (req.body ?? {}) as Row;
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))
			return socialSyncerError(400, { code: 'VALIDATION_ERROR', message: 'url is required' });
		if (
			!Array.isArray(body.events) ||
			body.events.length === 0 ||
			body.events.some((event) => !EVENTS.includes(String(event)))
		) {
			return socialSyncerError(400, {
				code: 'VALIDATION_ERROR',
				message: `events must be a non-empty list of ${EVENTS.join(', ')}`,
			});
		}
		webhook = {
			url: body.url,
			events: body.events as string[],
			secret: webhook?.secret ?? `whsec_${randomBytes(16).toString('hex')}`,
		};
		return {
			status: 200,
			body: { url: webhook.url, events: webhook.events, secret: webhook.secret },
		};
	});
	emulator.route('GET', '/v1/webhooks/settings', () =>
		webhook
			? { status: 200, body: { url: webhook.url, events: webhook.events } }
			: socialSyncerError(404, { message: 'No webhook is set' }),
	);
	emulator.route('DELETE', '/v1/webhooks/settings', () => {
		webhook = undefined;
		return { status: 200, body: { success: true } };
	});

	Object.assign(emulator.hooks, {
		setHealth: (accountId: string, values: Row) => health.set(accountId, values),
		expireCodes: () => {
			for (const grant of codes.values()) grant.expiresAt = 0;
		},
	});
	return emulator;
}
