import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { translationIdField } from './fields';

/** PATCH /v3/video-translations/{id} {title}: the title is all HeyGen lets change. */
export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a video translation',
	description: 'Change the title',
	properties: [
		translationIdField,
		{ displayName: 'New Title', name: 'newTitle', type: 'string', required: true, default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
		const title = requiredString(this, 'newTitle', 'New Title', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'PATCH',
						path: `/v3/video-translations/${encodeURIComponent(id)}`,
						body: { title },
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
	},
});
