import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { listAll } from '../../helpers';

export const description: INodeProperties[] = [
	...returnAllAndLimit('video', 'list', 1000, 20),
	{
		displayName: 'Title Contains',
		name: 'titleFilter',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['video'], operation: ['list'] } },
	},
];

/** GET /v3/videos (10 a page by default, at most 100). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const title = String(this.getNodeParameter('titleFilter', itemIndex, '') ?? '').trim();
	return await listAll(this, '/v3/videos', title ? { title } : {}, itemIndex, transport, 100);
}
