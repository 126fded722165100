import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { socialRequest, splitAccount } from '../../helpers';
import { accountLocator } from '../../methods/locators';

/** DELETE /v1/accounts/{platform}/{accountId}. */
export const operation = defineOperation({
	value: 'disconnect',
	name: 'Disconnect',
	action: 'Disconnect an account',
	description: 'Disconnect an account',
	properties: [accountLocator()],
	async execute(itemIndex, requestOptions) {
		const { platform, accountId } = splitAccount(
			this,
			requiredString(this, 'account', 'Account', itemIndex),
			itemIndex,
			'Account',
		);
		await socialRequest(
			this,
			{
				method: 'DELETE',
				path: `/v1/accounts/${platform}/${encodeURIComponent(accountId)}`,
				itemIndex,
			},
			requestOptions,
		);
		return { platform, accountId, disconnected: true };
	},
});
