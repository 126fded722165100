import type { IDataObject } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString } from '../../../shared/parameters';
import { checkLeadFields, synaptiqPage, synaptiqRequest } from '../../helpers';
import { leadFieldOptions } from './fields';

/** POST /leads (write); a 409 duplicate email becomes a clear error or, if asked, an update of that lead. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a lead',
	description: 'Create a lead (write scope)',
	properties: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: leadFieldOptions(false),
		},
		{
			displayName: 'If Lead Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{
					name: 'Fail the Item',
					value: 'error',
					description: 'A lead with this email already exists: error',
				},
				{
					name: 'Update the Existing Lead',
					value: 'update',
					description: 'Apply these fields to the lead with this email',
				},
			],
			default: 'error',
		},
	],
	async execute(itemIndex, requestOptions) {
		const email = requiredString(this, 'email', 'Email', itemIndex);
		const name = requiredString(this, 'name', 'Name', itemIndex);
		const fields = checkLeadFields(
			this,
			{ email, name, ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) },
			itemIndex,
		);
		try {
			return (
				await synaptiqRequest(
					this,
					'write',
					{ method: 'POST', path: '/leads', body: fields, itemIndex },
					requestOptions,
				)
			).body;
		} catch (error) {
			rethrowUnlessApiStatus(error, 409);
			if (this.getNodeParameter('ifExists', itemIndex, 'error') !== 'update') {
				throw fieldError(
					this,
					`A Synaptiq lead with email ${email} already exists`,
					itemIndex,
					'Set "If Lead Exists" to "Update the Existing Lead" to update it instead.',
				);
			}
		}
		// The 409 carries no id: find the lead by its email (Synaptiq's search matches email, name and company).
		const found = await synaptiqPage(
			this,
			{ path: '/leads/search', qs: { q: email }, itemIndex },
			1,
			100,
			requestOptions,
		);
		const existing = found.items.find(
			(lead) => String(lead.email).toLowerCase() === email.toLowerCase(),
		);
		if (!existing)
			throw fieldError(
				this,
				`Synaptiq reported a lead with email ${email}, but the search did not find it`,
				itemIndex,
			);
		// The email found the lead; the update changes the other fields.
		const changes = { ...fields };
		delete changes.email;
		return (
			await synaptiqRequest(
				this,
				'write',
				{
					method: 'PATCH',
					path: `/leads/${encodeURIComponent(String(existing.id))}`,
					body: changes,
					itemIndex,
				},
				requestOptions,
			)
		).body;
	},
});
