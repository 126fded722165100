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

export class HeyGenApi implements ICredentialType {
	name = 'heyGenApi';

	displayName = 'HeyGen API';

	icon: Icon = { light: 'file:../icons/heygen.svg', dark: 'file:../icons/heygen.dark.svg' };

	documentationUrl = 'https://developers.heygen.com/docs/quick-start';

	properties: INodeProperties[] = [
		apiKeyProperty(
			'Your HeyGen API key (API v3), from app.heygen.com → Settings → API. Sent as the X-Api-Key header.',
			'',
		),
		baseUrlProperty('https://api.heygen.com', 'HeyGen'),
	];

	authenticate: IAuthenticate = headerAuthenticator('HeyGen', 'X-Api-Key', (apiKey) => apiKey);

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/v3/users/me', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HeyGen rejected the API key (401 unauthorized). Copy the key again from app.heygen.com → Settings → API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'HeyGen accepted the key but refused GET /v3/users/me (403): workspace keys without user-read scope fail this test and may still work for videos and voices.',
				},
			},
		],
	};
}
