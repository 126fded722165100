/** HeyGen details several operations share: request shorthand, the one cursor page, job endings. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitForJob } from '../shared/jobWait';
import { collectPages, listSettings } from '../shared/pagination';
import {
	apiRequest,
	DEFAULT_REQUEST_OPTIONS,
	type ApiResponse,
	type RequestContext,
	type RequestOptions,
	type RequestSpec,
} from '../shared/request';
import { parkUntilCallback } from '../shared/webhookResume';
import type { HeyGenResumePlan } from './actions/resume.webhook';
import { heyGenService, unwrapData } from './service';

export async function heyGenRequest<T = IDataObject>(
	ctx: RequestContext,
	spec: RequestSpec,
	requestOptions: RequestOptions = DEFAULT_REQUEST_OPTIONS,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, heyGenService, spec, requestOptions);
}

/** GET and unwrap `{data}`. */
export async function heyGenGet<T = IDataObject>(
	ctx: RequestContext,
	path: string,
	itemIndex: number,
	requestOptions: RequestOptions,
	qs?: IDataObject,
): Promise<T> {
	return unwrapData<T>(
		(await heyGenRequest(ctx, { method: 'GET', path, qs, itemIndex }, requestOptions)).body,
	);
}

export interface HeyGenPage {
	items: IDataObject[];
	/** The `token` of the next page; undefined on the last one. */
	next?: string;
}

/**
 * One page of a HeyGen list (docs/api/heygen.md, "Pagination"): `limit` and the opaque `token` in;
 * `data`, `has_more` and `next_token` out. Every walk over a HeyGen list goes through here: Get Many,
 * the pickers' search, the trigger's endpoint lookup.
 */
export async function heyGenPage(
	ctx: RequestContext,
	page: { path: string; qs?: IDataObject; limit: number; token?: string; itemIndex?: number },
	requestOptions: RequestOptions = DEFAULT_REQUEST_OPTIONS,
): Promise<HeyGenPage> {
	const qs = {
		...(page.qs ?? {}),
		limit: page.limit,
		...(page.token ? { token: page.token } : {}),
	};
	const response = await heyGenRequest<{
		data?: IDataObject[];
		has_more?: boolean;
		next_token?: string | null;
	}>(ctx, { method: 'GET', path: page.path, qs, itemIndex: page.itemIndex }, requestOptions);
	const body = response.body ?? {};
	return {
		items: body.data ?? [],
		next: body.has_more && body.next_token ? body.next_token : undefined,
	};
}

/** "Return All" / "Limit" over HeyGen's cursor pages. */
export async function listAll(
	ctx: IExecuteFunctions,
	path: string,
	qs: IDataObject,
	itemIndex: number,
	requestOptions: RequestOptions,
	maxPageSize: number,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>(
		async (token, limit) =>
			await heyGenPage(ctx, { path, qs, limit, token, itemIndex }, requestOptions),
		{ ...listSettings(ctx, itemIndex, 20), maxPageSize },
	);
}

/** A video is done when completed or failed; any other status (waiting, pending, unknown) is running. */
export const VIDEO_TERMINAL = ['completed', 'failed'];

export const videoFailureMessage = (video: IDataObject) =>
	`HeyGen video ${String(video.id)} failed: ${String(video.failure_message ?? 'no reason given')}`;

export const translationFailureMessage = (job: IDataObject) =>
	`HeyGen translation ${String(job.id)} (${String(job.output_language)}) failed: ${String(job.failure_message ?? 'no reason given')}`;

export function videoFailure(
	ctx: IExecuteFunctions,
	video: IDataObject,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), videoFailureMessage(video), {
		itemIndex,
		description: `${video.failure_code ? `Failure code: ${String(video.failure_code)}. ` : ''}Video ID: ${String(video.id)}`,
	});
}

/**
 * After a video job was created (Video → Create, Template → Generate): park it for Webhook Resume,
 * or wait for it as Wait for Completion says (Poll also when Webhook Resume fell back to polling).
 */
export async function finishVideoJob(
	ctx: IExecuteFunctions,
	itemIndex: number,
	video: IDataObject,
	resume: HeyGenResumePlan | undefined,
	requestOptions: RequestOptions,
): Promise<INodeExecutionData> {
	const videoId = String(video.id);
	if (resume)
		return await parkUntilCallback(
			ctx,
			itemIndex,
			{ ...video, callback_id: resume.callback_id },
			`HeyGen video ${videoId}`,
		);
	return await waitForJob(
		ctx,
		itemIndex,
		video,
		{
			serviceName: 'HeyGen',
			jobLabel: `HeyGen video ${videoId}`,
			getLaterHint: 'Video → Get',
			fetch: async () => await heyGenGet(ctx, `/v3/videos/${videoId}`, itemIndex, requestOptions),
			statusOf: (current) => current.status as string | undefined,
			terminal: VIDEO_TERMINAL,
			succeeded: (current) => current.status === 'completed',
			failure: (current) => videoFailure(ctx, current, itemIndex),
			outputUrl: (current) =>
				typeof current.video_url === 'string' ? current.video_url : undefined,
			fileName: (current) => `${String(current.id)}.mp4`,
		},
		{ poll: ctx.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook' },
	);
}
