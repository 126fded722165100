import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { groupLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

/** DELETE /v3/avatars/{id}: the avatar with all its looks (HeyGen's own avatars answer 403). */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an avatar group',
	description: 'Delete one of your avatars with all its looks',
	properties: [groupLocator({ description: 'One of your avatars' })],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'groupId', 'Avatar Group', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: `/v3/avatars/${encodeURIComponent(id)}`, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
