/** HeyGen details several operations share. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitForJob } from '../shared/jobWait';
import { collectPages } from '../shared/pagination';
import { apiRequest, type ApiResponse, type RequestContext, type RequestSpec, type TransportOptions } from '../shared/transport';
import { parkUntilCallback } from '../shared/webhookResume';
import type { HeyGenResumePlan } from './actions/resume.webhook';
import { heyGenService, unwrapData } from './transport';

export async function heyGenRequest<T = IDataObject>(ctx: RequestContext, spec: RequestSpec, transport: TransportOptions): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, heyGenService, spec, transport);
}

/** GET and unwrap `{data}`. */
export async function heyGenGet<T = IDataObject>(ctx: RequestContext, path: string, itemIndex: number, transport: TransportOptions, qs?: IDataObject): Promise<T> {
	return unwrapData<T>((await heyGenRequest(ctx, { method: 'GET', path, qs, itemIndex }, transport)).body);
}

/** "Return All" / "Limit" over HeyGen's cursor pages (§5: `token` → `next_token`, stop on `has_more: false`). */
export async function listAll(ctx: IExecuteFunctions, path: string, qs: IDataObject, itemIndex: number, transport: TransportOptions, maxPageSize: number): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, 20) as number);
	return await collectPages<IDataObject, string>(
		async (token, pageSize) => {
			const response = await heyGenRequest<{ data?: IDataObject[]; has_more?: boolean; next_token?: string | null }>(ctx, { method: 'GET', path, qs: { ...qs, limit: pageSize, ...(token ? { token } : {}) }, itemIndex }, transport);
			const body = response.body ?? {};
			return { items: body.data ?? [], next: body.has_more && body.next_token ? body.next_token : undefined };
		},
		{ returnAll, limit, maxPageSize },
	);
}

export function requiredString(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

/** An `{id}` field shown for some operations of a resource. */
export const idField = (resource: string, operations: string[], name: string, displayName: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder,
	displayOptions: { show: { resource: [resource], operation: operations } },
});

/** §3: a video is done when completed or failed; any other status (waiting, pending, unknown) is running. */
export const VIDEO_TERMINAL = ['completed', 'failed'];

export const videoFailureMessage = (video: IDataObject) => `HeyGen video ${String(video.id)} failed: ${String(video.failure_message ?? 'no reason given')}`;

export const translationFailureMessage = (job: IDataObject) => `HeyGen translation ${String(job.id)} (${String(job.output_language)}) failed: ${String(job.failure_message ?? 'no reason given')}`;

export function videoFailure(ctx: IExecuteFunctions, video: IDataObject, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), videoFailureMessage(video), {
		itemIndex,
		description: `${video.failure_code ? `Failure code: ${String(video.failure_code)}. ` : ''}Video ID: ${String(video.id)}`,
	});
}

/**
 * After a video job was created (Video → Create, Template → Generate): park it for Webhook Resume,
 * or wait for it as Wait for Completion says (Poll also when Webhook Resume fell back to polling).
 */
export async function finishVideoJob(ctx: IExecuteFunctions, itemIndex: number, video: IDataObject, resume: HeyGenResumePlan | undefined, transport: TransportOptions): Promise<INodeExecutionData> {
	const videoId = String(video.id);
	if (resume) return await parkUntilCallback(ctx, itemIndex, { ...video, callback_id: resume.callback_id }, `HeyGen video ${videoId}`);
	return await waitForJob(ctx, itemIndex, video, {
		serviceName: 'HeyGen',
		jobLabel: `HeyGen video ${videoId}`,
		getLaterHint: 'Video → Get',
		fetch: async () => await heyGenGet(ctx, `/v3/videos/${videoId}`, itemIndex, transport),
		statusOf: (current) => current.status as string | undefined,
		terminal: VIDEO_TERMINAL,
		succeeded: (current) => current.status === 'completed',
		failure: (current) => videoFailure(ctx, current, itemIndex),
		outputUrl: (current) => (typeof current.video_url === 'string' ? current.video_url : undefined),
		fileName: (current) => `${String(current.id)}.mp4`,
	}, { poll: ctx.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook' });
}

/** One Idempotency-Key per execution, node, purpose and item (§4: HeyGen replays it for 24 h). */
export function idempotencyKeyFor(ctx: IExecuteFunctions, itemIndex: number, purpose: string): string {
	return `n8n-${ctx.getExecutionId() ?? 'manual'}-${ctx.getNode().id}-${purpose}-${itemIndex}`.replace(/[^A-Za-z0-9_\-:.]/g, '-').slice(0, 255);
}
