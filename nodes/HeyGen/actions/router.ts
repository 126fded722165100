import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as user from './user/User.resource';

export const operations: OperationMap = {
	user: { getCurrent: user.getCurrent.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
