import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../../../shared/errors';
import type { TransportOptions } from '../../../shared/transport';
import type { SynaptiqList } from '../../transport';
import { checkLeadFields, requiredString, synaptiqRequest } from '../../helpers';
import { leadFieldOptions } from './fields';

const show = { resource: ['lead'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', displayOptions: { show } },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		options: leadFieldOptions(false),
	},
	{
		displayName: 'If Lead Exists',
		name: 'ifExists',
		type: 'options',
		options: [
			{ name: 'Fail the Item', value: 'error', description: 'A lead with this email already exists: error' },
			{ name: 'Update the Existing Lead', value: 'update', description: 'Apply these fields to the lead with this email' },
		],
		default: 'error',
		displayOptions: { show },
	},
];

/** POST /leads (write); a 409 duplicate email becomes a clear error or, if asked, an update of that lead. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const email = requiredString(this, 'email', 'Email', itemIndex);
	const name = requiredString(this, 'name', 'Name', itemIndex);
	const fields = checkLeadFields(this, { email, name, ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) }, itemIndex);
	try {
		return (await synaptiqRequest(this, 'write', { method: 'POST', path: '/leads', body: fields, itemIndex }, transport)).body;
	} catch (error) {
		rethrowUnlessApiStatus(error, 409);
		if (this.getNodeParameter('ifExists', itemIndex, 'error') !== 'update') {
			throw new NodeOperationError(this.getNode(), `A Synaptiq lead with email ${email} already exists`, {
				itemIndex,
				description: 'Set "If Lead Exists" to "Update the Existing Lead" to update it instead.',
			});
		}
	}
	const found = await synaptiqRequest<SynaptiqList<IDataObject>>(this, 'read', { method: 'GET', path: '/leads/search', qs: { q: email, limit: 100 }, itemIndex }, transport);
	const existing = (found.body?.data ?? []).find((lead) => String(lead.email).toLowerCase() === email.toLowerCase());
	if (!existing) throw new NodeOperationError(this.getNode(), `Synaptiq reported a lead with email ${email}, but the search did not find it`, { itemIndex });
	const { email: _email, ...changes } = fields;
	const updated = await synaptiqRequest(this, 'write', { method: 'PATCH', path: `/leads/${String(existing.id)}`, body: changes, itemIndex }, transport);
	return updated.body;
}
