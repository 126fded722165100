import { defineOperation } from '../../../shared/operation';
import { requiredString, stringParameter } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { platformField, redirectUrlField } from './fields';

/** POST /v1/connect/{platform} {code, redirect_url, state?} → {platform, username, accountId}: step 2. */
export const operation = defineOperation({
	value: 'completeConnection',
	name: 'Complete Connection',
	action: 'Complete an account connection',
	description: 'Exchange the code from the redirect for the connected account (step 2)',
	properties: [
		platformField(),
		redirectUrlField(),
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The `code` query parameter the platform sent to the redirect URL (works once, for 10 minutes)',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			default: '',
			description: 'The `state` query parameter, passed on to SocialSyncer',
		},
	],
	async execute(itemIndex, requestOptions) {
		const platform = requiredString(this, 'platform', 'Platform', itemIndex);
		const redirectUrl = requiredString(this, 'redirectUrl', 'Redirect URL', itemIndex);
		const code = requiredString(this, 'code', 'Code', itemIndex);
		const state = stringParameter(this, 'state', itemIndex);
		const body = { code, redirect_url: redirectUrl, ...(state ? { state } : {}) };
		return (
			await socialRequest(
				this,
				{ method: 'POST', path: `/v1/connect/${platform}`, body, itemIndex },
				requestOptions,
			)
		).body;
	},
});
