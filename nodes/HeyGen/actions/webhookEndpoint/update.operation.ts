import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { endpointIdField, eventOptions } from './fields';

/** PATCH /v3/webhooks/endpoints/{id}: only what is given changes. */
export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a webhook endpoint',
	description: 'Change the URL or the events',
	properties: [
		endpointIdField,
		{
			displayName: 'Update Fields',
			name: 'endpointUpdate',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{
					displayName: 'Events',
					name: 'events',
					type: 'multiOptions',
					options: eventOptions,
					default: [],
					description: 'Replaces the whole list',
				},
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'endpointId', 'Endpoint ID', itemIndex);
		const fields = this.getNodeParameter('endpointUpdate', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.url) body.url = checkUrl(this, String(fields.url), 'URL', itemIndex, 'https');
		if (Array.isArray(fields.events) && fields.events.length) body.events = fields.events;
		if (!Object.keys(body).length)
			throw fieldError(this, 'Update Fields: add the URL or the events to change', itemIndex);
		return unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'PATCH',
						path: `/v3/webhooks/endpoints/${encodeURIComponent(id)}`,
						body,
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
	},
});
