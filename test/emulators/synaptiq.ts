/** Synaptiq v1 emulator, from ../shared/api/synaptiq.md. Serves under `<origin>/api/v1`. */
import { Emulator, bearerToken, type ApiKeyConfig, type EmulatorRequest, type EmulatorResponse, type ErrorDetail } from './core';
import { FixedWindowLimiter, type LimitDecision } from './limiters';
import { TEST_KEYS } from './keys';

const AUTH_DOC = 'https://synaptiqintel.com/docs/api-reference/authentication';
const OTHER_DOC = 'https://synaptiqintel.com/docs/api-reference/rate-limits';

type Scope = 'read' | 'write' | 'admin';
const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/** §2: per-minute limit of the key's scope bucket, by plan. */
const SCOPE_LIMITS: Record<string, Record<Scope, number>> = {
	starter: { read: 120, write: 60, admin: 30 },
	pro: { read: 600, write: 300, admin: 150 },
	enterprise: { read: 3000, write: 1500, admin: 750 },
};

/** §5: `{error: {code, message, doc_url}}`. */
export function synaptiqError(status: number, detail: ErrorDetail = {}): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['validation_error', 'Invalid request'],
		401: ['unauthorized', 'Invalid or missing API key. Provide a valid Bearer token in the Authorization header.'],
		403: ['forbidden', 'This API key does not have the required scope.'],
		404: ['not_found', 'Resource not found'],
		409: ['conflict', 'Conflict'],
		429: ['rate_limit_exceeded', `Rate limit exceeded. Retry after ${detail.retryAfterSeconds ?? 1} seconds.`],
		500: ['internal_error', 'Internal server error'],
	};
	const [code, message] = defaults[status] ?? ['internal_error', 'Unexpected error'];
	const answer: EmulatorResponse = {
		status,
		body: {
			error: {
				code: detail.code ?? code,
				message: detail.message ?? message,
				doc_url: status === 401 ? AUTH_DOC : OTHER_DOC,
			},
		},
	};
	// §2: X-RateLimit-RetryAfter only on 429; the standard Retry-After is not documented.
	if (status === 429) answer.headers = { 'x-ratelimit-retryafter': String(detail.retryAfterSeconds ?? 1) };
	return answer;
}

/** §2 route → minimum scope: GET read (but /webhooks* admin), POST/PATCH write, DELETE admin. */
export function requiredScope(method: string, path: string): Scope {
	if (/\/webhooks(\/|$)/.test(path)) return 'admin';
	if (method === 'GET' || method === 'HEAD') return 'read';
	if (method === 'DELETE') return 'admin';
	return 'write';
}

export function environmentOf(key: string): 'live' | 'test' {
	return key.startsWith('sk_test_') ? 'test' : 'live';
}

function rateLimitHeaders(decision: LimitDecision): Record<string, string> {
	return {
		'x-ratelimit-limit': String(decision.limit),
		'x-ratelimit-remaining': String(decision.remaining),
		'x-ratelimit-reset': String(Math.ceil(decision.resetAt / 1000)),
	};
}

export function createSynaptiqEmulator(): Emulator {
	const limiter = new FixedWindowLimiter();
	/** Per-request rate-limit headers, added to the reply by the route wrapper below. */
	const pendingHeaders = new WeakMap<EmulatorRequest, Record<string, string>>();

	const emulator = new Emulator(
		{
			name: 'synaptiq',
			apiPrefix: '/api/v1',
			authenticate(req, keys) {
				// §9.1: one 401 body for missing, unknown, revoked and rotated-past-grace keys.
				const token = bearerToken(req.headers);
				const config = token ? keys.get(token) : undefined;
				const expired = typeof config?.expiresAt === 'number' && Date.now() > config.expiresAt;
				if (!config || config.revoked || expired) return { refuse: synaptiqError(401) };
				// §5 check order: 401 → 403 plan → 403 scope → 429.
				if (config.planInsufficient) {
					return { refuse: synaptiqError(403, { code: 'plan_insufficient', message: 'Plan Insufficient' }) };
				}
				const needed = requiredScope(req.method, req.path);
				if (SCOPE_RANK[config.scope as Scope] < SCOPE_RANK[needed]) {
					return {
						refuse: synaptiqError(403, {
							code: 'forbidden',
							message: `This API key does not have the required scope (${needed}).`,
						}),
					};
				}
				return { key: config };
			},
			errorResponse: (status, detail) => synaptiqError(status, detail),
			beforeRoute(req) {
				const key = req.key as ApiKeyConfig & { scope: Scope; plan: string };
				const limits = (emulator.config.scopeLimits as typeof SCOPE_LIMITS)[key.plan] ?? SCOPE_LIMITS.starter;
				const decision = limiter.take(key.key, limits[key.scope]);
				const headers = rateLimitHeaders(decision);
				if (!decision.allowed) {
					const answer = synaptiqError(429, { retryAfterSeconds: decision.retryAfterSeconds });
					answer.headers = { ...headers, ...answer.headers };
					if (emulator.config.sendRetryAfter) answer.headers['retry-after'] = String(decision.retryAfterSeconds);
					return answer;
				}
				pendingHeaders.set(req, headers);
				return undefined;
			},
		},
		[
			{ key: TEST_KEYS.synaptiq.liveRead, scope: 'read', plan: 'starter' },
			{ key: TEST_KEYS.synaptiq.liveWrite, scope: 'write', plan: 'starter' },
			{ key: TEST_KEYS.synaptiq.liveAdmin, scope: 'admin', plan: 'pro' },
			{ key: TEST_KEYS.synaptiq.testAdmin, scope: 'admin', plan: 'pro' },
			{ key: TEST_KEYS.synaptiq.revoked, scope: 'admin', plan: 'pro', revoked: true },
			{ key: TEST_KEYS.synaptiq.planInsufficient, scope: 'read', plan: 'starter', planInsufficient: true },
		],
		{ scopeLimits: SCOPE_LIMITS, sendRetryAfter: false },
	);

	/** Separate data per environment (§9.2): sk_test_ and sk_live_ never see each other's records. */
	const stores = { live: { leads: [] as Array<Record<string, unknown>> }, test: { leads: [] as Array<Record<string, unknown>> } };
	emulator.onReset(() => {
		limiter.reset();
		stores.live.leads = [];
		stores.test.leads = [];
	});

	const withRateHeaders =
		(handler: (req: EmulatorRequest) => EmulatorResponse) =>
		(req: EmulatorRequest): EmulatorResponse => {
			const answer = handler(req);
			return { ...answer, headers: { ...(pendingHeaders.get(req) ?? {}), ...(answer.headers ?? {}) } };
		};

	let leadCounter = 0;
	/** `lead_` + 26 ULID-like characters (§1). */
	const newLeadId = () => `lead_${Date.now().toString(36).toUpperCase().padStart(10, '0')}${(++leadCounter).toString(36).toUpperCase().padStart(16, '0')}`;

	emulator.route(
		'POST',
		'/leads',
		withRateHeaders((req) => {
			const body = (req.body ?? {}) as Record<string, unknown>;
			// §3 #5: email and name required; name 1–200, company ≤200, phone ≤50.
			if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email)) {
				return synaptiqError(400, { message: 'email is required and must be a valid email address' });
			}
			if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 200) {
				return synaptiqError(400, { message: 'name is required (1-200 characters)' });
			}
			if (typeof body.company === 'string' && body.company.length > 200) {
				return synaptiqError(400, { message: 'company must be at most 200 characters' });
			}
			if (typeof body.phone === 'string' && body.phone.length > 50) {
				return synaptiqError(400, { message: 'phone must be at most 50 characters' });
			}
			const leads = stores[environmentOf(req.key!.key)].leads;
			if (leads.some((lead) => lead.email === body.email)) {
				return synaptiqError(409, { message: `A lead with email ${body.email} already exists` });
			}
			const now = new Date().toISOString();
			const lead = {
				id: newLeadId(),
				email: body.email,
				name: body.name,
				company: body.company ?? null,
				title: body.title ?? null,
				phone: body.phone ?? null,
				status: 'new',
				score: 0,
				source: 'api',
				tags: Array.isArray(body.tags) ? body.tags : [],
				customFields: (body.customFields as object) ?? {},
				firstSeenAt: now,
				lastActiveAt: now,
				createdAt: now,
				updatedAt: now,
			};
			leads.unshift(lead);
			return { status: 201, body: lead };
		}),
	);

	emulator.route(
		'GET',
		'/leads',
		withRateHeaders((req) => {
			const page = Number(req.query.get('page') ?? 1);
			const limit = Number(req.query.get('limit') ?? 25);
			if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
				return synaptiqError(400, { message: 'limit must be an integer between 1 and 100' });
			}
			if (!Number.isInteger(page) || page < 1) {
				return synaptiqError(400, { message: 'page must be an integer of at least 1' });
			}
			const leads = stores[environmentOf(req.key!.key)].leads;
			const total = leads.length;
			const totalPages = Math.ceil(total / limit);
			return {
				status: 200,
				body: {
					data: leads.slice((page - 1) * limit, page * limit) as never,
					pagination: { page, limit, total, totalPages, hasMore: page < totalPages },
				},
			};
		}),
	);
	return emulator;
}
