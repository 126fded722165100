import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, type TransportOptions } from '../../../shared/transport';
import { PLATFORM_OPTIONS, socialSyncerService } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		options: [{ name: 'All Platforms', value: '' }, ...PLATFORM_OPTIONS],
		default: '',
		description: 'Only list accounts of this platform',
		displayOptions: { show: { resource: ['account'], operation: ['list'] } },
	},
];

/** GET /v1/accounts[?platform=] → {accounts: [...]} (unpaged); one item per account. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const platform = this.getNodeParameter('platform', itemIndex, '') as string;
	const response = await apiRequest<{ accounts?: IDataObject[] }>(
		this,
		socialSyncerService,
		{ method: 'GET', path: '/v1/accounts', qs: platform ? { platform } : undefined, itemIndex },
		transport,
	);
	return response.body?.accounts ?? [];
}
