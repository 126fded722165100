import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as account from './account/Account.resource';

export const operations: OperationMap = {
	account: { list: account.list.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
