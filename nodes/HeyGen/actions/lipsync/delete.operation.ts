import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { lipsyncIdField } from './fields';
import { lipsyncPath } from './wait';

/** DELETE /v3/lipsyncs/{id}: the job and its files, irreversible. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a lipsync',
	description: 'Delete a lipsync and its files (irreversible)',
	properties: [lipsyncIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'lipsyncId', 'Lipsync ID', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{ method: 'DELETE', path: lipsyncPath(id), itemIndex },
					requestOptions,
				)
			).body,
		);
	},
});
