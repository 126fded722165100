/** SocialSyncer v1 specifics for the shared request layer: its `{error, code}` error body and hints; the platforms it serves. */
import type { ServiceDescriptor } from '../shared/request';

export const socialSyncerService: ServiceDescriptor = {
	displayName: 'SocialSyncer',
	credentialType: 'socialSyncerApi',
	authHeader: 'Authorization: Bearer',
	parseError(body) {
		const error = (body ?? {}) as { error?: string; code?: string };
		return { message: typeof error.error === 'string' ? error.error : undefined, code: error.code };
	},
	hint(_status, info) {
		if (info.code === 'AUTH_MISSING_KEY')
			return 'No API key reached SocialSyncer: fill in the API Key of the credential.';
		return undefined;
	},
};

export const PLATFORM_OPTIONS = [
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'Threads', value: 'threads' },
	{ name: 'TikTok', value: 'tiktok' },
	{ name: 'Twitter/X', value: 'twitter' },
];
