import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { jobIdParameter, viralSyncRequest } from '../../helpers';
import { jobIdField } from './get.operation';

export const description: INodeProperties[] = [jobIdField(['delete'])];

/** DELETE /v1/jobs/{jobId} → 204 (finished jobs only); any 2xx counts as deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = jobIdParameter(this, itemIndex);
	await viralSyncRequest(this, { method: 'DELETE', path: `/v1/jobs/${encodeURIComponent(id)}`, itemIndex }, transport);
	return { jobId: id, deleted: true };
}
