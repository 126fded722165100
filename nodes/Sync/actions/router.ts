import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as model from './model/Model.resource';

export const operations: OperationMap = {
	model: { list: model.list.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
