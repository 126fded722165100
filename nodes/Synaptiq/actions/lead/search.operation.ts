import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { listPages, requiredString } from '../../helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		description: 'Matches email, name and company',
		displayOptions: { show: { resource: ['lead'], operation: ['search'] } },
	},
	...returnAllAndLimit('lead', 'search', 1000, 50),
];

/** GET /leads/search?q= (read), page style. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const q = requiredString(this, 'query', 'Query', itemIndex);
	return await listPages(this, '/leads/search', { q }, itemIndex, transport);
}
