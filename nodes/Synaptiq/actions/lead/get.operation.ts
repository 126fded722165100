import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';
import { leadLocator } from '../../methods/locators';

/** GET /leads/{id} (read): the lead with its conversations. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a lead',
	description: 'Get a lead with its conversations (read scope)',
	properties: [leadLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'leadId', 'Lead ID', itemIndex);
		return (
			await synaptiqRequest(
				this,
				'read',
				{ method: 'GET', path: `/leads/${encodeURIComponent(id)}`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
