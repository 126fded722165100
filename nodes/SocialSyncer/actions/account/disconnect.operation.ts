import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';
import { platformField } from './fields';

export const description: INodeProperties[] = [
	platformField(['disconnect']),
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '',
		description: "The platform's account ID (from Account → List)",
		displayOptions: { show: { resource: ['account'], operation: ['disconnect'] } },
	},
];

/** DELETE /v1/accounts/{platform}/{accountId}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const platform = requiredString(this, 'platform', 'Platform', itemIndex);
	const accountId = requiredString(this, 'accountId', 'Account ID', itemIndex);
	await socialRequest(this, { method: 'DELETE', path: `/v1/accounts/${platform}/${encodeURIComponent(accountId)}`, itemIndex }, transport);
	return { platform, accountId, disconnected: true };
}
