import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as account from './account/Account.resource';
import * as renderJob from './renderJob/RenderJob.resource';

export const operations: OperationMap = {
	account: { get: account.get.execute, getUsage: account.getUsage.execute },
	renderJob: {
		create: renderJob.create.execute,
		get: renderJob.get.execute,
		list: renderJob.list.execute,
		cancel: renderJob.cancel.execute,
		delete: renderJob.del.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
