import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { assetLocator } from '../../methods/locators';

/** GET /v3/assets/{id}: the asset's kind, name and URL (no MIME type or size). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get an asset',
	description: 'Get an asset',
	properties: [assetLocator()],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet(
			this,
			`/v3/assets/${encodeURIComponent(requiredString(this, 'assetId', 'Asset', itemIndex))}`,
			itemIndex,
			requestOptions,
		);
	},
});
