import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { lipsyncIdField } from './fields';
import { lipsyncPath } from './wait';

/** PATCH /v3/lipsyncs/{id} {title}: the title is all HeyGen lets change. */
export const operation = defineOperation({
	value: 'rename',
	name: 'Rename',
	action: 'Rename a lipsync',
	description: 'Change the title of a lipsync',
	properties: [
		lipsyncIdField,
		{ displayName: 'New Title', name: 'newTitle', type: 'string', required: true, default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'lipsyncId', 'Lipsync ID', itemIndex);
		const title = requiredString(this, 'newTitle', 'New Title', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'PATCH', path: lipsyncPath(id), body: { title }, itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
