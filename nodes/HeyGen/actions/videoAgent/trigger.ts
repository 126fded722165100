/**
 * HeyGen Trigger, `video_agent.success` / `video_agent.fail` (docs/api/heygen.md §11.3, §11.5): the
 * payload is undocumented, so the event is a signal: session and video are re-read with the
 * credential and emitted beside what the event said.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { rethrowUnlessApiStatus } from '../../../shared/errors';
import { DEFAULT_REQUEST_OPTIONS } from '../../../shared/request';
import { isRepeatedDelivery } from '../../../shared/signature';
import { heyGenGet } from '../../helpers';
import { sessionFailureMessage } from './wait';

export const isVideoAgentEvent = (eventType: string) => eventType.startsWith('video_agent.');

/** Events that end a video: an agent's video may also fire `avatar_video.*` (§11.5, unknown). */
const VIDEO_ENDS = [
	'avatar_video.success',
	'avatar_video.fail',
	'video_agent.success',
	'video_agent.fail',
];

/**
 * With a `video_agent.*` event chosen, one video starts the workflow once: a second end event for the
 * same video_id (its `avatar_video.*` twin) is a duplicate.
 */
export function isDuplicateVideoEnd(
	ctx: IWebhookFunctions,
	events: string[],
	eventType: string,
	data: IDataObject,
): boolean {
	if (!events.some(isVideoAgentEvent) || !VIDEO_ENDS.includes(eventType)) return false;
	const videoId = typeof data.video_id === 'string' ? data.video_id : undefined;
	return isRepeatedDelivery(`${ctx.getWorkflow().id}:${ctx.getNode().id}:video-end`, videoId);
}

/** GET, or null when HeyGen no longer has it (404). */
async function read(ctx: IWebhookFunctions, path: string): Promise<IDataObject | null> {
	try {
		return await heyGenGet(ctx, path, 0, DEFAULT_REQUEST_OPTIONS);
	} catch (error) {
		rethrowUnlessApiStatus(error, 404);
		return null;
	}
}

/** The emitted item: the event's fields, then the session and the video as HeyGen has them now. */
export async function videoAgentEventItem(
	ctx: IWebhookFunctions,
	item: IDataObject,
): Promise<IDataObject> {
	const sessionId = typeof item.session_id === 'string' ? item.session_id : undefined;
	const session = sessionId
		? await read(ctx, `/v3/video-agents/${encodeURIComponent(sessionId)}`)
		: null;
	const videoId =
		(item.video_id as string | undefined) ?? (session?.video_id as string | undefined);
	const video = videoId ? await read(ctx, `/v3/videos/${encodeURIComponent(videoId)}`) : null;
	const failed = item.event_type === 'video_agent.fail';
	return {
		...item,
		video_id: videoId ?? null,
		status: session?.status ?? null,
		url: (video?.video_url as string | undefined) ?? item.url ?? null,
		message: failed && session ? sessionFailureMessage(session, video ?? undefined) : item.message,
		session,
		video,
	};
}
