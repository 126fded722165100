import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { translationIdField } from './fields';

/** DELETE /v3/video-translations/{id}. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a video translation',
	description: 'Delete a translation',
	properties: [translationIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: `/v3/video-translations/${encodeURIComponent(id)}`, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
