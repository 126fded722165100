import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { socialRequest } from '../../helpers';
import { PLATFORM_OPTIONS } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'healthPlatform',
		type: 'options',
		options: [{ name: 'All Platforms', value: '' }, ...PLATFORM_OPTIONS],
		default: '',
		displayOptions: { show: { resource: ['account'], operation: ['getHealth'] } },
	},
];

/** GET /v1/accounts/health: token validity, permissions and recommendations per account. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const platform = this.getNodeParameter('healthPlatform', itemIndex, '') as string;
	const response = await socialRequest<{ accounts?: IDataObject[] }>(this, { method: 'GET', path: '/v1/accounts/health', qs: platform ? { platform } : undefined, itemIndex }, transport);
	return response.body?.accounts ?? [];
}
