/** HeyGen v3 specifics for the shared request layer (docs/api/heygen.md, "Auth" and "Errors"). */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { ServiceDescriptor } from '../shared/request';

export const heyGenService: ServiceDescriptor = {
	displayName: 'HeyGen',
	credentialType: 'heyGenApi',
	oAuth2CredentialType: 'heyGenOAuth2Api',
	authHeader: 'X-Api-Key',
	requestIdHeader: 'x-request-id',
	parseError(body) {
		const error = (
			(body ?? {}) as {
				error?: string | { code?: string; message?: string; param?: string | null } | null;
			}
		).error;
		// HeyGen's authentication page: `{"error": "Invalid API key", "data": null}` (docs/api/heygen.md, "Errors", second shape).
		if (typeof error === 'string') return { message: error || undefined };
		// An edge error (gateway HTML, empty code) is classified by status alone.
		const code = error?.code && error.code !== 'error' ? error.code : undefined;
		return {
			message: error?.message || undefined,
			code,
			detail: error?.param ? `Field: ${error.param}` : undefined,
		};
	},
	isTryLater: (status, info) => status === 409 && info.code === 'request_in_progress',
	hint(status, info) {
		if (status === 402)
			return 'Not enough HeyGen credits for this. Top up or upgrade at app.heygen.com.';
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

/** The webhook event types (docs/api/heygen.md, "Webhooks"). */
export const EVENT_TYPES = [
	'avatar_video.success',
	'avatar_video.fail',
	'avatar_video_gif.success',
	'avatar_video_gif.fail',
	'avatar_video_caption.success',
	'avatar_video_caption.fail',
	'video_translate.success',
	'video_translate.fail',
	'video_translate.preflight.validation_failed',
	'video_translate.preflight.download_failed',
	'personalized_video',
	'instant_avatar.success',
	'instant_avatar.fail',
	'photo_avatar_generation.success',
	'photo_avatar_generation.fail',
	'photo_avatar_train.success',
	'photo_avatar_train.fail',
	'photo_avatar_add_motion.success',
	'photo_avatar_add_motion.fail',
	'proofread_creation.success',
	'proofread_creation.fail',
	'live_avatar.success',
	'live_avatar.fail',
	'video_agent.success',
	'video_agent.fail',
	'hyperframes_video.success',
	'hyperframes_video.fail',
	'ai_clipping.success',
	'ai_clipping.fail',
	'batch.finished',
];

/**
 * The "Authentication" choice (API Key or OAuth2), the same on the HeyGen node and trigger. No
 * display rule here: a rule naming a field the trigger lacks (`resource`) makes n8n 1.x loop
 * ("Max iterations reached"); the node adds its own.
 */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2 (Recommended by HeyGen)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const heyGenCredentials: INodeCredentialDescription[] = [
	{ name: 'heyGenApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{
		name: 'heyGenOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
