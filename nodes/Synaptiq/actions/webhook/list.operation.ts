import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { synaptiqRequest } from '../../helpers';
import type { SynaptiqList } from '../../transport';
import { collectPages, nextPageNumber, returnAllAndLimit } from '../../../shared/pagination';

export const description: INodeProperties[] = [...returnAllAndLimit('webhook', 'list', 1000, 50)];

/** GET /webhooks (admin, even though it is a GET: §2), page style. Secrets are never listed. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await collectPages<IDataObject, number>(
		async (page = 1, pageSize) => {
			const response = await synaptiqRequest<SynaptiqList<IDataObject>>(this, 'admin', { method: 'GET', path: '/webhooks', qs: { page, limit: pageSize }, itemIndex }, transport);
			return { items: response.body?.data ?? [], next: nextPageNumber(page, response.body?.pagination ?? {}) };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}
