import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { socialRequest } from '../../helpers';
import { platformField, redirectUrlField } from './fields';

/**
 * GET /v1/connect/{platform}?redirect_url= → {authUrl, state}: step 1 of connecting an account.
 * Check the `state` that comes back to the redirect URL against this one before completing.
 * (The SocialSyncer Trigger runs the whole flow, state and browser binding included.)
 */
export const operation = defineOperation({
	value: 'getConnectUrl',
	readOnly: true,
	name: 'Get Connect URL',
	action: 'Get a link to connect a social account',
	description: 'Get the link a user opens to connect an account (step 1)',
	properties: [platformField(), redirectUrlField()],
	async execute(itemIndex, requestOptions) {
		const platform = requiredString(this, 'platform', 'Platform', itemIndex);
		const redirectUrl = requiredString(this, 'redirectUrl', 'Redirect URL', itemIndex);
		const response = await socialRequest(
			this,
			{
				method: 'GET',
				path: `/v1/connect/${platform}`,
				qs: { redirect_url: redirectUrl },
				itemIndex,
			},
			requestOptions,
		);
		return { platform, redirectUrl, ...response.body };
	},
});
