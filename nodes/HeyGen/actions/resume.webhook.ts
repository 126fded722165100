/**
 * Webhook Resume for HeyGen (Video → Create, Template → Generate, Video Translation → Create).
 * HeyGen's per-job callback is unsigned (docs/api/heygen.md, "Jobs"): it is accepted only when it echoes this
 * job's secret callback_id and names this job, and what the node emits is then read from
 * HeyGen with the credential (never taken from the callback body).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	credentialTypeOf,
	DEFAULT_REQUEST_OPTIONS,
	type RequestOptions,
} from '../../shared/request';
import {
	callbackNonceMatches,
	handleResumeCallback,
	newCallbackNonce,
	parkedJob,
	planWebhookResume,
} from '../../shared/webhookResume';
import {
	heyGenGet,
	translationFailureMessage,
	VIDEO_TERMINAL,
	videoFailureMessage,
} from '../helpers';
import { heyGenService } from '../service';
import { lipsyncResumeCallback } from './lipsync/wait';
import { videoAgentResumeWebhook } from './videoAgent/wait';

/** The confirming GET runs while HeyGen waits for our answer: a short retry budget. */
const CALLBACK_REQUEST_OPTIONS: RequestOptions = {
	...DEFAULT_REQUEST_OPTIONS,
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	timeoutMs: 30_000,
};

export interface HeyGenResumePlan {
	callback_url: string;
	callback_id: string;
}

/**
 * With Wait for Completion: Webhook Resume, the callback fields the create request carries; undefined
 * otherwise (or when the user chose to poll because HeyGen could not reach n8n). Checked before any request.
 */
export async function planHeyGenResume(
	ctx: IExecuteFunctions,
	itemIndex: number,
	userOptions: IDataObject,
): Promise<HeyGenResumePlan | undefined> {
	if (ctx.getNodeParameter('waitForCompletion', itemIndex, 'off') !== 'webhook') return undefined;
	for (const [field, label] of [
		['callback_url', 'Callback URL'],
		['callback_id', 'Callback ID'],
	]) {
		if (userOptions[field]) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label} cannot be combined with Wait for Completion: Webhook Resume`,
				{
					itemIndex,
					description: `Webhook Resume sets the callback to this execution's resume URL. Remove the ${label} option, or choose Wait for Completion: Off or Poll.`,
				},
			);
		}
	}
	const credentials = await ctx.getCredentials(credentialTypeOf(ctx, heyGenService, itemIndex));
	const plan = planWebhookResume(
		ctx,
		itemIndex,
		String(credentials.baseUrl ?? 'https://api.heygen.com'),
		'HeyGen',
	);
	return plan ? { callback_url: plan.callbackUrl, callback_id: newCallbackNonce() } : undefined;
}

const isTranslation = (ctx: IWebhookFunctions) =>
	ctx.getNodeParameter('resource', 'video') === 'videoTranslation';
const translationIds = (parked: IDataObject) =>
	Array.isArray(parked.video_translation_ids) ? parked.video_translation_ids.map(String) : [];

export async function resumeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getNodeParameter('resource', 'video') === 'lipsync')
		return await handleResumeCallback(this, lipsyncResumeCallback);
	if (this.getNodeParameter('resource', 'video') === 'videoAgent')
		return await videoAgentResumeWebhook.call(this);
	const translation = isTranslation(this);
	return await handleResumeCallback(this, {
		serviceName: 'HeyGen',
		verify: async (ctx) => {
			const parked = parkedJob(ctx);
			const event = ((ctx.getBodyData() ?? {}) as IDataObject).event_data as
				IDataObject | undefined;
			if (!callbackNonceMatches(parked.callback_id, event?.callback_id))
				return { valid: false, reason: 'callback_id does not match this job' };
			const named = translation
				? translationIds(parked).includes(String(event?.video_translate_id))
				: String(event?.video_id) === String(parked.id);
			return named ? { valid: true } : { valid: false, reason: 'the callback names another job' };
		},
		finishedJobs: async (ctx) => {
			const parked = parkedJob(ctx);
			const ids = translation ? translationIds(parked) : [String(parked.id)];
			const jobs: IDataObject[] = [];
			for (const id of ids) {
				const path = translation
					? `/v3/video-translations/${encodeURIComponent(id)}`
					: `/v3/videos/${encodeURIComponent(id)}`;
				const job = await heyGenGet(ctx, path, 0, CALLBACK_REQUEST_OPTIONS);
				// A translation into several languages resumes once all of them have ended.
				if (!VIDEO_TERMINAL.includes(String(job.status))) return undefined;
				jobs.push(job);
			}
			return jobs;
		},
		succeeded: (job) => job.status === 'completed',
		failureMessage: (job) =>
			translation
				? translationFailureMessage(job)
				: // No description field on this path: the failure code goes into the message.
					`${videoFailureMessage(job)}${job.failure_code ? ` (${String(job.failure_code)})` : ''}`,
		outputUrl: (job) => (typeof job.video_url === 'string' ? job.video_url : undefined),
		fileName: (job) =>
			translation
				? translationFileName(String(job.id), job.output_language)
				: `${String(job.id)}.mp4`,
		jobLabel: (job) => `HeyGen ${translation ? 'translation' : 'video'} ${String(job.id)}`,
	});
}

export function translationFileName(id: string, language: unknown): string {
	return `${id}-${String(language ?? 'translation').replace(/[^A-Za-z0-9]+/g, '_')}.mp4`;
}
