import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { socialRequest } from '../../helpers';
import { PLATFORM_OPTIONS } from '../../service';

/** GET /v1/accounts[?platform=] → {accounts: [...]} (not paged); one item per account. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many accounts',
	description: 'Get the connected social accounts',
	properties: [
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			options: [{ name: 'All Platforms', value: '' }, ...PLATFORM_OPTIONS],
			default: '',
			description: 'Only list accounts of this platform',
		},
	],
	async execute(itemIndex, requestOptions) {
		const platform = this.getNodeParameter('platform', itemIndex, '') as string;
		const response = await socialRequest<{ accounts?: IDataObject[] }>(
			this,
			{ method: 'GET', path: '/v1/accounts', qs: platform ? { platform } : undefined, itemIndex },
			requestOptions,
		);
		return response.body?.accounts ?? [];
	},
});
