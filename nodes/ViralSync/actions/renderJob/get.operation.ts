import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { jobIdParameter, viralSyncRequest } from '../../helpers';

export const jobIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'job_1a2b3c4d5e6f',
	displayOptions: { show: { resource: ['renderJob'], operation: operations } },
});

export const description: INodeProperties[] = [jobIdField(['get'])];

/** GET /v1/jobs/{jobId}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = jobIdParameter(this, itemIndex);
	return (await viralSyncRequest(this, { method: 'GET', path: `/v1/jobs/${encodeURIComponent(id)}`, itemIndex }, transport)).body;
}
