/**
 * Waiting for a lipsync (../shared/api/heygen.md §12.3): Poll GET /v3/lipsyncs/{id} until
 * `completed` or `failed` (any other status, known or not, is still running), or park for Webhook
 * Resume; the unsigned callback only signals, matched by its callback_id, and the lipsync is then
 * read from HeyGen.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitForJob } from '../../../shared/jobWait';
import { DEFAULT_REQUEST_OPTIONS, type RequestOptions } from '../../../shared/request';
import {
	callbackNonceMatches,
	parkedJob,
	parkUntilCallback,
	type ResumeCallback,
} from '../../../shared/webhookResume';
import { heyGenGet } from '../../helpers';
import type { HeyGenResumePlan } from '../resume.webhook';

export const LIPSYNC_TERMINAL = ['completed', 'failed'];

export const lipsyncPath = (id: string) => `/v3/lipsyncs/${encodeURIComponent(id)}`;

export const lipsyncFailureMessage = (job: IDataObject) =>
	`HeyGen lipsync ${String(job.id)} failed: ${String(job.failure_message ?? 'no reason given')}`;

const fileName = (job: IDataObject) => `${String(job.id)}-lipsync.mp4`;
const outputUrl = (job: IDataObject) =>
	typeof job.video_url === 'string' ? job.video_url : undefined;

/** After POST /v3/lipsyncs: park (Webhook Resume), or wait as Wait for Completion says. */
export async function finishLipsyncJob(
	ctx: IExecuteFunctions,
	itemIndex: number,
	created: IDataObject,
	resume: HeyGenResumePlan | undefined,
	requestOptions: RequestOptions,
): Promise<INodeExecutionData> {
	const id = String(created.id);
	if (resume)
		return await parkUntilCallback(
			ctx,
			itemIndex,
			{ ...created, status: 'pending', callback_id: resume.callback_id },
			`HeyGen lipsync ${id}`,
		);
	return await waitForJob(
		ctx,
		itemIndex,
		created,
		{
			serviceName: 'HeyGen',
			jobLabel: `HeyGen lipsync ${id}`,
			getLaterHint: 'Lipsync → Get',
			fetch: async () => await heyGenGet(ctx, lipsyncPath(id), itemIndex, requestOptions),
			statusOf: (job) => job.status as string | undefined,
			terminal: LIPSYNC_TERMINAL,
			succeeded: (job) => job.status === 'completed',
			failure: (job) =>
				new NodeOperationError(ctx.getNode(), lipsyncFailureMessage({ ...job, id }), {
					itemIndex,
					description: `Lipsync ID: ${id}`,
				}),
			outputUrl,
			fileName,
		},
		// Webhook Resume that fell back to polling (HeyGen could not reach n8n).
		{ poll: ctx.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook' },
	);
}

/** The confirming GET runs while HeyGen waits for our answer: a short retry budget (resume and trigger). */
export const CALLBACK_REQUEST_OPTIONS: RequestOptions = {
	...DEFAULT_REQUEST_OPTIONS,
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	timeoutMs: 30_000,
};

/** Webhook Resume of Lipsync → Create: the callback must echo this job's nonce and name this lipsync. */
export const lipsyncResumeCallback: ResumeCallback = {
	serviceName: 'HeyGen',
	verify: async (ctx: IWebhookFunctions) => {
		const parked = parkedJob(ctx);
		const event = ((ctx.getBodyData() ?? {}) as IDataObject).event_data as IDataObject | undefined;
		if (!callbackNonceMatches(parked.callback_id, event?.callback_id))
			return { valid: false, reason: 'callback_id does not match this job' };
		return String(event?.lipsync_id) === String(parked.id)
			? { valid: true }
			: { valid: false, reason: 'the callback names another job' };
	},
	finishedJobs: async (ctx) => {
		const job = await heyGenGet(
			ctx,
			lipsyncPath(String(parkedJob(ctx).id)),
			0,
			CALLBACK_REQUEST_OPTIONS,
		);
		return LIPSYNC_TERMINAL.includes(String(job.status)) ? [job] : undefined;
	},
	succeeded: (job) => job.status === 'completed',
	failureMessage: lipsyncFailureMessage,
	outputUrl,
	fileName,
	jobLabel: (job) => `HeyGen lipsync ${String(job.id)}`,
};
