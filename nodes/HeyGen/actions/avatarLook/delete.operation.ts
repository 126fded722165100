import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { lookLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

/** DELETE /v3/avatars/looks/{id}; an avatar whose last look goes is deleted with it. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an avatar look',
	description: 'Delete one of your looks',
	properties: [lookLocator({ description: 'One of your looks' })],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'lookId', 'Avatar Look', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: `/v3/avatars/looks/${encodeURIComponent(id)}`, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
