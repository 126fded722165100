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

export class SocialSyncerApi implements ICredentialType {
	name = 'socialSyncerApi';

	displayName = 'SocialSyncer API';

	icon: Icon = {
		light: 'file:../icons/socialsyncer.svg',
		dark: 'file:../icons/socialsyncer.dark.svg',
	};

	documentationUrl = 'https://social-syncer-api.com/docs/authentication';

	properties: INodeProperties[] = [
		apiKeyProperty(
			'Your SocialSyncer key (starts with sk_), shown once at app.socialsyncerapi.com → Settings → API Keys. Sent as Authorization: Bearer.',
			'sk_...',
		),
		{
			displayName: 'SocialSyncer keys start with sk_. Check that you pasted the whole key.',
			name: 'keyFormatNotice',
			type: 'notice',
			default: '',
			displayOptions: { hide: { apiKey: [{ _cnd: { startsWith: 'sk_' } }, ''] } },
		},
		baseUrlProperty('https://api.socialsyncerapi.com', 'SocialSyncer'),
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Only needed when the webhook was registered outside n8n; the SocialSyncer Trigger stores the secret it receives on its own',
		},
	];

	authenticate: IAuthenticate = headerAuthenticator(
		'SocialSyncer',
		'Authorization',
		(apiKey) => `Bearer ${apiKey}`,
	);

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/v1/accounts', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'SocialSyncer: Invalid API key (401). The key is missing, unknown or revoked; create one at app.socialsyncerapi.com → Settings → API Keys.',
				},
			},
		],
	};
}
