/** Sync (sync.so) v2 emulator, from ../shared/api/sync.md. */
import { Emulator, REASON_PHRASES, headerValue, type EmulatorResponse, type ErrorDetail } from './core';
import { TokenBucketLimiter } from './limiters';
import { TEST_KEYS } from './keys';

const MODELS = [
	{ id: 'lipsync-2', name: 'Lipsync 2', type: 'lipsync', version: '2.0', description: 'Zero-shot lip-sync' },
	{ id: 'lipsync-2-pro', name: 'Lipsync 2 Pro', type: 'lipsync', version: '2.0', description: 'Higher fidelity lip-sync' },
	{ id: 'lipsync-1.9.0-beta', name: 'Lipsync 1.9 (beta)', type: 'lipsync', version: '1.9.0' },
	{ id: 'react-1', name: 'React 1', type: 'react', version: '1.0', description: 'Emotion and head motion' },
	{ id: 'sync-3', name: 'Sync 3', type: 'lipsync', version: '3.0' },
];

/** §4: `{statusCode, error, message, errorCode?, suggestion?, field?}`. */
export function syncError(status: number, detail: ErrorDetail & { suggestion?: string; field?: string } = {}): EmulatorResponse {
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

export function createSyncEmulator(): Emulator {
	const limiter = new TokenBucketLimiter();
	const emulator = new Emulator(
		{
			name: 'sync',
			authenticate(req, keys) {
				// §7.1: only x-api-key counts; Authorization: Bearer alone is a 401.
				const key = headerValue(req.headers, 'x-api-key')?.trim();
				const config = key ? keys.get(key) : undefined;
				if (!config || config.revoked) return { refuse: syncError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => syncError(status, detail),
			beforeRoute(req) {
				// §7.9: per-key token bucket, 60/min on create, 600/min elsewhere; no Retry-After unless switched on.
				const isCreate = req.method === 'POST' && req.path === '/v2/generate';
				const limit = Number(isCreate ? emulator.config.createPerMinute : emulator.config.otherPerMinute);
				const burst = Number(emulator.config.burst) || limit;
				const decision = limiter.take(`${req.key!.key}:${isCreate ? 'create' : 'other'}`, limit, 60_000, burst);
				if (decision.allowed) return undefined;
				const answer = syncError(429);
				if (emulator.config.sendRetryAfter) {
					answer.headers = { 'retry-after': String(decision.retryAfterSeconds) };
				}
				return answer;
			},
		},
		[{ key: TEST_KEYS.sync.valid }, { key: TEST_KEYS.sync.other }],
		// burst 0 = the whole minute's allowance at once; a test may set a per-second burst.
		{ createPerMinute: 60, otherPerMinute: 600, sendRetryAfter: false, burst: 0 },
	);
	emulator.onReset(() => limiter.reset());

	emulator.route('GET', '/v2/healthcheck', () => ({ status: 200, body: { status: 'ok' } }), { public: true });
	emulator.route(
		'GET',
		'/v2/errors',
		() => ({ status: 200, body: { errors: [{ code: 'rate_limit_exceeded', status: 429 }] } }),
		{ public: true },
	);
	emulator.route('GET', '/v2/models', () => ({ status: 200, body: MODELS }));
	return emulator;
}
