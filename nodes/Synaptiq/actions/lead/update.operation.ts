import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString } from '../../../shared/parameters';
import { checkLeadFields, synaptiqRequest } from '../../helpers';
import { leadLocator } from '../../methods/locators';
import { leadFieldOptions } from './fields';

/** PATCH /leads/{id} (write): profile and pipeline status; the score is Synaptiq's to set. */
export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a lead',
	description: 'Update a lead and its status (write scope)',
	properties: [
		leadLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: leadFieldOptions(true),
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'leadId', 'Lead ID', itemIndex);
		const fields = checkLeadFields(
			this,
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			itemIndex,
		);
		if (Object.keys(fields).length === 0)
			throw fieldError(this, 'Update Fields: add at least one field to change', itemIndex);
		return (
			await synaptiqRequest(
				this,
				'write',
				{ method: 'PATCH', path: `/leads/${encodeURIComponent(id)}`, body: fields, itemIndex },
				requestOptions,
			)
		).body;
	},
});
