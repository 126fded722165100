/** ViralSync v1 emulator, from ../shared/api/viralsync.md. */
import { Emulator, bearerToken, headerValue, type EmulatorResponse, type ErrorDetail } from './core';
import { SlidingWindowLimiter } from './limiters';
import { TEST_KEYS } from './keys';

/** §4: `{error, code}`. */
export function viralSyncError(status: number, detail: ErrorDetail = {}): EmulatorResponse {
	const seconds = detail.retryAfterSeconds ?? 1;
	const defaults: Record<number, [string, string]> = {
		400: ['VALIDATION_ERROR', 'Invalid request.'],
		401: ['UNAUTHORIZED', 'Missing or invalid API key.'],
		402: ['RENDER_QUOTA_EXCEEDED', 'Monthly render minutes exhausted. Quota resets on the 1st (UTC).'],
		403: ['FORBIDDEN', 'API access is not available on the Free plan. Upgrade to Pro.'],
		404: ['NOT_FOUND', 'Job not found.'],
		409: ['CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent render limit reached (3).'],
		429: ['RATE_LIMITED', `Rate limit exceeded. Retry after ${seconds} seconds.`],
		500: ['INTERNAL_ERROR', 'Internal server error.'],
		503: ['SERVICE_UNAVAILABLE', 'Render infrastructure unavailable.'],
	};
	const [code, message] = defaults[status] ?? ['INTERNAL_ERROR', 'Unexpected error.'];
	const answer: EmulatorResponse = {
		status,
		body: { error: detail.message ?? message, code: detail.code ?? code },
	};
	if (status === 429) answer.headers = { 'retry-after': String(seconds) };
	return answer;
}

export function createViralSyncEmulator(): Emulator {
	const limiter = new SlidingWindowLimiter();
	const emulator = new Emulator(
		{
			name: 'viralsync',
			authenticate(req, keys) {
				// §1: x-api-key wins over Bearer when both are present.
				const key = headerValue(req.headers, 'x-api-key')?.trim() ?? bearerToken(req.headers);
				const config = key ? keys.get(key) : undefined;
				if (!config || config.deleted) return { refuse: viralSyncError(401) };
				if (config.revoked) {
					return {
						refuse: viralSyncError(401, { code: 'API_KEY_REVOKED', message: 'This API key has been revoked.' }),
					};
				}
				// §4 check order: 401 → 403 (API plan) → 429 …; Free has no API access on any route.
				if (config.plan === 'free') return { refuse: viralSyncError(403) };
				return { key: config };
			},
			errorResponse: (status, detail) => viralSyncError(status, detail),
			beforeRoute(req) {
				const decision = limiter.take(
					req.key!.key,
					Number(emulator.config.requestsPerWindow),
					Number(emulator.config.windowMs),
				);
				return decision.allowed
					? undefined
					: viralSyncError(429, { retryAfterSeconds: decision.retryAfterSeconds });
			},
		},
		[
			{ key: TEST_KEYS.viralsync.valid, plan: 'pro', userId: 'user_emu001', email: 'pro@example.com' },
			{ key: TEST_KEYS.viralsync.revoked, plan: 'pro', revoked: true, userId: 'user_emu002', email: 'old@example.com' },
			{ key: TEST_KEYS.viralsync.free, plan: 'free', userId: 'user_emu003', email: 'free@example.com' },
		],
		{ requestsPerWindow: 120, windowMs: 60_000 },
	);
	emulator.onReset(() => limiter.reset());

	emulator.route('GET', '/v1/me', (req) => ({
		status: 200,
		body: { userId: req.key!.userId, plan: req.key!.plan, email: req.key!.email },
	}));
	return emulator;
}
