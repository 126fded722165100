import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { assetLocator } from '../../methods/locators';
import { syncRequest } from '../../helpers';

/** DELETE /v2/assets/{id} (the method is our assumption: docs/api/sync.md, "Assets"). */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an asset',
	description: 'Delete an asset',
	properties: [assetLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'assetId', 'Asset', itemIndex);
		const response = await syncRequest(
			this,
			{ method: 'DELETE', path: `/v2/assets/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { id, ...(response.body ?? {}), deleted: true };
	},
});
