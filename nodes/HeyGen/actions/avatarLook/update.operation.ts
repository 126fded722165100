import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { lookLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

/** PATCH /v3/avatars/looks/{id} {name}: the name is all HeyGen lets change. */
export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an avatar look',
	description: 'Rename a photo avatar or digital twin look',
	properties: [
		lookLocator({ description: 'One of your photo avatar or digital twin looks' }),
		{ displayName: 'New Name', name: 'newName', type: 'string', required: true, default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'lookId', 'Avatar Look', itemIndex);
		const name = requiredString(this, 'newName', 'New Name', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'PATCH',
						path: `/v3/avatars/looks/${encodeURIComponent(id)}`,
						body: { name },
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
	},
});
