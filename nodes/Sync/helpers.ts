/** Sync details several operations share: job states, field readers, request shorthand. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest, type ApiResponse, type RequestSpec, type TransportOptions } from '../shared/transport';
import { syncService } from './transport';

/** §3: COMPLETED, FAILED, REJECTED, plus the legacy CANCELED and TIMED_OUT. */
export const TERMINAL_STATUSES = ['COMPLETED', 'FAILED', 'REJECTED', 'CANCELED', 'TIMED_OUT'];

export const GENERATION_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'REJECTED', 'CANCELED', 'TIMED_OUT'];

export async function syncRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	spec: RequestSpec,
	transport: TransportOptions,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, syncService, spec, transport);
}

/** Both spellings the contract lists (§8). */
export function outputUrlOf(generation: IDataObject): string | undefined {
	return (generation.outputUrl as string | undefined) ?? (generation.outputMediaUrl as string | undefined) ?? undefined;
}

export function errorCodeOf(generation: IDataObject): string | undefined {
	return (generation.errorCode as string | undefined) ?? (generation.error_code as string | undefined);
}

/**
 * One Idempotency-Key per execution, node and item: a retry of the same item (by the transport
 * or by n8n's Retry On Fail) replays the first generation instead of billing a second (§4).
 */
export function idempotencyKeyFor(ctx: IExecuteFunctions, itemIndex: number, purpose: string): string {
	const raw = `n8n-${ctx.getExecutionId() ?? 'manual'}-${ctx.getNode().id}-${purpose}-${itemIndex}`;
	return raw.replace(/[^A-Za-z0-9._~-]/g, '-').slice(0, 128);
}

/** Webhook URLs must be HTTPS; plain http only to this machine (local testing). */
export function assertWebhookUrl(ctx: IExecuteFunctions, url: string, itemIndex: number, field: string): void {
	if (/^https:\/\/[^\s/]+/i.test(url) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(url)) return;
	throw new NodeOperationError(ctx.getNode(), `${field} must be an https:// URL`, {
		itemIndex,
		description: `Sync only calls HTTPS webhooks; got "${url}".`,
	});
}

export function requireText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

/** The failure a FAILED/REJECTED job carries, as a node error. */
export function jobFailure(ctx: IExecuteFunctions, generation: IDataObject, itemIndex: number): NodeOperationError {
	const code = errorCodeOf(generation);
	return new NodeOperationError(
		ctx.getNode(),
		`Sync generation ${String(generation.id)} ${String(generation.status).toLowerCase()}: ${String(generation.error ?? 'no reason given')}`,
		{ itemIndex, description: `${code ? `Error code: ${code}. ` : ''}Generation ID: ${String(generation.id)}` },
	);
}
