/** Sync details several operations share: job states, field readers, request shorthand. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	apiRequest,
	type ApiResponse,
	type RequestOptions,
	type RequestSpec,
} from '../shared/request';
import { syncService } from './service';

/** Terminal states (docs/api/sync.md, "Jobs"): COMPLETED, FAILED, REJECTED, plus the legacy CANCELED and TIMED_OUT. */
export const TERMINAL_STATUSES = ['COMPLETED', 'FAILED', 'REJECTED', 'CANCELED', 'TIMED_OUT'];

export const GENERATION_STATUSES = ['PENDING', 'PROCESSING', ...TERMINAL_STATUSES];

export async function syncRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	spec: RequestSpec,
	requestOptions: RequestOptions,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, syncService, spec, requestOptions);
}

/** Both spellings Sync uses for the output link. */
export function outputUrlOf(generation: IDataObject): string | undefined {
	return (
		(generation.outputUrl as string | undefined) ??
		(generation.outputMediaUrl as string | undefined) ??
		undefined
	);
}

export function errorCodeOf(generation: IDataObject): string | undefined {
	return (
		(generation.errorCode as string | undefined) ?? (generation.error_code as string | undefined)
	);
}

/** The message of a FAILED/REJECTED job (the poll and the Webhook Resume paths say the same). */
export function jobFailureMessage(generation: IDataObject): string {
	return `Sync generation ${String(generation.id)} ${String(generation.status).toLowerCase()}: ${String(generation.error ?? 'no reason given')}`;
}

/** The failure a FAILED/REJECTED job carries, as a node error. */
export function jobFailure(
	ctx: IExecuteFunctions,
	generation: IDataObject,
	itemIndex: number,
): NodeOperationError {
	const code = errorCodeOf(generation);
	return new NodeOperationError(ctx.getNode(), jobFailureMessage(generation), {
		itemIndex,
		description: `${code ? `Error code: ${code}. ` : ''}Generation ID: ${String(generation.id)}`,
	});
}
