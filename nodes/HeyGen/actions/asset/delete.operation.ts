import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { assetLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

/** DELETE /v3/assets/{id}. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an asset',
	description: 'Delete an asset',
	properties: [assetLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'assetId', 'Asset', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: `/v3/assets/${encodeURIComponent(id)}`, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
