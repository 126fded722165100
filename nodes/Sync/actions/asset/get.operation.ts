import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { assetLocator } from '../../methods/locators';
import { syncRequest } from '../../helpers';

/** GET /v2/assets/{id}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get an asset',
	description: 'Get an asset',
	properties: [assetLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'assetId', 'Asset', itemIndex);
		return (
			await syncRequest(
				this,
				{ method: 'GET', path: `/v2/assets/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
