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

export class SynaptiqApi implements ICredentialType {
	name = 'synaptiqApi';

	displayName = 'Synaptiq API';

	icon: Icon = { light: 'file:../icons/synaptiq.svg', dark: 'file:../icons/synaptiq.dark.svg' };

	documentationUrl = 'https://synaptiqintel.com/docs/api-reference/authentication';

	properties: INodeProperties[] = [
		apiKeyProperty(
			'Your Synaptiq key from the dashboard: sk_live_… (production data) or sk_test_… (sandbox, isolated data). Its scope (read, write or admin) decides which operations work. Sent as Authorization: Bearer.',
			'sk_live_... or sk_test_...',
		),
		{
			displayName: 'Live key: operations read and change production data',
			name: 'liveEnvironmentNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { apiKey: [{ _cnd: { startsWith: 'sk_live_' } }] } },
		},
		{
			displayName: 'Sandbox key: leads, conversations and analytics are isolated from production',
			name: 'sandboxEnvironmentNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { apiKey: [{ _cnd: { startsWith: 'sk_test_' } }] } },
		},
		{
			displayName:
				'Synaptiq keys start with sk_live_ or sk_test_. Check that you pasted the whole key.',
			name: 'keyFormatNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				hide: {
					apiKey: [{ _cnd: { startsWith: 'sk_live_' } }, { _cnd: { startsWith: 'sk_test_' } }, ''],
				},
			},
		},
		{
			displayName: 'Key Scope',
			name: 'keyScope',
			type: 'options',
			options: [
				{ name: 'Not Set (Learn From Errors)', value: 'unknown' },
				{ name: 'Read', value: 'read' },
				{ name: 'Write', value: 'write' },
				{ name: 'Admin', value: 'admin' },
			],
			default: 'unknown',
			description:
				'The scope the key was created with (Synaptiq dashboard). When set, operations the key cannot do fail before any request, naming the scope they need: read = lists and reads; write = + create/update leads, chat; admin = + deletions and webhooks.',
		},
		baseUrlProperty('https://synaptiqintel.com/api/v1', 'Synaptiq'),
	];

	authenticate: IAuthenticate = headerAuthenticator(
		'Synaptiq',
		'Authorization',
		(apiKey) => `Bearer ${apiKey}`,
	);

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/leads', method: 'GET', qs: { limit: 1 } },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Synaptiq: Invalid or missing API key. Provide a valid Bearer token in the Authorization header (401). Keys can be revoked or expire after rotation.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Synaptiq refused the key (403): the plan has lost API access (plan_insufficient), or the Base URL is not https.',
				},
			},
		],
	};
}
