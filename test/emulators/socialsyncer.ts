/** SocialSyncer v1 emulator, from ../shared/api/socialsyncer.md. */
import { Emulator, headerValue, type EmulatorResponse, type ErrorDetail } from './core';
import { FixedWindowLimiter } from './limiters';
import { TEST_KEYS } from './keys';

export const PLATFORMS = ['instagram', 'facebook', 'threads', 'tiktok', 'twitter'] as const;

/** §4: `{error, code}`. */
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
	// §4: 429 carries Retry-After (the docs' example: 60).
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
		{ platform: 'instagram', accountId: 'ig_17841400000000001', username: 'emulator.brand', connectedAt: '2026-11-01T09:00:00.000Z' },
		{ platform: 'twitter', accountId: 'tw_1500000000000000001', username: 'emulatorbrand', connectedAt: '2026-11-02T10:30:00.000Z' },
	];
}

export function createSocialSyncerEmulator(): Emulator {
	const limiter = new FixedWindowLimiter();
	let accounts = seedAccounts();
	const emulator = new Emulator(
		{
			name: 'socialsyncer',
			authenticate(req, keys) {
				// §9.1: Bearer only; no header, empty token or another scheme is a missing key.
				const header = headerValue(req.headers, 'authorization')?.trim() ?? '';
				const match = /^Bearer\s+(\S+)$/i.exec(header);
				if (!match) {
					return { refuse: socialSyncerError(401, { code: 'AUTH_MISSING_KEY', message: 'Missing API key' }) };
				}
				const config = keys.get(match[1]);
				if (!config || config.revoked) return { refuse: socialSyncerError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => socialSyncerError(status, detail),
			beforeRoute(req) {
				const limit = Number(req.key!.plan === 'free' ? emulator.config.freePerMinute : emulator.config.paidPerMinute);
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
		{ freePerMinute: 60, paidPerMinute: 600 },
	);
	emulator.onReset(() => {
		limiter.reset();
		accounts = seedAccounts();
	});

	emulator.route('GET', '/v1/accounts', (req) => {
		const platform = req.query.get('platform');
		if (platform && !(PLATFORMS as readonly string[]).includes(platform)) {
			return socialSyncerError(400, { message: `Unsupported platform: ${platform}` });
		}
		return {
			status: 200,
			body: { accounts: accounts.filter((account) => !platform || account.platform === platform) },
		};
	});
	return emulator;
}
