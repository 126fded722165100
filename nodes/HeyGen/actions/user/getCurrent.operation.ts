import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';

/** GET /v3/users/me: profile plus exactly one billing object (wallet, subscription or usage_based). */
export const operation = defineOperation({
	value: 'getCurrent',
	readOnly: true,
	name: 'Get Current',
	action: 'Get the current user',
	description: 'Get your profile and remaining credits or balance',
	properties: [],
	async execute(itemIndex, requestOptions) {
		const response = await heyGenRequest(
			this,
			{ method: 'GET', path: '/v3/users/me', itemIndex },
			requestOptions,
		);
		return unwrapData<IDataObject>(response.body) ?? {};
	},
});
