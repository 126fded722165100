import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, synaptiqRequest } from '../../helpers';
import { leadIdField } from './fields';

export const description: INodeProperties[] = [leadIdField(['delete'])];

/** DELETE /leads/{id} (admin). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'leadId', 'Lead ID', itemIndex);
	return (await synaptiqRequest(this, 'admin', { method: 'DELETE', path: `/leads/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
