/** HeyGen v3 specifics for the shared transport (../shared/api/heygen.md §1, §4). */
import type { ServiceDescriptor } from '../shared/transport';

export const heyGenService: ServiceDescriptor = {
	displayName: 'HeyGen',
	credentialType: 'heyGenApi',
	authHeader: 'X-Api-Key',
	requestIdHeader: 'x-request-id',
	parseError(body) {
		const error = ((body ?? {}) as { error?: { code?: string; message?: string; param?: string | null } }).error;
		// An edge error (gateway HTML, empty code) is classified by status alone (§4).
		const code = error?.code && error.code !== 'error' ? error.code : undefined;
		return { message: error?.message || undefined, code, detail: error?.param ? `Field: ${error.param}` : undefined };
	},
	isTryLater: (status, info) => status === 409 && info.code === 'request_in_progress',
	hint(status, info) {
		if (status === 402) return 'Not enough HeyGen credits for this. Top up or upgrade at app.heygen.com.';
		if (status === 403 && info.message?.includes('user-read')) {
			return 'This workspace key cannot read the user profile; video and voice operations may still work.';
		}
		return undefined;
	},
};

/** HeyGen wraps every success in `{data}`. */
export function unwrapData<T>(body: unknown): T {
	return ((body ?? {}) as { data: T }).data;
}
