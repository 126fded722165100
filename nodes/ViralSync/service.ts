/** ViralSync v1 specifics for the shared request layer: its `{error, code}` error body, the 409 that means "try later", hints. */
import type { ServiceDescriptor } from '../shared/request';

export const viralSyncService: ServiceDescriptor = {
	displayName: 'ViralSync',
	credentialType: 'viralSyncApi',
	authHeader: 'x-api-key',
	parseError(body) {
		const error = (body ?? {}) as { error?: string; code?: string };
		return { message: typeof error.error === 'string' ? error.error : undefined, code: error.code };
	},
	// docs/api/viralsync.md "Errors, rate limits, retries": 120 requests in any sliding 60 s, all endpoints, every plan.
	rateBucket: () => ({ name: 'all', published: { limit: 120, windowMs: 60_000 } }),
	// The job was not accepted: waiting for a free render slot is safe.
	isTryLater: (status, info) => status === 409 && info.code === 'CONCURRENCY_LIMIT_EXCEEDED',
	hint(status, info) {
		if (info.code === 'API_KEY_REVOKED')
			return 'This key was revoked. Create a new one at Dashboard → Settings → API Keys.';
		if (status === 403 && info.message?.includes('Free plan'))
			return 'The ViralSync API needs a Pro plan or higher.';
		if (status === 403)
			return 'The movie is above what your plan allows (resolution or duration). See ViralSync plans.';
		if (info.code === 'RENDER_QUOTA_EXCEEDED')
			return 'Monthly render minutes are used up; they reset on the 1st (UTC), or upgrade the plan.';
		if (info.code === 'RENDER_QUOTA_DAILY_EXCEEDED')
			return 'The Free plan allows 5 render minutes a day. Try tomorrow or upgrade.';
		return undefined;
	},
};
