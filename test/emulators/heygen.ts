/** HeyGen API v3 emulator, from ../shared/api/heygen.md. */
import { randomUUID } from 'node:crypto';

import { Emulator, bearerToken, headerValue, type EmulatorResponse, type ErrorDetail } from './core';
import { TokenBucketLimiter } from './limiters';
import { TEST_KEYS } from './keys';

const DOCS = 'https://developers.heygen.com/docs/error-codes';

/** §4: `{error: {code, message, param, doc_url}}`. */
export function heygenError(status: number, detail: ErrorDetail & { param?: string } = {}): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['invalid_parameter', 'Invalid parameter'],
		401: ['unauthorized', 'Unauthorized: the API key is missing or invalid.'],
		402: ['insufficient_credit', 'Insufficient credit'],
		403: ['forbidden', 'Forbidden'],
		404: ['not_found', 'Resource not found'],
		409: ['request_in_progress', 'A request with this Idempotency-Key is still in progress'],
		413: ['payload_too_large', 'Payload too large'],
		429: ['rate_limit_exceeded', 'Rate limit exceeded'],
		500: ['internal_error', 'Internal error'],
		502: ['internal_error', 'Bad gateway'],
		503: ['internal_error', 'Service unavailable'],
		504: ['gateway_timeout', 'Gateway timeout'],
	};
	const [code, message] = defaults[status] ?? ['error', 'Error'];
	const errorCode = detail.code ?? code;
	const answer: EmulatorResponse = {
		status,
		body: {
			error: {
				code: errorCode,
				message: detail.message ?? message,
				param: detail.param ?? null,
				doc_url: `${DOCS}#${errorCode.replace(/_/g, '-')}`,
			},
		},
	};
	// §4: 429 always carries Retry-After.
	if (status === 429) answer.headers = { 'retry-after': String(detail.retryAfterSeconds ?? 1) };
	return answer;
}

export function createHeyGenEmulator(): Emulator {
	const limiter = new TokenBucketLimiter();
	const emulator = new Emulator(
		{
			name: 'heygen',
			authenticate(req, keys) {
				// §7.1: X-Api-Key, or an OAuth access token as Bearer.
				const apiKey = headerValue(req.headers, 'x-api-key')?.trim();
				const token = apiKey ?? bearerToken(req.headers);
				const config = token ? keys.get(token) : undefined;
				if (!config || config.revoked) return { refuse: heygenError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => heygenError(status, detail),
			commonHeaders: () => ({ 'x-request-id': `req_${randomUUID()}` }),
			beforeRoute(req) {
				const limit = Number(emulator.config.requestsPerMinute);
				if (!(limit > 0)) return undefined;
				const decision = limiter.take(req.key!.key, limit);
				return decision.allowed
					? undefined
					: heygenError(429, { retryAfterSeconds: decision.retryAfterSeconds });
			},
		},
		[{ key: TEST_KEYS.heygen.valid }, { key: TEST_KEYS.heygen.noUserRead, noUserRead: true }],
		// No requests-per-minute figure is published (§4): unlimited unless a test sets one.
		{ requestsPerMinute: 0, walletBalance: 120.5 },
	);
	emulator.onReset(() => limiter.reset());

	emulator.route('GET', '/v3/users/me', (req) => {
		if (req.key?.noUserRead) {
			return heygenError(403, { message: 'This API key is missing the user-read scope.' });
		}
		return {
			status: 200,
			body: {
				data: {
					username: 'emulator_user',
					email: 'emulator@example.com',
					first_name: 'Emu',
					last_name: 'Lator',
					billing_type: 'wallet',
					wallet: {
						currency: 'usd',
						remaining_balance: emulator.config.walletBalance,
						auto_reload: { enabled: false, amount_usd: null, threshold_usd: null },
					},
				},
			},
		};
	});
	return emulator;
}
