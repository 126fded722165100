/** ViralSync details several operations share. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	apiRequest,
	type ApiResponse,
	type RequestOptions,
	type RequestSpec,
} from '../shared/request';
import { viralSyncService } from './service';

/** Done, failed and cancelled end a job; any other status (known or not) is still running. */
export const TERMINAL_STATUSES = ['done', 'failed', 'cancelled'];

export const JOB_STATUSES = ['queued', 'running', 'waiting', 'done', 'failed', 'cancelled'];

export async function viralSyncRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	spec: RequestSpec,
	requestOptions: RequestOptions,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, viralSyncService, spec, requestOptions);
}

/** A failed or cancelled job as a node error (failed → its error text; cancelled → "job cancelled"). */
export function jobFailure(
	ctx: IExecuteFunctions,
	job: IDataObject,
	itemIndex: number,
): NodeOperationError {
	const error = typeof job.error === 'string' ? job.error : undefined;
	const code = error ? /^([A-Z_]+):/.exec(error)?.[1] : undefined;
	return new NodeOperationError(
		ctx.getNode(),
		job.status === 'cancelled'
			? `ViralSync render job ${String(job.jobId)}: job cancelled`
			: `ViralSync render job ${String(job.jobId)} failed: ${error ?? 'no reason given'}`,
		{
			itemIndex,
			description: `${code ? `Error code: ${code}. ` : ''}Job ID: ${String(job.jobId)}`,
		},
	);
}
