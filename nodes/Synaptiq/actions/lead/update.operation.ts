import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { checkLeadFields, requiredString, synaptiqRequest } from '../../helpers';
import { leadFieldOptions, leadIdField } from './fields';

export const description: INodeProperties[] = [
	leadIdField(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { resource: ['lead'], operation: ['update'] } },
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...leadFieldOptions(true),
		],
	},
];

/** PATCH /leads/{id} (write): profile and pipeline status; the score is Synaptiq's to set. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'leadId', 'Lead ID', itemIndex);
	const fields = checkLeadFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(fields).length === 0) throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	return (await synaptiqRequest(this, 'write', { method: 'PATCH', path: `/leads/${encodeURIComponent(id)}`, body: fields, itemIndex }, transport)).body;
}
