import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { syncRequest } from '../../helpers';

/** GET /v2/models: a bare array of {id, name, type, version, description?}; one item per model. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many models',
	description: 'Get the lip-sync models your key can use',
	properties: [],
	async execute(itemIndex, requestOptions) {
		const response = await syncRequest<IDataObject[]>(
			this,
			{ method: 'GET', path: '/v2/models', itemIndex },
			requestOptions,
		);
		return Array.isArray(response.body) ? response.body : [];
	},
});
