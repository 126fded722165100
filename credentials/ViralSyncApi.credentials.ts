import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	apiKeyProperty,
	BASE_URL_EXPRESSION,
	baseUrlProperty,
	headerAuthenticator,
} from '../nodes/shared/credentialAuth';

export class ViralSyncApi implements ICredentialType {
	name = 'viralSyncApi';

	displayName = 'ViralSync API';

	icon: Icon = { light: 'file:../icons/viralsync.svg', dark: 'file:../icons/viralsync.dark.svg' };

	documentationUrl = 'https://viralsync-docs.pages.dev/authentication';

	properties: INodeProperties[] = [
		apiKeyProperty(
			'Your ViralSync key (starts with vs_prod_), shown once at Dashboard → Settings → API Keys. Needs a Pro plan or higher. Sent as the x-api-key header.',
			'vs_prod_...',
		),
		{
			displayName: 'ViralSync keys start with vs_prod_. Check that you pasted the whole key.',
			name: 'keyFormatNotice',
			type: 'notice',
			default: '',
			displayOptions: { hide: { apiKey: [{ _cnd: { startsWith: 'vs_prod_' } }, ''] } },
		},
		baseUrlProperty('https://api.viralsync.io', 'ViralSync'),
		{
			displayName: 'Callback Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The account signing secret from the ViralSync dashboard, used to verify x-render-signature on render callbacks',
		},
	];

	authenticate: IAuthenticate = headerAuthenticator('ViralSync', 'x-api-key', (apiKey) => apiKey);

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/v1/me', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ViralSync: Missing or invalid API key, or the key has been revoked (401). Create a new key at Dashboard → Settings → API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'ViralSync: API access is not available on the Free plan. Upgrade to Pro (403).',
				},
			},
		],
	};
}
