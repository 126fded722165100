/** Sync specifics for the shared request layer (docs/api/sync.md, "Errors" and "Rate limits"). */
import { smoothly } from '../shared/pacing';
import type { ServiceDescriptor } from '../shared/request';

export const syncService: ServiceDescriptor = {
	displayName: 'Sync',
	credentialType: 'syncApi',
	authHeader: 'x-api-key',
	// sync.so's rate-limit guide: "Rate limits are enforced per IP address."
	pacedPerAddress: true,
	// sync.so's rate-limit guide, by endpoint: POST /v2/generate 100/min, asset uploads 120/min,
	// status reads and the rest 600/min. The window's shape is not documented, so paced smoothly.
	rateBucket(method, path) {
		if (method === 'POST' && path === '/v2/generate')
			return { name: 'generate', published: smoothly(100) };
		if (method === 'POST' && path.startsWith('/v2/assets/upload'))
			return { name: 'upload', published: smoothly(120) };
		if (method === 'GET' && path.startsWith('/v2/generate/'))
			return { name: 'status', published: smoothly(600) };
		return { name: 'other', published: smoothly(600) };
	},
	parseError(body) {
		const error = (body ?? {}) as {
			message?: string | string[];
			errorCode?: string;
			error_code?: string;
			error?: string;
			suggestion?: string;
			field?: string;
		};
		const message = Array.isArray(error.message) ? error.message.join('; ') : error.message;
		return {
			message: message ?? error.error,
			code: error.errorCode ?? error.error_code,
			detail:
				[error.suggestion, error.field ? `Field: ${error.field}` : undefined]
					.filter(Boolean)
					.join(' ') || undefined,
		};
	},
	hint(status, info) {
		if (status === 402) {
			return 'Sync needs a paid plan or credits for this (the free tier allows 3 generations a month of up to 20 s; batches need Scale or higher). Check billing at sync.so.';
		}
		if (status === 429 && info.code === 'concurrency_limit_reached') {
			return 'Your plan has reached its number of generations running at once. Wait for some to finish, or upgrade the plan.';
		}
		return undefined;
	},
};
