import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertSecureUrl } from '../../../shared/credentialAuth';
import { defineOperation } from '../../../shared/operation';
import { fieldError, stringParameter } from '../../../shared/parameters';

export const REGISTRATION_URL = 'https://api2.heygen.com/v1/oauth/register';

/**
 * POST {} to HeyGen's registration endpoint (no credential: this is how an OAuth2 credential gets
 * its Client ID). Answers the new client_id and where to put it.
 */
export const operation = defineOperation({
	value: 'register',
	name: 'Register',
	action: 'Register an OAuth client',
	description: 'Get a Client ID for the HeyGen OAuth2 credential (needs no credential)',
	properties: [
		{
			displayName: 'Registration URL',
			name: 'registrationUrl',
			type: 'string',
			default: REGISTRATION_URL,
			description:
				"HeyGen's dynamic client registration endpoint; change it only for a proxy or the local sandbox",
		},
	],
	async execute(itemIndex) {
		const url = stringParameter(this, 'registrationUrl', itemIndex);
		try {
			assertSecureUrl(url, 'HeyGen registration');
		} catch (error) {
			throw fieldError(
				this,
				`Registration URL: ${(error as Error).message.replace(/Base URL /, '')}`,
				itemIndex,
			);
		}
		let response: { statusCode: number; body: unknown };
		try {
			// The body is the literal `{}` (n8n would drop an empty object body).
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body: '{}',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				json: false,
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as typeof response;
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`HeyGen client registration failed: ${(error as Error).message}`,
				{ itemIndex },
			);
		}
		let body: IDataObject = {};
		try {
			body = JSON.parse(String(response.body ?? '')) as IDataObject;
		} catch {
			body = { answer: String(response.body ?? '').slice(0, 300) };
		}
		if (response.statusCode >= 300 || typeof body.client_id !== 'string') {
			throw new NodeOperationError(
				this.getNode(),
				`HeyGen client registration failed (HTTP ${response.statusCode})`,
				{
					itemIndex,
					description: `HeyGen answered: ${JSON.stringify(body).slice(0, 300)}`,
				},
			);
		}
		return {
			...body,
			next: 'Paste client_id into a "HeyGen OAuth2 API" credential (Client ID), then connect your account there.',
		};
	},
});
