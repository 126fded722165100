import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';
import { leadLocator } from '../../methods/locators';

/** DELETE /leads/{id} (admin). */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a lead',
	description: 'Delete a lead (admin scope)',
	properties: [leadLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'leadId', 'Lead ID', itemIndex);
		return (
			await synaptiqRequest(
				this,
				'admin',
				{ method: 'DELETE', path: `/leads/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
