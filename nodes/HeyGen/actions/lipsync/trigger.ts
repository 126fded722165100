/**
 * Lipsync events in the HeyGen Trigger (../shared/api/heygen.md §12.3–12.5). HeyGen documents no
 * lipsync event type and no payload: `lipsync.success` / `lipsync.fail` with `event_data.lipsync_id`
 * are our assumption, so a delivery is only a signal and the emitted item is the lipsync read
 * from HeyGen with the credential. They arrive as signed registered-endpoint events (if HeyGen
 * sends them) or as a lipsync's unsigned per-job callback pointed at the trigger, accepted only
 * when it echoes the trigger's Lipsync Callback ID.
 */
import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { callbackNonceMatches } from '../../../shared/webhookResume';
import { heyGenGet } from '../../helpers';
import { CALLBACK_REQUEST_OPTIONS, lipsyncPath } from './wait';

export const LIPSYNC_EVENT_TYPES = ['lipsync.success', 'lipsync.fail'];

export const isLipsyncEvent = (eventType: string) => LIPSYNC_EVENT_TYPES.includes(eventType);

export const lipsyncCallbackIdProperty: INodeProperties = {
	displayName: 'Lipsync Callback ID',
	name: 'lipsyncCallbackId',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"For the lipsync events: a secret you also put in Lipsync → Create's Callback ID (with this trigger's URL as its Callback URL). HeyGen's per-job callback is unsigned, so it is accepted only when it carries this ID; the lipsync is then read from HeyGen.",
};

/**
 * What the trigger registers: HeyGen's documented types are sent as they are; with a lipsync event
 * chosen (not in HeyGen's list, so it may be refused by name) the endpoint takes every event
 * (`null`) and the trigger keeps only the chosen ones.
 */
export function registeredEvents(chosen: string[]): string[] | null {
	return chosen.some(isLipsyncEvent) ? null : chosen;
}

/** An unsigned lipsync callback that echoes the trigger's Lipsync Callback ID. */
export function isTrustedLipsyncCallback(ctx: IWebhookFunctions, body: IDataObject): boolean {
	if (!isLipsyncEvent(String(body.event_type ?? ''))) return false;
	const expected = String(ctx.getNodeParameter('lipsyncCallbackId', '') ?? '');
	const data = (body.event_data ?? {}) as IDataObject;
	return Boolean(expected) && callbackNonceMatches(expected, data.callback_id);
}

/** The item a lipsync event emits: the event's identity, then the lipsync as HeyGen has it now. */
export async function lipsyncEventItem(
	ctx: IWebhookFunctions,
	body: IDataObject,
	eventType: string,
): Promise<IDataObject> {
	const data = (body.event_data ?? {}) as IDataObject;
	const id = String(data.lipsync_id ?? data.id ?? data.video_id ?? '');
	const lipsync = id
		? await heyGenGet<IDataObject>(ctx, lipsyncPath(id), 0, CALLBACK_REQUEST_OPTIONS)
		: {};
	return {
		event_type: eventType,
		event_id: body.event_id ?? null,
		created_at: body.created_at ?? null,
		callback_id: data.callback_id ?? null,
		lipsync_id: id || null,
		...lipsync,
		url: lipsync.video_url ?? null,
		message: lipsync.failure_message ?? null,
	};
}
