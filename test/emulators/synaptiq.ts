/** Synaptiq v1 emulator, from the API contract that docs/api/synaptiq.md summarises. Serves under `<origin>/api/v1`. */
import { createHmac, randomBytes } from 'node:crypto';

import {
	Emulator,
	bearerToken,
	type ApiKeyConfig,
	type EmulatorRequest,
	type EmulatorResponse,
	type ErrorDetail,
} from './core';
import { FixedWindowLimiter, type LimitDecision } from './limiters';
import { TEST_KEYS } from './keys';

const AUTH_DOC = 'https://synaptiqintel.com/docs/api-reference/authentication';
const OTHER_DOC = 'https://synaptiqintel.com/docs/api-reference/rate-limits';

type Scope = 'read' | 'write' | 'admin';
const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/** docs/api/synaptiq.md "Auth": per-minute limit of the key's scope bucket, by plan. */
const SCOPE_LIMITS: Record<string, Record<Scope, number>> = {
	starter: { read: 120, write: 60, admin: 30 },
	pro: { read: 600, write: 300, admin: 150 },
	enterprise: { read: 3000, write: 1500, admin: 750 },
};

/** docs/api/synaptiq.md "Errors": `{error: {code, message, doc_url}}`. */
export function synaptiqError(status: number, detail: ErrorDetail = {}): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['validation_error', 'Invalid request'],
		401: [
			'unauthorized',
			'Invalid or missing API key. Provide a valid Bearer token in the Authorization header.',
		],
		403: ['forbidden', 'This API key does not have the required scope.'],
		404: ['not_found', 'Resource not found'],
		409: ['conflict', 'Conflict'],
		429: [
			'rate_limit_exceeded',
			`Rate limit exceeded. Retry after ${detail.retryAfterSeconds ?? 1} seconds.`,
		],
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
	// docs/api/synaptiq.md "Rate limits": X-RateLimit-RetryAfter only on 429; the standard Retry-After is not documented.
	if (status === 429)
		answer.headers = { 'x-ratelimit-retryafter': String(detail.retryAfterSeconds ?? 1) };
	return answer;
}

/** docs/api/synaptiq.md "Auth" route → minimum scope: GET read (but /webhooks* admin), POST/PATCH write, DELETE admin. */
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

/** docs/api/synaptiq.md "Auth" extra per-endpoint caps per minute, by plan, in addition to the scope bucket. */
const ENDPOINT_CAPS: Array<{
	method: string;
	path: RegExp;
	name: string;
	limits: Record<string, number>;
}> = [
	{
		method: 'POST',
		path: /\/chat$/,
		name: 'chat',
		limits: { starter: 30, pro: 150, enterprise: 750 },
	},
	{
		method: 'GET',
		path: /\/analytics\//,
		name: 'analytics',
		limits: { starter: 20, pro: 100, enterprise: 500 },
	},
	{
		method: 'POST',
		path: /\/leads$/,
		name: 'lead-create',
		limits: { starter: 30, pro: 150, enterprise: 750 },
	},
	{
		method: 'GET',
		path: /\/leads\/search$/,
		name: 'search',
		limits: { starter: 20, pro: 100, enterprise: 500 },
	},
];

export const WEBHOOK_EVENTS = [
	'lead.created',
	'lead.updated',
	'lead.qualified',
	'lead.converted',
	'lead.deleted',
	'conversation.started',
	'conversation.completed',
	'conversation.handoff',
	'message.received',
	'message.sent',
	'intent.high_value',
	'meeting.booked',
	'meeting.cancelled',
	'meeting.rescheduled',
];

type Row = Record<string, unknown> & { id: string };
interface Store {
	leads: Row[];
	conversations: Row[];
	messages: Row[];
	webhooks: Row[];
}
const emptyStore = (): Store => ({ leads: [], conversations: [], messages: [], webhooks: [] });

export function createSynaptiqEmulator(): Emulator {
	const limiter = new FixedWindowLimiter();
	/** Per-request rate-limit headers, added to the reply by afterRoute. */
	const pendingHeaders = new WeakMap<EmulatorRequest, Record<string, string>>();

	const emulator = new Emulator(
		{
			name: 'synaptiq',
			apiPrefix: '/api/v1',
			authenticate(req, keys) {
				// docs/api/synaptiq.md "Endpoints": one 401 body for missing, unknown, revoked and rotated-past-grace keys.
				const token = bearerToken(req.headers);
				const config = token ? keys.get(token) : undefined;
				const expired = typeof config?.expiresAt === 'number' && Date.now() > config.expiresAt;
				if (!config || config.revoked || expired) return { refuse: synaptiqError(401) };
				// docs/api/synaptiq.md "Errors" check order: 401 → 403 (plan, then scope) → 429.
				if (config.planInsufficient) {
					return {
						refuse: synaptiqError(403, { code: 'plan_insufficient', message: 'Plan Insufficient' }),
					};
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
				const limits =
					(emulator.config.scopeLimits as typeof SCOPE_LIMITS)[key.plan] ?? SCOPE_LIMITS.starter;
				// docs/api/synaptiq.md §2 [A]: fixed 60 s windows (config `windowMs`: tests use shorter ones).
				const windowMs = Number(emulator.config.windowMs) || 60_000;
				const decisions: LimitDecision[] = [limiter.take(key.key, limits[key.scope], windowMs)];
				const cap = ENDPOINT_CAPS.find(
					(candidate) => candidate.method === req.method && candidate.path.test(req.path),
				);
				if (cap)
					decisions.push(
						limiter.take(
							`${key.key}:${cap.name}`,
							Number(
								(emulator.config.endpointCaps as Record<string, Record<string, number>>)[
									cap.name
								]?.[key.plan] ??
									cap.limits[key.plan] ??
									cap.limits.starter,
							),
							windowMs,
						),
					);
				// The headers describe the bucket that applies: the endpoint cap where there is one (docs/api/synaptiq.md "Rate limits").
				const decision =
					decisions.find((candidate) => !candidate.allowed) ?? decisions[decisions.length - 1];
				const headers = rateLimitHeaders(decision);
				if (!decision.allowed) {
					const answer = synaptiqError(429, { retryAfterSeconds: decision.retryAfterSeconds });
					answer.headers = { ...headers, ...answer.headers };
					if (emulator.config.sendRetryAfter)
						answer.headers['retry-after'] = String(decision.retryAfterSeconds);
					return answer;
				}
				pendingHeaders.set(req, headers);
				return undefined;
			},
			afterRoute: (req, answer) => ({
				...answer,
				headers: { ...(pendingHeaders.get(req) ?? {}), ...(answer.headers ?? {}) },
			}),
		},
		[
			{ key: TEST_KEYS.synaptiq.liveRead, scope: 'read', plan: 'starter' },
			{ key: TEST_KEYS.synaptiq.liveWrite, scope: 'write', plan: 'starter' },
			{ key: TEST_KEYS.synaptiq.liveAdmin, scope: 'admin', plan: 'pro' },
			{ key: TEST_KEYS.synaptiq.testAdmin, scope: 'admin', plan: 'pro' },
			{ key: TEST_KEYS.synaptiq.revoked, scope: 'admin', plan: 'pro', revoked: true },
			{
				key: TEST_KEYS.synaptiq.planInsufficient,
				scope: 'read',
				plan: 'starter',
				planInsufficient: true,
			},
		],
		{
			scopeLimits: SCOPE_LIMITS,
			windowMs: 60_000,
			endpointCaps: {},
			sendRetryAfter: false,
			snakeCaseEnvelope: false,
		},
	);

	/** Separate data per environment (docs/api/synaptiq.md "Endpoints"): sk_test_ and sk_live_ never see each other's records. */
	let stores: Record<'live' | 'test', Store> = { live: emptyStore(), test: emptyStore() };
	emulator.onReset(() => {
		limiter.reset();
		stores = { live: emptyStore(), test: emptyStore() };
	});
	const storeOf = (req: EmulatorRequest) => stores[environmentOf(req.key!.key)];

	let counter = 0;
	/** `<prefix>_` + 26 ULID-like characters (docs/api/synaptiq.md "Auth"). */
	const newId = (prefix: string) =>
		`${prefix}_${Date.now().toString(36).toUpperCase().padStart(10, '0')}${(++counter).toString(36).toUpperCase().padStart(16, '0')}`;
	const now = () => new Date().toISOString();

	/** docs/api/synaptiq.md "Webhooks": signed delivery of an event to every active webhook of the environment that subscribed to it. */
	function emit(store: Store, type: string, data: unknown) {
		const createdAt = now();
		const envelope = emulator.config.snakeCaseEnvelope
			? { id: newId('evt'), type, created_at: createdAt, data }
			: { id: newId('evt'), type, apiVersion: '2026-01-15', createdAt, data };
		for (const webhook of store.webhooks) {
			if (webhook.status !== 'active' || !(webhook.events as string[]).includes(type)) continue;
			const body = JSON.stringify(envelope);
			void emulator.deliver(String(webhook.url), body, {
				'x-synaptiq-signature': signatureFor(String(webhook.secret), body),
			});
		}
	}

	/**
	 * docs/api/synaptiq.md "Webhooks" [A]: `t=<unix seconds>,v1=<hex HMAC of "t." + body>`. The real format is not published, so config
	 * `signatureFormat` can send the other forms seen elsewhere: `hex` (HMAC of the raw body) or `sha256` (`sha256=<hex>`).
	 */
	function signatureFor(secret: string, body: string): string {
		const format = String(emulator.config.signatureFormat ?? 'timestamped');
		if (format === 'hex' || format === 'sha256') {
			const hex = createHmac('sha256', secret).update(body).digest('hex');
			return format === 'sha256' ? `sha256=${hex}` : hex;
		}
		const t = Math.floor(Date.now() / 1000) - Number(emulator.config.deliveryClockSkewSeconds ?? 0);
		return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
	}

	function paged(req: EmulatorRequest, rows: unknown[]): EmulatorResponse {
		const page = Number(req.query.get('page') ?? 1);
		const limit = Number(req.query.get('limit') ?? 25);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return synaptiqError(400, { message: 'limit must be an integer between 1 and 100' });
		if (!Number.isInteger(page) || page < 1)
			return synaptiqError(400, { message: 'page must be an integer of at least 1' });
		const total = rows.length;
		const totalPages = Math.ceil(total / limit);
		return {
			status: 200,
			body: {
				data: rows.slice((page - 1) * limit, page * limit) as never,
				pagination: { page, limit, total, totalPages, hasMore: page < totalPages },
			},
		};
	}

	function sortRows(rows: Row[], field: string, order: string | null): Row[] {
		const direction = order === 'asc' ? 1 : -1;
		return [...rows].sort(
			(a, b) =>
				(String(a[field] ?? '') < String(b[field] ?? '')
					? -direction
					: String(a[field] ?? '') > String(b[field] ?? '')
						? direction
						: 0) * (typeof a[field] === 'number' ? 0 : 1) ||
				(Number(a[field] ?? 0) - Number(b[field] ?? 0)) * direction,
		);
	}

	const LEAD_STATUSES = ['new', 'qualified', 'contacted', 'converted', 'lost'];
	function checkLeadFields(body: Record<string, unknown>, creating: boolean): string | undefined {
		if (creating || body.email !== undefined) {
			if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email))
				return 'email is required and must be a valid email address';
		}
		if (creating || body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 200)
				return 'name is required (1-200 characters)';
		}
		if (typeof body.company === 'string' && body.company.length > 200)
			return 'company must be at most 200 characters';
		if (typeof body.phone === 'string' && body.phone.length > 50)
			return 'phone must be at most 50 characters';
		if (
			body.tags !== undefined &&
			!(Array.isArray(body.tags) && body.tags.every((tag) => typeof tag === 'string'))
		)
			return 'tags must be an array of strings';
		if (body.status !== undefined && (creating || !LEAD_STATUSES.includes(String(body.status))))
			return creating
				? 'status cannot be set on create'
				: `status must be one of ${LEAD_STATUSES.join(', ')}`;
		if (body.score !== undefined) return 'score is read-only';
		return undefined;
	}

	function createLead(store: Store, fields: Record<string, unknown>, source: string): Row {
		const at = now();
		const lead: Row = {
			id: newId('lead'),
			email: fields.email,
			name: fields.name,
			company: fields.company ?? null,
			title: fields.title ?? null,
			phone: fields.phone ?? null,
			status: 'new',
			score: 0,
			source,
			tags: Array.isArray(fields.tags) ? fields.tags : [],
			customFields: (fields.customFields as object) ?? {},
			metadata: (fields.metadata as object) ?? {},
			firstSeenAt: at,
			lastActiveAt: at,
			createdAt: at,
			updatedAt: at,
		};
		store.leads.unshift(lead);
		emit(store, 'lead.created', lead);
		return lead;
	}

	// docs/api/synaptiq.md "Endpoints" #5.
	emulator.route('POST', '/leads', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problem = checkLeadFields(body, true);
		if (problem) return synaptiqError(400, { message: problem });
		const store = storeOf(req);
		if (store.leads.some((lead) => lead.email === body.email))
			return synaptiqError(409, {
				message: `A lead with email ${String(body.email)} already exists`,
			});
		return { status: 201, body: createLead(store, body, 'api') };
	});

	// docs/api/synaptiq.md "Endpoints" #2, docs/api/synaptiq.md "Endpoints".
	emulator.route('GET', '/leads', (req) => {
		let rows = storeOf(req).leads;
		for (const filter of ['status', 'source'] as const) {
			const value = req.query.get(filter);
			if (value) rows = rows.filter((lead) => lead[filter] === value);
		}
		const after = req.query.get('createdAfter');
		const before = req.query.get('createdBefore');
		if (after) rows = rows.filter((lead) => String(lead.createdAt) > after);
		if (before) rows = rows.filter((lead) => String(lead.createdAt) < before);
		const sortBy = req.query.get('sortBy') ?? 'createdAt';
		if (!['createdAt', 'updatedAt', 'score'].includes(sortBy))
			return synaptiqError(400, { message: 'sortBy must be createdAt, updatedAt or score' });
		return paged(req, sortRows(rows, sortBy, req.query.get('sortOrder')));
	});

	// docs/api/synaptiq.md "Endpoints" #3: matches email, name, company.
	emulator.route('GET', '/leads/search', (req) => {
		const q = req.query.get('q')?.toLowerCase();
		if (!q) return synaptiqError(400, { message: 'q is required' });
		return paged(
			req,
			storeOf(req).leads.filter((lead) =>
				['email', 'name', 'company'].some((field) =>
					String(lead[field] ?? '')
						.toLowerCase()
						.includes(q),
				),
			),
		);
	});

	const findLead = (req: EmulatorRequest) =>
		storeOf(req).leads.find((lead) => lead.id === req.params.id);

	emulator.route('GET', '/leads/{id}', (req) => {
		const lead = findLead(req);
		if (!lead) return synaptiqError(404, { message: `Lead ${req.params.id} not found` });
		const conversations = storeOf(req)
			.conversations.filter((conversation) => conversation.leadId === lead.id)
			.map(({ id, status, channel, startedAt, lastMessageAt, messageCount }) => ({
				id,
				status,
				channel,
				startedAt,
				lastMessageAt,
				messageCount,
			}));
		return { status: 200, body: { ...lead, conversations } };
	});

	emulator.route('PATCH', '/leads/{id}', (req) => {
		const lead = findLead(req);
		if (!lead) return synaptiqError(404, { message: `Lead ${req.params.id} not found` });
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problem = checkLeadFields(body, false);
		if (problem) return synaptiqError(400, { message: problem });
		const store = storeOf(req);
		if (
			body.email !== undefined &&
			store.leads.some((other) => other !== lead && other.email === body.email)
		) {
			return synaptiqError(409, {
				message: `A lead with email ${String(body.email)} already exists`,
			});
		}
		const previousStatus = lead.status;
		for (const field of [
			'email',
			'name',
			'company',
			'title',
			'phone',
			'tags',
			'customFields',
			'metadata',
			'status',
		]) {
			if (body[field] !== undefined) lead[field] = body[field];
		}
		lead.updatedAt = now();
		emit(store, 'lead.updated', lead);
		if (lead.status !== previousStatus && lead.status === 'qualified')
			emit(store, 'lead.qualified', lead);
		if (lead.status !== previousStatus && lead.status === 'converted')
			emit(store, 'lead.converted', lead);
		return { status: 200, body: lead };
	});

	emulator.route('DELETE', '/leads/{id}', (req) => {
		const lead = findLead(req);
		if (!lead) return synaptiqError(404, { message: `Lead ${req.params.id} not found` });
		const store = storeOf(req);
		store.leads = store.leads.filter((candidate) => candidate !== lead);
		emit(store, 'lead.deleted', lead);
		return { status: 200, body: { id: lead.id, deleted: true } };
	});

	// docs/api/synaptiq.md "Endpoints": chat.
	const CANNED = [
		'Thanks for reaching out! What brings you to us today?',
		'Happy to help with pricing. How many seats are you thinking about?',
		'Great, I can set up a demo. What email should I send the invite to?',
	];
	emulator.route('POST', '/chat', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.message !== 'string' || body.message.trim() === '')
			return synaptiqError(400, { message: 'message is required' });
		if (body.message.length > 4000)
			return synaptiqError(400, { message: 'message must be at most 4000 characters' });
		if (typeof body.visitorId !== 'string' || body.visitorId === '')
			return synaptiqError(400, { message: 'visitorId is required' });
		if (body.language !== undefined && !/^[a-z]{2}$/.test(String(body.language)))
			return synaptiqError(400, { message: 'language must be an ISO 639-1 code' });
		const store = storeOf(req);
		let conversation: Row | undefined;
		if (body.sessionId !== undefined) {
			conversation = store.conversations.find(
				(candidate) => candidate.sessionId === body.sessionId,
			);
			if (!conversation)
				return synaptiqError(404, { message: `Session ${String(body.sessionId)} not found` });
			if (conversation.status !== 'active')
				return synaptiqError(409, {
					message: `The conversation of session ${String(body.sessionId)} is ${String(conversation.status)}`,
				});
		} else {
			conversation = {
				id: newId('conv'),
				sessionId: newId('sess'),
				leadId: null,
				visitorId: body.visitorId,
				channel: 'api',
				status: 'active',
				subject: body.message.slice(0, 60),
				messageCount: 0,
				summary: null,
				intents: [],
				leadScore: 0,
				assignedTo: null,
				language: body.language ?? 'en',
				metadata: body.metadata ?? {},
				startedAt: now(),
				lastMessageAt: now(),
			};
			store.conversations.unshift(conversation);
			emit(store, 'conversation.started', conversation);
		}
		const email = /[^@\s]+@[^@\s]+\.[a-z]{2,}/i.exec(body.message)?.[0];
		if (email && !conversation.leadId) {
			const lead =
				store.leads.find((candidate) => candidate.email === email) ??
				createLead(store, { email, name: email.split('@')[0] }, 'chat');
			conversation.leadId = lead.id;
		}
		if (
			/pricing|price|cost/i.test(body.message) &&
			!(conversation.intents as string[]).includes('pricing_inquiry')
		)
			(conversation.intents as string[]).push('pricing_inquiry');
		const received: Row = {
			id: newId('msg'),
			conversationId: conversation.id,
			role: 'user',
			content: body.message,
			createdAt: now(),
		};
		const reply: Row = {
			id: newId('msg'),
			conversationId: conversation.id,
			role: 'assistant',
			content:
				CANNED[
					Number(conversation.messageCount) / 2 >= CANNED.length
						? CANNED.length - 1
						: Number(conversation.messageCount) / 2
				],
			createdAt: now(),
		};
		store.messages.push(received, reply);
		conversation.messageCount = Number(conversation.messageCount) + 2;
		conversation.lastMessageAt = reply.createdAt;
		emit(store, 'message.received', received);
		emit(store, 'message.sent', reply);
		return {
			status: 200,
			body: {
				...reply,
				sessionId: conversation.sessionId,
				visitorId: conversation.visitorId,
				leadId: conversation.leadId,
			},
		};
	});

	// docs/api/synaptiq.md "Endpoints" #8–10: conversations.
	emulator.route('GET', '/conversations', (req) => {
		let rows = storeOf(req).conversations;
		for (const filter of ['leadId', 'status', 'channel'] as const) {
			const value = req.query.get(filter);
			if (value) rows = rows.filter((conversation) => conversation[filter] === value);
		}
		const start = req.query.get('startDate');
		const end = req.query.get('endDate');
		if (start) rows = rows.filter((conversation) => String(conversation.startedAt) >= start);
		if (end) rows = rows.filter((conversation) => String(conversation.startedAt) <= end);
		const sortBy = req.query.get('sortBy') ?? 'lastMessageAt';
		if (!['startedAt', 'lastMessageAt', 'messageCount'].includes(sortBy))
			return synaptiqError(400, {
				message: 'sortBy must be startedAt, lastMessageAt or messageCount',
			});
		return paged(
			req,
			sortRows(rows, sortBy, req.query.get('sortOrder')).map(
				({ sessionId: _s, language: _l, metadata: _m, ...conversation }) => conversation,
			),
		);
	});
	const findConversation = (req: EmulatorRequest) =>
		storeOf(req).conversations.find((conversation) => conversation.id === req.params.id);
	emulator.route('GET', '/conversations/{id}', (req) => {
		const conversation = findConversation(req);
		return conversation
			? { status: 200, body: conversation }
			: synaptiqError(404, { message: `Conversation ${req.params.id} not found` });
	});
	emulator.route('GET', '/conversations/{id}/messages', (req) => {
		const conversation = findConversation(req);
		if (!conversation)
			return synaptiqError(404, { message: `Conversation ${req.params.id} not found` });
		return paged(
			req,
			storeOf(req).messages.filter((message) => message.conversationId === conversation.id),
		);
	});

	// docs/api/synaptiq.md "Endpoints": analytics computed from the stored data.
	emulator.route('GET', '/analytics/overview', (req) => {
		const end = req.query.get('endDate') ?? now().slice(0, 10);
		const start =
			req.query.get('startDate') ??
			new Date(Date.parse(end) - 30 * 86_400_000).toISOString().slice(0, 10);
		const granularity = req.query.get('granularity') ?? 'day';
		const compareWith = req.query.get('compareWith');
		if (!['day', 'week', 'month'].includes(granularity))
			return synaptiqError(400, { message: 'granularity must be day, week or month' });
		if (compareWith && !['previous_period', 'previous_year'].includes(compareWith))
			return synaptiqError(400, {
				message: 'compareWith must be previous_period or previous_year',
			});
		if (Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end)) || start > end)
			return synaptiqError(400, {
				message: 'startDate and endDate must be dates, startDate first',
			});
		const store = storeOf(req);
		const inRange = (iso: unknown, from: string, to: string) =>
			String(iso).slice(0, 10) >= from && String(iso).slice(0, 10) <= to;
		const summarise = (from: string, to: string) => {
			const leads = store.leads.filter((lead) => inRange(lead.createdAt, from, to));
			const conversations = store.conversations.filter((conversation) =>
				inRange(conversation.startedAt, from, to),
			);
			const qualified = leads.filter((lead) =>
				['qualified', 'converted'].includes(String(lead.status)),
			).length;
			const converted = leads.filter((lead) => lead.status === 'converted').length;
			return {
				totalConversations: conversations.length,
				totalLeads: leads.length,
				qualifiedLeads: qualified,
				conversionRate: leads.length ? Number((converted / leads.length).toFixed(4)) : 0,
				avgLeadScore: leads.length
					? Number(
							(leads.reduce((sum, lead) => sum + Number(lead.score), 0) / leads.length).toFixed(2),
						)
					: 0,
				avgResponseTime: conversations.length ? 1.2 : 0,
				avgMessagesPerConversation: conversations.length
					? Number(
							(
								conversations.reduce(
									(sum, conversation) => sum + Number(conversation.messageCount),
									0,
								) / conversations.length
							).toFixed(2),
						)
					: 0,
				handoffRate: conversations.length
					? Number(
							(
								conversations.filter((conversation) => conversation.status === 'handed_off')
									.length / conversations.length
							).toFixed(4),
						)
					: 0,
				totalRevenuePipeline: 0,
			};
		};
		const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
		const shift = (iso: string, byDays: number) =>
			new Date(Date.parse(iso) - byDays * 86_400_000).toISOString().slice(0, 10);
		const comparison =
			compareWith === 'previous_period'
				? summarise(shift(start, days + 1), shift(start, 1))
				: compareWith === 'previous_year'
					? summarise(shift(start, 365), shift(end, 365))
					: null;
		const bucketDays = granularity === 'day' ? 1 : granularity === 'week' ? 7 : 30;
		const timeSeries = [];
		for (
			let from = start;
			from <= end;
			from = new Date(Date.parse(from) + bucketDays * 86_400_000).toISOString().slice(0, 10)
		) {
			const to = new Date(
				Math.min(Date.parse(end), Date.parse(from) + (bucketDays - 1) * 86_400_000),
			)
				.toISOString()
				.slice(0, 10);
			const bucket = summarise(from, to);
			timeSeries.push({
				period: from,
				conversations: bucket.totalConversations,
				leads: bucket.totalLeads,
				qualifiedLeads: bucket.qualifiedLeads,
				conversionRate: bucket.conversionRate,
			});
		}
		return {
			status: 200,
			body: {
				period: { startDate: start, endDate: end },
				summary: summarise(start, end),
				comparison,
				timeSeries,
			},
		};
	});

	// docs/api/synaptiq.md "Endpoints" #12–14, docs/api/synaptiq.md "Webhooks": webhooks (admin scope, enforced in authenticate).
	emulator.route('POST', '/webhooks', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const url = String(body.url ?? '');
		if (!/^https:\/\/\S+$/.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url))
			return synaptiqError(400, { message: 'url must be an HTTPS URL' });
		if (!Array.isArray(body.events) || body.events.length === 0)
			return synaptiqError(400, { message: 'events must be a non-empty array' });
		const unknown = (body.events as unknown[]).filter(
			(event) => !WEBHOOK_EVENTS.includes(String(event)),
		);
		if (unknown.length > 0)
			return synaptiqError(400, { message: `unknown events: ${unknown.join(', ')}` });
		if (body.secret !== undefined && !/^whsec_[A-Za-z0-9]{16,}$/.test(String(body.secret)))
			return synaptiqError(400, {
				message: 'secret must look like whsec_ followed by at least 16 letters or digits',
			});
		const generated = body.secret === undefined;
		const webhook: Row = {
			id: newId('wh'),
			url,
			events: body.events,
			status: 'active',
			createdAt: now(),
			secret: generated
				? `whsec_${randomBytes(24)
						.toString('base64url')
						.replace(/[^A-Za-z0-9]/g, '')
						.slice(0, 32)}`
				: body.secret,
		};
		storeOf(req).webhooks.push(webhook);
		const { secret, ...shown } = webhook;
		return { status: 201, body: generated ? { ...shown, secret } : shown };
	});
	emulator.route('GET', '/webhooks', (req) =>
		paged(
			req,
			storeOf(req).webhooks.map(({ secret: _secret, ...webhook }) => webhook),
		),
	);
	emulator.route('DELETE', '/webhooks/{id}', (req) => {
		const store = storeOf(req);
		const webhook = store.webhooks.find((candidate) => candidate.id === req.params.id);
		if (!webhook) return synaptiqError(404, { message: `Webhook ${req.params.id} not found` });
		store.webhooks = store.webhooks.filter((candidate) => candidate !== webhook);
		return { status: 200, body: { id: webhook.id, deleted: true } };
	});

	// docs/api/synaptiq.md "Endpoints" test hooks: conversation state changes and the events they raise.
	const conversationById = (environment: 'live' | 'test', id: string) =>
		stores[environment].conversations.find((conversation) => conversation.id === id);
	const setStatus =
		(status: string, event: string) => (environment: 'live' | 'test', id: string) => {
			const conversation = conversationById(environment, id);
			if (!conversation) throw new Error(`no conversation ${id}`);
			conversation.status = status;
			emit(stores[environment], event, conversation);
		};
	Object.assign(emulator.hooks, {
		handOff: setStatus('handed_off', 'conversation.handoff'),
		close: setStatus('closed', 'conversation.completed'),
		expire: (environment: 'live' | 'test', id: string) => {
			const conversation = conversationById(environment, id);
			if (conversation) conversation.status = 'expired';
		},
		highValueIntent: (environment: 'live' | 'test', id: string) => {
			const conversation = conversationById(environment, id);
			emit(stores[environment], 'intent.high_value', {
				conversationId: id,
				leadId: conversation?.leadId ?? null,
				intent: 'demo_request',
				confidence: 0.92,
			});
		},
		bookMeeting: (environment: 'live' | 'test', leadId: string) => {
			const start = new Date(Date.now() + 86_400_000);
			emit(stores[environment], 'meeting.booked', {
				meetingId: newId('mtg'),
				leadId,
				startTime: start.toISOString(),
				endTime: new Date(start.getTime() + 1_800_000).toISOString(),
				status: 'booked',
			});
		},
	});
	return emulator;
}
