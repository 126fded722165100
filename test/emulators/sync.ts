/** Sync (sync.so) v2 emulator, from the API contract that docs/api/sync.md summarises. */
import { createHmac, randomUUID } from 'node:crypto';

import {
	Emulator,
	REASON_PHRASES,
	headerValue,
	type EmulatorRequest,
	type EmulatorResponse,
	type ErrorDetail,
} from './core';
import { TokenBucketLimiter } from './limiters';
import { TEST_KEYS } from './keys';
import { registerVoiceRoutes } from './sync-voices';

const MODELS = [
	{
		id: 'lipsync-2',
		name: 'Lipsync 2',
		type: 'lipsync',
		version: '2.0',
		description: 'Zero-shot lip-sync',
	},
	{
		id: 'lipsync-2-pro',
		name: 'Lipsync 2 Pro',
		type: 'lipsync',
		version: '2.0',
		description: 'Higher fidelity lip-sync',
	},
	{ id: 'lipsync-1.9.0-beta', name: 'Lipsync 1.9 (beta)', type: 'lipsync', version: '1.9.0' },
	{
		id: 'react-1',
		name: 'React 1',
		type: 'react',
		version: '1.0',
		description: 'Emotion and head motion',
	},
	{ id: 'sync-3', name: 'Sync 3', type: 'lipsync', version: '3.0' },
];

/** docs/api/sync.md "Errors": `{statusCode, error, message, errorCode?, suggestion?, field?}`. */
export function syncError(
	status: number,
	detail: ErrorDetail & { suggestion?: string; field?: string } = {},
): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		401: ['unauthorized', 'Invalid or missing API key. Send your key in the x-api-key header.'],
		404: ['not_found', 'Resource not found'],
		429: ['rate_limit_exceeded', 'Rate limit exceeded. Please try again later.'],
		500: ['internal_server_error', 'Internal server error'],
		502: ['bad_gateway', 'Bad gateway'],
		503: ['service_unavailable', 'Service temporarily unavailable'],
		504: ['gateway_timeout', 'Gateway timeout'],
	};
	const [code, message] = defaults[status] ?? ['error', REASON_PHRASES[status] ?? 'Error'];
	return {
		status,
		body: {
			statusCode: status,
			error: REASON_PHRASES[status] ?? 'Error',
			message: detail.message ?? message,
			errorCode: detail.code ?? code,
			...(detail.suggestion ? { suggestion: detail.suggestion } : {}),
			...(detail.field ? { field: detail.field } : {}),
		},
	};
}

type Generation = Record<string, unknown> & {
	id: string;
	status: string;
	createdAt: string;
	webhookUrl?: string;
};
type Asset = Record<string, unknown> & { id: string; createdAt: string; type: string };
type Batch = Record<string, unknown> & { id: string; status: string; created_at: string };

const TERMINAL = ['COMPLETED', 'FAILED', 'REJECTED', 'CANCELED', 'TIMED_OUT'];
const GENERATION_STATUSES = ['PENDING', 'PROCESSING', ...TERMINAL];
const BATCH_STATUSES = ['PENDING', 'JOBS_CREATED', 'PROCESSING', 'COMPLETED', 'FAILED'];
const MODEL_IDS = MODELS.map((model) => model.id);
/** USD per second of output, by model (emulator figures). */
const PRICE_PER_SECOND: Record<string, number> = {
	'lipsync-2': 0.05,
	'lipsync-2-pro': 0.083,
	'lipsync-1.9.0-beta': 0.04,
	'react-1': 0.1,
	'sync-3': 0.12,
};
const SYNC_MODES = ['bounce', 'loop', 'cut_off', 'silence', 'remap'];

function validationError(messages: string[], field?: string): EmulatorResponse {
	const answer = syncError(400, { code: 'generation_input_validation_failed', field });
	(answer.body as Record<string, unknown>).message = messages;
	return answer;
}

/** docs/api/sync.md "Endpoints" / docs/api/sync.md "Endpoints": the create body rules; returns the problems found. */
export function validateCreate(body: Record<string, unknown>): string[] {
	const problems: string[] = [];
	if (typeof body.model !== 'string') problems.push('model is required');
	else if (!MODEL_IDS.includes(body.model))
		problems.push(`model must be one of: ${MODEL_IDS.join(', ')}`);
	if (!Array.isArray(body.input) || body.input.length === 0) {
		problems.push('input must be a non-empty array');
		return problems;
	}
	const items = body.input as Array<Record<string, unknown>>;
	const segments = Array.isArray(body.segments) && body.segments.length > 0;
	const visual = items.filter((item) => item.type === 'video' || item.type === 'image');
	const sound = items.filter((item) => item.type === 'audio' || item.type === 'text');
	for (const item of items) {
		if (!['video', 'audio', 'text', 'image'].includes(String(item.type)))
			problems.push(`input type ${String(item.type)} is not supported`);
		if (item.type === 'image' && body.model !== 'sync-3')
			problems.push('image input is only supported by sync-3');
		if (item.type === 'video' || item.type === 'audio' || item.type === 'image') {
			const hasUrl = typeof item.url === 'string' && item.url !== '';
			const hasAsset = typeof item.assetId === 'string' && item.assetId !== '';
			if (hasUrl === hasAsset)
				problems.push(`${String(item.type)} input needs exactly one of url or assetId`);
		}
		if (item.type === 'text') {
			const provider = (item.provider ?? {}) as Record<string, unknown>;
			if (
				provider.name !== 'elevenlabs' ||
				typeof provider.voiceId !== 'string' ||
				typeof provider.script !== 'string'
			) {
				problems.push('text input needs provider {name: "elevenlabs", voiceId, script}');
			}
		}
		if (
			segments &&
			(item.type === 'audio' || item.type === 'text') &&
			typeof item.refId !== 'string'
		) {
			problems.push('audio and text inputs need refId when segments are given');
		}
	}
	if (visual.length !== 1) problems.push('input must contain exactly one video');
	// ../shared/api/sync.md §10.2: a dub takes one video only (the voice hooks check the rest).
	if (!segments && body.dubParams === undefined && sound.length !== 1)
		problems.push('input must contain exactly one audio or text item');
	const options = (body.options ?? {}) as Record<string, unknown>;
	if (options.sync_mode !== undefined && !SYNC_MODES.includes(String(options.sync_mode)))
		problems.push(`options.sync_mode must be one of ${SYNC_MODES.join(', ')}`);
	if (
		options.temperature !== undefined &&
		!(
			typeof options.temperature === 'number' &&
			options.temperature >= 0 &&
			options.temperature <= 1
		)
	) {
		problems.push('options.temperature must be a number between 0 and 1');
	}
	if (
		body.outputFileName !== undefined &&
		!/^[A-Za-z0-9_-]{1,255}$/.test(String(body.outputFileName))
	) {
		problems.push('outputFileName may only contain letters, digits, _ and -');
	}
	if (body.webhookUrl !== undefined) {
		const url = String(body.webhookUrl);
		if (!/^https:\/\//.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url))
			problems.push('webhookUrl must be an HTTPS URL');
	}
	return problems;
}

/**
 * A list filter in every encoding clients send: comma-separated (the contract), repeated parameters
 * (Python SDK) or a JSON array (TypeScript SDK 0.3.0: `["COMPLETED"]`). Answers the values, or the
 * first value not in `allowed` (case-sensitive, as Sync's enums are).
 */
function listFilter(
	query: URLSearchParams,
	name: string,
	allowed?: readonly string[],
): { values?: string[]; unknown?: string } {
	const raw = query.getAll(name).filter((value) => value !== '');
	if (raw.length === 0) return {};
	const values: string[] = [];
	for (const entry of raw) {
		const text = entry.trim();
		let parsed: unknown;
		if (text.startsWith('[')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				return { unknown: text };
			}
		}
		const parts = Array.isArray(parsed) ? parsed.map(String) : text.split(',');
		values.push(...parts.map((part) => part.trim()).filter(Boolean));
	}
	const unknown = allowed ? values.find((value) => !allowed.includes(value)) : undefined;
	return unknown === undefined ? { values } : { unknown };
}

/** Multipart form → fields (strings, repeated ones as arrays) and files. Uses the platform's parser. */
async function parseMultipart(req: EmulatorRequest): Promise<{
	fields: Map<string, string[]>;
	files: Map<string, { name: string; type: string; bytes: Buffer }>;
}> {
	const form = await new Request('http://emulator/', {
		method: 'POST',
		headers: { 'content-type': String(req.headers['content-type']) },
		body: req.rawBody,
	}).formData();
	const fields = new Map<string, string[]>();
	const files = new Map<string, { name: string; type: string; bytes: Buffer }>();
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string') fields.set(name, [...(fields.get(name) ?? []), value]);
		else
			files.set(name, {
				name: value.name,
				type: value.type,
				bytes: Buffer.from(await value.arrayBuffer()),
			});
	}
	return { fields, files };
}

export function createSyncEmulator(): Emulator {
	const limiter = new TokenBucketLimiter();
	const emulator = new Emulator(
		{
			name: 'sync',
			authenticate(req, keys) {
				// docs/api/sync.md "Endpoints": only x-api-key counts; Authorization: Bearer alone is a 401.
				const key = headerValue(req.headers, 'x-api-key')?.trim();
				const config = key ? keys.get(key) : undefined;
				if (!config || config.revoked) return { refuse: syncError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => syncError(status, detail),
			beforeRoute(req) {
				// sync.so's rate-limit guide (updated 2026-06-01): per IP address, by endpoint —
				// POST /v2/generate 100/min (60 on dev), GET /v2/generate/* 600/min; the other routes keep
				// docs/api/sync.md "Rate limits"'s 600/min. Two keys from one address share a bucket. No Retry-After unless switched on.
				const bucket =
					req.method === 'POST' && req.path === '/v2/generate'
						? 'create'
						: req.method === 'GET' && req.path.startsWith('/v2/generate/')
							? 'status'
							: 'other';
				const limit = Number(
					bucket === 'create'
						? emulator.config.createPerMinute
						: bucket === 'status'
							? emulator.config.statusPerMinute
							: emulator.config.otherPerMinute,
				);
				const burst = Number(emulator.config.burst) || limit;
				const decision = limiter.take(`${req.clientAddress}:${bucket}`, limit, 60_000, burst);
				if (decision.allowed) return undefined;
				// The guide's 429 body has no errorCode: {statusCode, message, error}.
				const answer: EmulatorResponse = {
					status: 429,
					body: {
						statusCode: 429,
						message: 'Rate limit exceeded. Please try again later.',
						error: 'Too Many Requests',
					},
				};
				if (emulator.config.sendRetryAfter) {
					answer.headers = { 'retry-after': String(decision.retryAfterSeconds) };
				}
				return answer;
			},
		},
		[{ key: TEST_KEYS.sync.valid }, { key: TEST_KEYS.sync.other }],
		{
			/** POST /v2/generate per IP (prod; the dev environment allows 60). */
			createPerMinute: 100,
			/** GET /v2/generate/* per IP. */
			statusPerMinute: 600,
			// burst 0 = the whole minute's allowance at once; a test may set a per-second burst.
			otherPerMinute: 600,
			sendRetryAfter: false,
			burst: 0,
			/** Milliseconds per job stage (PENDING → PROCESSING → terminal); tests speed the clock up. */
			stageMs: 3000,
			/** Jobs PENDING+PROCESSING at once (Scale plan: 15). */
			concurrency: 15,
			/** Bytes of a finished generation's output file. */
			outputBytes: 256 * 1024,
			outputDuration: 4.2,
			webhookSecret: 'whsec_emulatorSyncSigningSecret01',
			/** Also send the signature as X-Signature-Primary (docs/api/sync.md "Assumptions"). */
			sendBothSignatureHeaders: false,
			/** Deliver a webhook for REJECTED jobs too (docs/api/sync.md "Assumptions": off by default). */
			webhookOnRejected: false,
			/** Batches need Scale or higher (docs/api/sync.md "Errors": 402 otherwise). */
			batchAllowed: true,
			/** Upload cap of multipart create, bytes (docs/api/sync.md "Assumptions": default 20 MB → 413). */
			multipartLimit: 20 * 1024 * 1024,
			/** Serve the output under both outputUrl and outputMediaUrl (docs/api/sync.md "Assumptions" switch). */
			sendOutputMediaUrl: false,
			/** Answer the next create with 503 IDEMPOTENCY_OUTCOME_UNKNOWN (docs/api/sync.md "Endpoints" injection). */
			idempotencyOutcomeUnknown: false,
		},
	);

	let generations = new Map<string, Generation>();
	/** When each generation turned COMPLETED (for completion-latency measurements). */
	const completedAt = new Map<string, number>();
	emulator.hooks.completedAt = ((id: string) => completedAt.get(id)) as never;
	let assets = new Map<string, Asset>();
	let batches = new Map<string, Batch>();
	let idempotent = new Map<string, { at: number; generationId: string }>();
	let uploadSlots = new Map<string, { contentType: string; size: number; received?: number }>();
	emulator.onReset(() => {
		limiter.reset();
		generations = new Map();
		assets = new Map();
		batches = new Map();
		idempotent = new Map();
		uploadSlots = new Map();
	});

	const stageMs = () => Number(emulator.config.stageMs);
	const outputUrlFor = (generation: Generation) =>
		`${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?generation=${generation.id}`;

	async function deliverWebhook(url: string | undefined, payload: unknown) {
		if (!url) return;
		const body = JSON.stringify(payload);
		const t = Math.floor(Date.now() / 1000);
		const v1 = createHmac('sha256', String(emulator.config.webhookSecret))
			.update(`${t}.${body}`)
			.digest('hex');
		const headers: Record<string, string> = { 'sync-signature': `t=${t},v1=${v1}` };
		if (emulator.config.sendBothSignatureHeaders)
			headers['x-signature-primary'] = headers['sync-signature'];
		await emulator.deliver(url, body, headers);
	}

	/** Moves a job through its stages on the emulator clock; failure injection by input URL (docs/api/sync.md "Endpoints"). */
	function advance(generation: Generation) {
		const urls = JSON.stringify(generation.input);
		emulator.schedule(stageMs(), () => {
			if (generation.status !== 'PENDING') return;
			if (urls.includes('reject')) {
				Object.assign(generation, {
					status: 'REJECTED',
					error: emulator.failureText('The input video could not be accessed.'),
					error_code: 'generation_input_video_inaccessible',
					errorCode: 'generation_input_video_inaccessible',
				});
				if (emulator.config.webhookOnRejected)
					void deliverWebhook(generation.webhookUrl, generation);
				return;
			}
			generation.status = 'PROCESSING';
			emulator.schedule(stageMs(), () => {
				if (urls.includes('fail')) {
					Object.assign(generation, {
						status: 'FAILED',
						error: emulator.failureText('The lip-sync pipeline failed on this input.'),
						error_code: 'generation_pipeline_failed',
						errorCode: 'generation_pipeline_failed',
					});
				} else {
					completedAt.set(generation.id, Date.now());
					const outputUrl = outputUrlFor(generation);
					Object.assign(generation, {
						status: 'COMPLETED',
						outputUrl,
						outputDuration: emulator.config.outputDuration,
					});
					if (emulator.config.sendOutputMediaUrl) generation.outputMediaUrl = outputUrl;
				}
				void deliverWebhook(generation.webhookUrl, generation);
			});
		});
	}

	function progressOf(generation: Generation): number {
		if (TERMINAL.includes(generation.status)) return 100;
		return generation.status === 'PROCESSING' ? 50 : 0;
	}

	function createGeneration(body: Record<string, unknown>, owner: string): EmulatorResponse {
		const problems = validateCreate(body);
		if (problems.length > 0) return validationError(problems, 'input');
		const refused = voices.checkGeneration(body, owner);
		if (refused) return refused;
		const active = [...generations.values()].filter(
			(generation) => !TERMINAL.includes(generation.status),
		).length;
		if (active >= Number(emulator.config.concurrency)) {
			return syncError(429, {
				code: 'concurrency_limit_reached',
				message: `Concurrency limit reached (${emulator.config.concurrency} jobs at once on your plan).`,
			});
		}
		const generation: Generation = {
			id: randomUUID(),
			createdAt: new Date().toISOString(),
			status: 'PENDING',
			model: body.model,
			input: body.input,
			options: body.options ?? {},
			...(body.segments ? { segments: body.segments } : {}),
			...(body.webhookUrl ? { webhookUrl: body.webhookUrl as string } : {}),
			...(body.outputFileName ? { outputFileName: body.outputFileName } : {}),
			...(body.dubParams ? { dubParams: body.dubParams } : {}),
			outputUrl: null,
		};
		generations.set(generation.id, generation);
		advance(generation);
		return { status: 201, body: generation };
	}

	function withIdempotency(
		req: EmulatorRequest,
		create: () => Promise<EmulatorResponse> | EmulatorResponse,
	) {
		const key = headerValue(req.headers, 'idempotency-key');
		if (key === undefined) return create();
		if (!/^[A-Za-z0-9._~-]{1,128}$/.test(key)) {
			return syncError(400, {
				code: 'INVALID_IDEMPOTENCY_KEY',
				message: 'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ ~ -',
			});
		}
		const seen = idempotent.get(key);
		if (seen && Date.now() - seen.at < 24 * 3600_000) {
			return { status: 201, body: generations.get(seen.generationId) ?? {} };
		}
		if (emulator.config.idempotencyOutcomeUnknown) {
			emulator.config.idempotencyOutcomeUnknown = false;
			return syncError(503, {
				code: 'IDEMPOTENCY_OUTCOME_UNKNOWN',
				message: 'The outcome of this request is unknown; retry with the same key.',
			});
		}
		return Promise.resolve(create()).then((answer) => {
			if (answer.status === 201)
				idempotent.set(key, { at: Date.now(), generationId: (answer.body as Generation).id });
			return answer;
		});
	}

	// ../shared/api/sync.md §9–§10: voices, text-to-speech, dubbing checks (sync-voices.ts).
	const voices = registerVoiceRoutes(emulator, {
		syncError,
		validationError,
		assetById: (id) => assets.get(id),
		storedBytes(url) {
			if (!url.startsWith(`${emulator.origin}/`)) return undefined;
			const path = url.slice(emulator.origin.length);
			const file = /^\/__emulator\/files\/(\d+)/.exec(path);
			if (file) return Number(file[1]);
			const uploaded = /^\/__uploads\/([\w-]+)\//.exec(path);
			return uploaded ? uploadSlots.get(uploaded[1])?.received : undefined;
		},
	});

	emulator.route('GET', '/v2/healthcheck', () => ({ status: 200, body: { status: 'ok' } }), {
		public: true,
	});
	emulator.route(
		'GET',
		'/v2/errors',
		() => ({ status: 200, body: { errors: [{ code: 'rate_limit_exceeded', status: 429 }] } }),
		{ public: true },
	);
	emulator.route('GET', '/v2/models', () => ({ status: 200, body: MODELS }));

	// docs/api/sync.md "Endpoints" #1, #2: create, JSON or multipart (files become assets).
	emulator.route('POST', '/v2/generate', (req) =>
		withIdempotency(req, async () => {
			const contentType = String(req.headers['content-type'] ?? '');
			if (!contentType.startsWith('multipart/form-data')) {
				if (!req.body || typeof req.body !== 'object')
					return validationError(['body must be a JSON object']);
				return createGeneration(req.body as Record<string, unknown>, req.key?.key ?? '');
			}
			if (req.rawBody.length > Number(emulator.config.multipartLimit)) {
				return syncError(413, {
					code: 'generation_input_validation_failed',
					message: 'Upload exceeds the multipart size limit; use the asset upload flow.',
				});
			}
			const { fields, files } = await parseMultipart(req);
			const inputParts = fields.get('input') ?? [];
			let input: Array<Record<string, unknown>> = [];
			try {
				// docs/api/sync.md "Endpoints": one part per item, or one part holding the whole array.
				input = inputParts.flatMap((part) => {
					const parsed = JSON.parse(part) as unknown;
					return Array.isArray(parsed) ? parsed : [parsed];
				});
			} catch {
				return validationError(['input parts must be JSON']);
			}
			for (const slot of ['video', 'audio', 'image'] as const) {
				const file = files.get(slot);
				if (!file) continue;
				const asset = registerAsset(
					{ url: `${emulator.origin}/__emulator/files/${file.bytes.length}`, name: file.name },
					file.type,
				);
				const existing = input.find((item) => item.type === slot);
				// A file beats a URL for the same slot (docs/api/sync.md "Files").
				if (existing) {
					delete existing.url;
					existing.assetId = asset.id;
				} else input.push({ type: slot, assetId: asset.id });
			}
			const json = (name: string) =>
				fields.get(name)?.[0] ? (JSON.parse(fields.get(name)![0]) as unknown) : undefined;
			return createGeneration(
				{
					model: fields.get('model')?.[0],
					input,
					options: json('options'),
					segments: json('segments'),
					webhookUrl: fields.get('webhookUrl')?.[0],
					outputFileName: fields.get('outputFileName')?.[0],
					...(fields.get('dubParams') ? { dubParams: json('dubParams') } : {}),
				},
				req.key?.key ?? '',
			);
		}),
	);

	// docs/api/sync.md "Endpoints" #3 (+ the MCP alias): get, with long-poll and progress.
	const getGeneration = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
		const generation = generations.get(req.params.id);
		if (!generation) return syncError(404, { message: `Generation ${req.params.id} not found` });
		const wait = req.query.get('wait') === 'true';
		const include = req.query.get('include');
		if (wait && include === 'progress')
			return validationError(['include=progress cannot be combined with wait']);
		if (wait) {
			const timeout = Number(req.query.get('timeout') ?? 5);
			if (!Number.isInteger(timeout) || timeout < 1 || timeout > 10)
				return validationError(['timeout must be between 1 and 10']);
			// docs/api/sync.md "Jobs": held until the job changes (or ends), at most `timeout` seconds; then 200 with its state.
			const until = Date.now() + timeout * 1000;
			const seen = generation.status;
			while (generation.status === seen && !TERMINAL.includes(seen) && Date.now() < until)
				await new Promise((resolve) => setTimeout(resolve, 20));
			return {
				status: 200,
				headers: {
					'retry-after': '2',
					'x-sync-wait-mode': 'long_poll',
					'x-sync-wait-timeout-seconds': String(timeout),
				},
				body: generation,
			};
		}
		return {
			status: 200,
			body:
				include === 'progress'
					? { ...generation, progress_percent: progressOf(generation) }
					: generation,
		};
	};
	emulator.route('GET', '/v2/generate/{id}', getGeneration);
	emulator.route('GET', '/v2/generations/{id}', getGeneration);

	// docs/api/sync.md "Endpoints" #4, docs/api/sync.md "Pagination": bare array, newest first with limit/cursor.
	const listGenerations = (req: EmulatorRequest): EmulatorResponse => {
		const statusFilter = listFilter(req.query, 'status', GENERATION_STATUSES);
		if (statusFilter.unknown !== undefined)
			return validationError(
				[`status must be one of ${GENERATION_STATUSES.join(', ')} (got ${statusFilter.unknown})`],
				'status',
			);
		const idFilter = listFilter(req.query, 'ids');
		if (idFilter.unknown !== undefined)
			return validationError([`ids is not a list of ids (got ${idFilter.unknown})`], 'ids');
		const statuses = statusFilter.values;
		const ids = idFilter.values;
		let list = [...generations.values()].reverse();
		if (statuses) list = list.filter((generation) => statuses.includes(generation.status));
		if (ids) list = list.filter((generation) => ids.includes(generation.id));
		const limitText = req.query.get('limit');
		const cursor = req.query.get('cursor');
		if (limitText === null) {
			if (cursor) return validationError(['cursor requires limit']);
			return { status: 200, body: list };
		}
		const limit = Number(limitText);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return validationError(['limit must be between 1 and 100']);
		if (cursor) {
			const index = list.findIndex((generation) => generation.id === cursor);
			if (index < 0) return validationError(['cursor is not a known generation id']);
			list = list.slice(index + 1);
		}
		return { status: 200, body: list.slice(0, limit) };
	};
	emulator.route('GET', '/v2/generations', listGenerations);
	emulator.route('GET', '/v2/generate', listGenerations);

	emulator.route('GET', '/v2/generations/count', (req) => {
		const statusFilter = listFilter(req.query, 'status', GENERATION_STATUSES);
		if (statusFilter.unknown !== undefined)
			return validationError(
				[`status must be one of ${GENERATION_STATUSES.join(', ')} (got ${statusFilter.unknown})`],
				'status',
			);
		const statuses = statusFilter.values;
		return {
			status: 200,
			body: {
				count: [...generations.values()].filter(
					(generation) => !statuses || statuses.includes(generation.status),
				).length,
			},
		};
	});

	// docs/api/sync.md "Endpoints" #5: delete only terminal generations.
	emulator.route('DELETE', '/v2/generations/{id}', (req) => {
		const generation = generations.get(req.params.id);
		if (!generation) return syncError(404, { message: `Generation ${req.params.id} not found` });
		if (!TERMINAL.includes(generation.status)) {
			return syncError(409, {
				code: 'generation_not_deletable_while_processing',
				message: 'The generation is still processing and cannot be deleted yet.',
			});
		}
		generations.delete(generation.id);
		return { status: 200, body: generation };
	});

	// docs/api/sync.md "Endpoints" #6: the output link as text/plain.
	emulator.route('GET', '/v2/generations/{id}/download', (req) => {
		const generation = generations.get(req.params.id);
		if (!generation) return syncError(404, { message: `Generation ${req.params.id} not found` });
		if (generation.status !== 'COMPLETED')
			return syncError(404, {
				code: 'generation_output_not_available',
				message: 'The generation has no output (yet).',
			});
		return {
			status: 200,
			headers: { 'content-type': 'text/plain' },
			body: String(generation.outputUrl),
		};
	});

	// docs/api/sync.md "Endpoints" #8, #9: both estimate forms.
	emulator.route('POST', '/v2/analyze/cost', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problems = validateCreate(body);
		if (problems.length > 0) return validationError(problems);
		const seconds = Number(emulator.config.outputDuration);
		return {
			status: 200,
			body: [
				{
					estimatedFrameCount: Math.round(seconds * 30),
					estimatedGenerationCost: Number(
						(seconds * (PRICE_PER_SECOND[String(body.model)] ?? 0.05)).toFixed(4),
					),
				},
			],
		};
	});
	const estimateFromDuration = (req: EmulatorRequest): EmulatorResponse => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problems: string[] = [];
		if (typeof body.model !== 'string' || !MODEL_IDS.includes(body.model))
			problems.push('model is required and must be a known model');
		if (typeof body.duration !== 'number' || !(body.duration > 0))
			problems.push('duration must be a number of seconds above 0');
		if (body.fps !== undefined && !(typeof body.fps === 'number' && body.fps > 0))
			problems.push('fps must be above 0');
		if (problems.length > 0) return validationError(problems);
		const fps = (body.fps as number | undefined) ?? 30;
		const duration = body.duration as number;
		return {
			status: 200,
			body: {
				estimatedFrameCount: Math.round(duration * fps),
				estimatedGenerationCost: Number(
					(duration * PRICE_PER_SECOND[body.model as string]).toFixed(4),
				),
				estimatedCredits: null,
			},
		};
	};
	emulator.route('POST', '/v2/generations/estimate', estimateFromDuration);
	emulator.route('POST', '/v2/generate/estimate-cost', estimateFromDuration);

	// docs/api/sync.md "Endpoints" #15–20, docs/api/sync.md "Files": assets.
	function registerAsset(body: Record<string, unknown>, contentType?: string): Asset {
		const url = String(body.url);
		const extension = /\.(\w+)(\?|$)/.exec(url)?.[1]?.toLowerCase() ?? '';
		const type =
			contentType?.startsWith('audio') || ['mp3', 'wav', 'm4a', 'aac'].includes(extension)
				? 'AUDIO'
				: contentType?.startsWith('image') || ['png', 'jpg', 'jpeg', 'webp'].includes(extension)
					? 'IMAGE'
					: 'VIDEO';
		const now = new Date().toISOString();
		const asset: Asset = {
			id: randomUUID(),
			createdAt: now,
			updatedAt: now,
			type,
			visibility: 'USER',
			name: (body.name as string | undefined) ?? url.split('/').pop()?.split('?')[0] ?? 'asset',
			url,
			inputType: url.includes('/__uploads/') ? 'UPLOAD' : 'URL',
			...(body.projectId ? { projectId: body.projectId } : {}),
		};
		assets.set(asset.id, asset);
		return asset;
	}

	emulator.route('POST', '/v2/assets/upload', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problems: string[] = [];
		if (typeof body.fileName !== 'string' || body.fileName === '')
			problems.push('fileName is required');
		if (typeof body.contentType !== 'string' || body.contentType === '')
			problems.push('contentType is required');
		if (typeof body.size !== 'number' || body.size <= 0 || body.size > 5 * 1024 ** 3)
			problems.push('size must be between 1 byte and 5 GB');
		if (problems.length > 0) return validationError(problems);
		const token = randomUUID();
		uploadSlots.set(token, { contentType: body.contentType as string, size: body.size as number });
		return {
			status: 201,
			body: {
				uploadUrl: `${emulator.origin}/__uploads/${token}`,
				url: `${emulator.origin}/__uploads/${token}/${encodeURIComponent(body.fileName as string)}`,
				expiresIn: 3600,
			},
		};
	});

	// The presigned PUT: no API key; Content-Type and size must match the slot (docs/api/sync.md "Endpoints").
	emulator.route(
		'PUT',
		'/__uploads/{token}',
		(req) => {
			const slot = uploadSlots.get(req.params.token);
			if (!slot)
				return {
					status: 403,
					headers: { 'content-type': 'application/xml' },
					body: '<Error><Code>AccessDenied</Code></Error>',
				};
			if (req.headers['content-type'] !== slot.contentType) {
				return {
					status: 403,
					headers: { 'content-type': 'application/xml' },
					body: '<Error><Code>SignatureDoesNotMatch</Code></Error>',
				};
			}
			if (req.rawBody.length !== slot.size) {
				return {
					status: 400,
					headers: { 'content-type': 'application/xml' },
					body: '<Error><Code>IncompleteBody</Code></Error>',
				};
			}
			slot.received = req.rawBody.length;
			return { status: 200, body: '' };
		},
		{ public: true },
	);
	emulator.route(
		'GET',
		'/__uploads/{token}/{name}',
		(req) => {
			const slot = uploadSlots.get(req.params.token);
			if (!slot?.received) return { status: 404, body: 'not found' };
			return {
				status: 200,
				headers: { 'content-type': slot.contentType },
				body: Buffer.alloc(slot.received),
			};
		},
		{ public: true },
	);

	emulator.route('POST', '/v2/assets', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))
			return validationError(['url is required and must be a URL'], 'url');
		const uploaded = /\/__uploads\/([\w-]+)\//.exec(body.url);
		if (uploaded && !uploadSlots.get(uploaded[1])?.received)
			return validationError(['nothing was uploaded to this url'], 'url');
		return {
			status: 201,
			body: registerAsset(body, uploaded ? uploadSlots.get(uploaded[1])?.contentType : undefined),
		};
	});
	emulator.route('GET', '/v2/assets', (req) => {
		const typeFilter = listFilter(req.query, 'types', ['AUDIO', 'VIDEO', 'IMAGE']);
		if (typeFilter.unknown !== undefined)
			return validationError(
				[`types must be AUDIO, VIDEO or IMAGE (got ${typeFilter.unknown})`],
				'types',
			);
		const types = typeFilter.values;
		const search = req.query.get('searchQuery')?.toLowerCase();
		const limit = Number(req.query.get('limit') ?? 20);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return validationError(['limit must be between 1 and 100']);
		let list = [...assets.values()].reverse();
		if (types) list = list.filter((asset) => types.includes(asset.type));
		if (search)
			list = list.filter((asset) =>
				String(asset.name ?? '')
					.toLowerCase()
					.includes(search),
			);
		const totalCount = list.length;
		const cursor = req.query.get('cursor');
		if (cursor) {
			const offset = Number(Buffer.from(cursor, 'base64url').toString());
			if (!Number.isInteger(offset)) return validationError(['cursor is invalid']);
			list = list.slice(offset);
			const page = list.slice(0, limit);
			const next =
				offset + limit < totalCount
					? Buffer.from(String(offset + limit)).toString('base64url')
					: undefined;
			return {
				status: 200,
				body: { items: page, ...(next ? { nextCursor: next } : {}), totalCount },
			};
		}
		const next = limit < totalCount ? Buffer.from(String(limit)).toString('base64url') : undefined;
		return {
			status: 200,
			body: { items: list.slice(0, limit), ...(next ? { nextCursor: next } : {}), totalCount },
		};
	});
	emulator.route('GET', '/v2/assets/{id}', (req) => {
		const asset = assets.get(req.params.id);
		return asset
			? { status: 200, body: asset }
			: syncError(404, { message: `Asset ${req.params.id} not found` });
	});
	emulator.route('GET', '/v2/assets/{id}/download', (req) => {
		const asset = assets.get(req.params.id);
		return asset
			? { status: 200, headers: { 'content-type': 'text/plain' }, body: String(asset.url) }
			: syncError(404, { message: `Asset ${req.params.id} not found` });
	});
	emulator.route('DELETE', '/v2/assets/{id}', (req) => {
		const asset = assets.get(req.params.id);
		if (!asset) return syncError(404, { message: `Asset ${req.params.id} not found` });
		assets.delete(asset.id);
		return { status: 200, body: asset };
	});

	// docs/api/sync.md "Endpoints" #11–14, docs/api/sync.md "Endpoints": batches.
	function validateRows(rows: unknown[]): string[] {
		const problems: string[] = [];
		if (rows.length < 20 || rows.length > 500)
			problems.push(`a batch needs 20 to 500 lines, got ${rows.length}`);
		const ids = new Set<string>();
		rows.forEach((row, index) => {
			const line = (row ?? {}) as Record<string, unknown>;
			const where = `line ${index + 1}`;
			if (typeof line.request_id !== 'string' && typeof line.request_id !== 'number')
				problems.push(`${where}: request_id is required`);
			else if (ids.has(String(line.request_id)))
				problems.push(`${where}: request_id ${String(line.request_id)} is not unique`);
			else ids.add(String(line.request_id));
			if (line.endpoint !== '/v2/generate')
				problems.push(`${where}: endpoint must be /v2/generate`);
			for (const problem of validateCreate((line.payload ?? {}) as Record<string, unknown>))
				problems.push(`${where}: ${problem}`);
		});
		return problems;
	}

	function createBatch(
		rows: unknown[],
		webhookUrl: string | undefined,
		dryRun: boolean,
	): EmulatorResponse {
		if (!emulator.config.batchAllowed)
			return syncError(402, {
				code: 'batch_plan_required',
				message: 'Batches need a Scale or Enterprise plan.',
			});
		const problems = validateRows(rows);
		if (problems.length > 0) return validationError(problems, 'input');
		if (dryRun) return { status: 200, body: { status: 'VALIDATED' } };
		const batch: Batch = {
			id: `batch_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
			created_at: new Date().toISOString(),
			status: 'PENDING',
			metrics: {
				total_generations: rows.length,
				success_count: 0,
				failed_count: 0,
				pending_count: rows.length,
			},
			webhookUrl: webhookUrl ?? null,
			outputUrl: null,
		};
		batches.set(batch.id, batch);
		const step = (status: string, then?: () => void) =>
			emulator.schedule(stageMs(), () => {
				batch.status = status;
				then?.();
			});
		step('JOBS_CREATED', () =>
			step('PROCESSING', () =>
				step('COMPLETED', () => {
					const failed = rows.filter((row) => JSON.stringify(row).includes('fail')).length;
					batch.metrics = {
						total_generations: rows.length,
						success_count: rows.length - failed,
						failed_count: failed,
						pending_count: 0,
					};
					batch.outputUrl = `${emulator.origin}/__emulator/files/${rows.length * 100}.jsonl?batch=${batch.id}`;
					void deliverWebhook(webhookUrl, batch);
				}),
			),
		);
		return { status: 201, body: batch };
	}

	emulator.route('POST', '/v2/batch', async (req) => {
		const contentType = String(req.headers['content-type'] ?? '');
		if (contentType.startsWith('multipart/form-data')) {
			const { fields, files } = await parseMultipart(req);
			const file = files.get('input');
			if (!file) return validationError(['input (a .jsonl file) is required'], 'input');
			if (file.bytes.length > 5 * 1024 * 1024)
				return validationError(['the JSONL file may be at most 5 MB'], 'input');
			const rows: unknown[] = [];
			const lines = file.bytes
				.toString('utf8')
				.split('\n')
				.filter((line) => line.trim() !== '');
			for (const [index, line] of lines.entries()) {
				try {
					rows.push(JSON.parse(line));
				} catch {
					return validationError([`line ${index + 1}: not valid JSON`], 'input');
				}
			}
			return createBatch(
				rows,
				fields.get('webhook_url')?.[0],
				fields.get('dry_run')?.[0] === 'true',
			);
		}
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (!Array.isArray(body.rows)) return validationError(['rows must be an array'], 'rows');
		return createBatch(
			body.rows,
			body.webhook_url as string | undefined,
			body.dry_run === true || body.dry_run === 'true',
		);
	});
	emulator.route('GET', '/v2/batch/{id}', (req) => {
		const batch = batches.get(req.params.id);
		return batch
			? { status: 200, body: batch }
			: syncError(404, { message: `Batch ${req.params.id} not found` });
	});
	emulator.route('GET', '/v2/batch', (req) => {
		const statusFilter = listFilter(req.query, 'status', BATCH_STATUSES);
		if (statusFilter.unknown !== undefined)
			return validationError(
				[`status must be one of ${BATCH_STATUSES.join(', ')} (got ${statusFilter.unknown})`],
				'status',
			);
		const status = statusFilter.values;
		const after = req.query.get('created_after');
		const before = req.query.get('created_before');
		let list = [...batches.values()].reverse();
		if (status) list = list.filter((batch) => status.includes(batch.status));
		if (after) list = list.filter((batch) => batch.created_at > after);
		if (before) list = list.filter((batch) => batch.created_at < before);
		return { status: 200, body: list };
	});

	return emulator;
}
