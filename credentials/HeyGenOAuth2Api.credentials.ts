import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { baseUrlProperty } from '../nodes/shared/credentialAuth';

const OFFICIAL_API = 'https://api.heygen.com';

/**
 * HeyGen's OAuth2 endpoints live on other hosts than the API (app.heygen.com, api2.heygen.com);
 * with any other Base URL (a proxy or the local sandbox) they are served at that origin.
 */
const oauthUrl = (official: string, path: string) =>
	`={{ String($self.baseUrl ?? "${OFFICIAL_API}").trim().replace(/\\/+$/, "") === "${OFFICIAL_API}" ? "${official}" : String($self.baseUrl).trim().replace(/\\/+$/, "") + "${path}" }}`;

export class HeyGenOAuth2Api implements ICredentialType {
	name = 'heyGenOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HeyGen OAuth2 API';

	icon: Icon = { light: 'file:../icons/heygen.svg', dark: 'file:../icons/heygen.dark.svg' };

	documentationUrl = 'https://developers.heygen.com/docs/quick-start';

	properties: INodeProperties[] = [
		{
			displayName:
				'Client ID: HeyGen issues it by dynamic registration. Run the HeyGen node\'s "OAuth Client → Register" operation once (it needs no credential), or POST an empty JSON body {} to https://api2.heygen.com/v1/oauth/register, and paste the client_id it answers into Client ID. Then connect your account.',
			name: 'registrationNotice',
			type: 'notice',
			default: '',
		},
		{
			// developers.heygen.com/docs/pricing: "OAuth vs API Key".
			displayName:
				'Billing: HeyGen bills work done with OAuth against your HeyGen web plan (its subscription credits), not the API tier and its prepaid wallet, and allows fewer jobs at once than with an API key. For automations that render many videos, HeyGen recommends the HeyGen API credential (API key).',
			name: 'billingNotice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'pkce' },
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'hg_client_…',
			description: 'The client_id HeyGen answered to the registration call (see above)',
		},
		// PKCE: a public client, no secret.
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		baseUrlProperty(OFFICIAL_API, 'HeyGen'),
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: oauthUrl('https://app.heygen.com/oauth/authorize', '/oauth/authorize'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: oauthUrl('https://api2.heygen.com/v1/oauth/token', '/v1/oauth/token'),
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'openid profile email' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		// The client id travels in the token request body (there is no secret for a Basic header).
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
