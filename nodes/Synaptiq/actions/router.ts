import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as lead from './lead/Lead.resource';

export const operations: OperationMap = {
	lead: { list: lead.list.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
