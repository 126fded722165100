import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { listAll } from '../../helpers';

/** GET /v3/voices (20 a page by default, at most 100). */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many voices',
	description: 'Get voices',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'voiceFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Engine',
					name: 'engine',
					type: 'string',
					default: 'starfish',
					description: 'E.g. starfish (needed for Generate Speech).',
				},
				{
					displayName: 'Gender',
					name: 'gender',
					type: 'options',
					options: [
						{ name: 'Female', value: 'female' },
						{ name: 'Male', value: 'male' },
					],
					default: 'female',
				},
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: '',
					placeholder: 'English',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Public', value: 'public' },
						{ name: 'Private (Your Clones)', value: 'private' },
					],
					default: 'public',
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		return await listAll(
			this,
			'/v3/voices',
			this.getNodeParameter('voiceFilters', itemIndex, {}) as IDataObject,
			itemIndex,
			requestOptions,
			100,
		);
	},
});
