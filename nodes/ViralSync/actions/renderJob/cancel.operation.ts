import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { jobIdParameter, viralSyncRequest } from '../../helpers';
import { jobIdField } from './get.operation';

export const description: INodeProperties[] = [jobIdField(['cancel'])];

/** POST /v1/jobs/{jobId}/cancel → the job, cancelled; a finished job answers 409. Cancelled jobs cost nothing. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = jobIdParameter(this, itemIndex);
	return (await viralSyncRequest(this, { method: 'POST', path: `/v1/jobs/${encodeURIComponent(id)}/cancel`, itemIndex }, transport)).body;
}
