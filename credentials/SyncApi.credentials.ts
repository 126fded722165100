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

export class SyncApi implements ICredentialType {
	name = 'syncApi';

	displayName = 'Sync API';

	icon: Icon = { light: 'file:../icons/sync.svg', dark: 'file:../icons/sync.dark.svg' };

	documentationUrl = 'https://docs.sync.so/api-reference/authentication';

	properties: INodeProperties[] = [
		apiKeyProperty(
			'Your Sync API key, from sync.so → Settings → API Keys. Sent as the x-api-key header.',
			'sk-...',
		),
		baseUrlProperty('https://api.sync.so', 'Sync'),
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'whsec_...',
			description:
				'Optional. The org-wide signing secret (whsec_…) from the Sync dashboard, used to verify Sync-Signature on webhooks',
		},
	];

	authenticate: IAuthenticate = headerAuthenticator('Sync', 'x-api-key', (apiKey) => apiKey);

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/v2/models', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Sync rejected the API key (401): the x-api-key is missing or invalid. Copy it again from sync.so → Settings → API Keys.',
				},
			},
		],
	};
}
