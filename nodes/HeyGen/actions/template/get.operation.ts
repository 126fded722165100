import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { templateLocator } from '../../methods/locators';

/** GET /v3/templates/{id}: scenes and variables. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a template',
	description: 'Get a template with its scenes and variables',
	properties: [templateLocator()],
	async execute(itemIndex, requestOptions) {
		return await heyGenGet(
			this,
			`/v3/templates/${encodeURIComponent(requiredString(this, 'templateId', 'Template', itemIndex))}`,
			itemIndex,
			requestOptions,
		);
	},
});
