/**
 * Waiting for a Video Agent run (docs/api/heygen.md §11.3): poll the session until a (new)
 * `video_id` appears, then the video until it ends. A chat session that asks something
 * (`waiting_for_input`, `reviewing`) ends the wait with the agent's question; a failed session is an
 * error naming its newest error message. Webhook Resume: the create's callback resumes, and the
 * node re-reads session and video with the credential.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { asNodeError } from '../../../shared/errors';
import { JobWaitTimeoutError, pollUntilTerminal } from '../../../shared/polling';
import { DEFAULT_REQUEST_OPTIONS, type RequestOptions } from '../../../shared/request';
import { ExecutionCancelledError } from '../../../shared/wait';
import {
	callbackNonceMatches,
	handleResumeCallback,
	parkedJob,
	parkUntilCallback,
} from '../../../shared/webhookResume';
import { heyGenGet, VIDEO_TERMINAL } from '../../helpers';
import type { HeyGenResumePlan } from '../resume.webhook';

/** Statuses where a chat session waits for the user (§11.3). */
export const AGENT_ASKS = ['waiting_for_input', 'reviewing'];

const sessionPath = (id: string) => `/v3/video-agents/${encodeURIComponent(id)}`;
const videoPath = (id: string) => `/v3/videos/${encodeURIComponent(id)}`;

const newestMessage = (session: IDataObject, wanted: (message: IDataObject) => boolean) =>
	((session.messages as IDataObject[] | undefined) ?? []).find(wanted);

/** The newest `type: "error"` message, else the newest model message, of a failed session. */
export function sessionFailureMessage(session: IDataObject, video?: IDataObject): string {
	const error =
		newestMessage(session, (message) => message.type === 'error') ??
		newestMessage(session, (message) => message.role === 'model');
	const reason =
		(error?.content as string | undefined) ??
		(video?.failure_message as string | undefined) ??
		'no reason given';
	return `HeyGen video agent session ${String(session.session_id)} failed: ${reason}`;
}

/** The agent's question: the newest `model` message of a session that waits for input. */
export const agentQuestion = (session: IDataObject) =>
	(newestMessage(session, (message) => message.role === 'model')?.content as string | undefined) ??
	null;

/** What an ended run gives: the session re-read at the end, with its video beside it. */
const finished = (session: IDataObject, video: IDataObject): IDataObject => ({ ...session, video });

const asked = (session: IDataObject): IDataObject => ({
	...session,
	waiting_for_input: true,
	question: agentQuestion(session),
});

/**
 * After Create or Send Message: park for Webhook Resume, poll (Poll, or Webhook Resume's fallback),
 * or return what HeyGen answered (Off).
 */
export async function finishAgentRun(
	ctx: IExecuteFunctions,
	itemIndex: number,
	answer: IDataObject,
	options: {
		resume?: HeyGenResumePlan;
		/** The session's video before this run (Send Message): the wait is for a new one. */
		previousVideoId?: string;
		requestOptions: RequestOptions;
	},
): Promise<INodeExecutionData> {
	const id = String(answer.session_id);
	if (options.resume)
		return await parkUntilCallback(
			ctx,
			itemIndex,
			{ ...answer, callback_id: options.resume.callback_id },
			`HeyGen video agent session ${id}`,
		);
	const mode = ctx.getNodeParameter('waitForCompletion', itemIndex, 'off');
	if (mode !== 'poll' && mode !== 'webhook') return { json: answer };
	const get = async (path: string) => await heyGenGet(ctx, path, itemIndex, options.requestOptions);
	const timeoutMs = (ctx.getNodeParameter('waitTimeout', itemIndex, 45) as number) * 60_000;
	const intervalMs = (ctx.getNodeParameter('pollInterval', itemIndex, 60) as number) * 1000;
	const started = Date.now();
	const signal = ctx.getExecutionCancelSignal();
	const fresh = (videoId: unknown) =>
		typeof videoId === 'string' && videoId !== '' && videoId !== options.previousVideoId;
	/** Polls, turning the wait's own errors into node errors that say what to do. */
	const polled = async (options: Parameters<typeof pollUntilTerminal<IDataObject>>[0]) => {
		try {
			return (await pollUntilTerminal<IDataObject>(options)).job;
		} catch (error) {
			if (error instanceof JobWaitTimeoutError)
				throw new NodeOperationError(
					ctx.getNode(),
					`HeyGen video agent session ${id} did not finish in time: ${error.message}`,
					{
						itemIndex,
						description:
							'It keeps running at HeyGen. Raise the Timeout, or read it later with Video Agent → Get Session.',
					},
				);
			if (error instanceof ExecutionCancelledError)
				throw new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
			throw asNodeError(ctx.getNode(), error);
		}
	};
	// 1. The session, until it has a (new) video, asks something, or failed.
	let session = await polled({
		fetch: async () => await get(sessionPath(id)),
		statusOf: (current) => {
			if (current.status === 'failed') return 'failed';
			if (AGENT_ASKS.includes(String(current.status))) return 'asks';
			// `completed` with the old video is a session that has not taken the message in yet.
			return fresh(current.video_id) ? 'video' : String(current.status ?? 'unknown');
		},
		terminal: ['failed', 'asks', 'video'],
		intervalMs,
		timeoutMs,
		signal,
		initialDelayMs: (ctx.getNodeParameter('firstCheckAfter', itemIndex, 300) as number) * 1000,
	});
	if (session.status === 'failed')
		throw new NodeOperationError(ctx.getNode(), sessionFailureMessage(session), {
			itemIndex,
			description: `Session ID: ${id}`,
		});
	if (AGENT_ASKS.includes(String(session.status))) return { json: asked(session) };
	// 2. The video, until it ends (the rest of the timeout); then the session once more, as it ended.
	const videoId = String(session.video_id);
	const video = await polled({
		fetch: async () => await get(videoPath(videoId)),
		statusOf: (current) => current.status as string | undefined,
		terminal: VIDEO_TERMINAL,
		intervalMs,
		timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)),
		signal,
	});
	try {
		session = await get(sessionPath(id));
	} catch (error) {
		throw asNodeError(ctx.getNode(), error);
	}
	if (video.status !== 'completed' || session.status === 'failed')
		throw new NodeOperationError(ctx.getNode(), sessionFailureMessage(session, video), {
			itemIndex,
			description: `${video.failure_code ? `Failure code: ${String(video.failure_code)}. ` : ''}Session ID: ${id}, video ID: ${String(video.id)}`,
		});
	const json = finished(session, video);
	if (!ctx.getNodeParameter('downloadOutput', itemIndex, false)) return { json };
	if (typeof video.video_url !== 'string')
		throw new NodeOperationError(
			ctx.getNode(),
			`HeyGen video ${String(video.id)} has no video_url`,
			{
				itemIndex,
			},
		);
	const property = ctx.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
	return {
		json,
		binary: {
			[property]: await downloadToBinary(ctx, video.video_url, {
				fileName: `${String(video.id)}.mp4`,
				itemIndex,
				serviceName: 'HeyGen',
			}),
		},
	};
}

/** The confirming GETs run while HeyGen waits for our answer: a short retry budget. */
const CALLBACK_REQUEST_OPTIONS: RequestOptions = {
	...DEFAULT_REQUEST_OPTIONS,
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	timeoutMs: 30_000,
};

/**
 * Webhook Resume of Video Agent → Create: the (unsigned) `video_agent.*` callback counts only when
 * it echoes this job's callback_id and names this session; what resumes is re-read from HeyGen.
 */
export async function videoAgentResumeWebhook(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	return await handleResumeCallback(this, {
		serviceName: 'HeyGen',
		verify: async (ctx) => {
			const parked = parkedJob(ctx);
			const event = ((ctx.getBodyData() ?? {}) as IDataObject).event_data as
				IDataObject | undefined;
			if (!callbackNonceMatches(parked.callback_id, event?.callback_id))
				return { valid: false, reason: 'callback_id does not match this job' };
			return String(event?.session_id) === String(parked.session_id)
				? { valid: true }
				: { valid: false, reason: 'the callback names another session' };
		},
		finishedJobs: async (ctx) => {
			const parked = parkedJob(ctx);
			const session = await heyGenGet(
				ctx,
				sessionPath(String(parked.session_id)),
				0,
				CALLBACK_REQUEST_OPTIONS,
			);
			if (session.status === 'failed' && !session.video_id) return [{ ...session, video: null }];
			if (!session.video_id) return undefined;
			const video = await heyGenGet(
				ctx,
				videoPath(String(session.video_id)),
				0,
				CALLBACK_REQUEST_OPTIONS,
			);
			return VIDEO_TERMINAL.includes(String(video.status)) ? [finished(session, video)] : undefined;
		},
		succeeded: (job) =>
			job.status !== 'failed' && (job.video as IDataObject | null)?.status === 'completed',
		failureMessage: (job) => {
			const video = (job.video as IDataObject | null) ?? undefined;
			return `${sessionFailureMessage(job, video)}${video?.failure_code ? ` (${String(video.failure_code)})` : ''}`;
		},
		outputUrl: (job) => {
			const url = (job.video as IDataObject | null)?.video_url;
			return typeof url === 'string' ? url : undefined;
		},
		fileName: (job) => `${String(job.video_id)}.mp4`,
		jobLabel: (job) => `HeyGen video agent session ${String(job.session_id)}`,
	});
}
