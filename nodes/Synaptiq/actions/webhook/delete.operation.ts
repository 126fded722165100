import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, synaptiqRequest } from '../../helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wh_…',
		displayOptions: { show: { resource: ['webhook'], operation: ['delete'] } },
	},
];

/** DELETE /webhooks/{id} (admin). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'webhookId', 'Webhook ID', itemIndex);
	return (await synaptiqRequest(this, 'admin', { method: 'DELETE', path: `/webhooks/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
