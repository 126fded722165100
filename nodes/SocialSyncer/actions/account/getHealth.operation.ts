import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { fieldError, stringParameter } from '../../../shared/parameters';
import { PLATFORM_RULES, socialRequest, splitAccount } from '../../helpers';
import { accountLocator } from '../../methods/locators';
import { PLATFORM_OPTIONS } from '../../service';

/** GET /v1/accounts/health[?platform=]: token validity, permissions and recommendations per account. */
export const operation = defineOperation({
	value: 'getHealth',
	readOnly: true,
	name: 'Get Health',
	action: 'Get the health of connected accounts',
	description: 'Token validity and permissions of connected accounts',
	properties: [
		{
			displayName: 'Platform',
			name: 'healthPlatform',
			type: 'options',
			options: [{ name: 'All Platforms', value: '' }, ...PLATFORM_OPTIONS],
			default: '',
		},
		accountLocator({
			required: false,
			description: "Only this account's health; every account (of the platform above) when empty",
		}),
	],
	async execute(itemIndex, requestOptions) {
		const platform = this.getNodeParameter('healthPlatform', itemIndex, '') as string;
		const accountValue = stringParameter(this, 'account', itemIndex);
		const account = accountValue
			? splitAccount(this, accountValue, itemIndex, 'Account')
			: undefined;
		if (account && platform && account.platform !== platform) {
			throw fieldError(
				this,
				`Account: "${accountValue}" is on ${PLATFORM_RULES[account.platform].label}, not ${PLATFORM_RULES[platform]?.label ?? platform}`,
				itemIndex,
				'Choose All Platforms, or an account of the chosen platform.',
			);
		}
		const filter = account?.platform ?? platform;
		const response = await socialRequest<{ accounts?: IDataObject[] }>(
			this,
			{
				method: 'GET',
				path: '/v1/accounts/health',
				qs: filter ? { platform: filter } : undefined,
				itemIndex,
			},
			requestOptions,
		);
		const rows = response.body?.accounts ?? [];
		if (!account) return rows;
		const row = rows.find((candidate) => candidate.accountId === account.accountId);
		if (!row)
			throw fieldError(
				this,
				`Account: "${accountValue}" is not a connected account`,
				itemIndex,
				'Pick it from the list of connected accounts.',
			);
		return row;
	},
});
