import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as asset from './asset/Asset.resource';
import * as batch from './batch/Batch.resource';
import * as generation from './generation/Generation.resource';
import * as model from './model/Model.resource';

export const operations: OperationMap = {
	generation: {
		create: generation.create.execute,
		get: generation.get.execute,
		list: generation.list.execute,
		delete: generation.del.execute,
		getDownloadUrl: generation.getDownloadUrl.execute,
		estimateCost: generation.estimateCost.execute,
	},
	batch: {
		create: { aggregate: true, execute: batch.create.execute },
		get: batch.get.execute,
		list: batch.list.execute,
	},
	asset: {
		upload: asset.upload.execute,
		register: asset.register.execute,
		get: asset.get.execute,
		list: asset.list.execute,
		delete: asset.del.execute,
	},
	model: { list: model.list.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
