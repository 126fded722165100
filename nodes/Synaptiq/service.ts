/** Synaptiq v1 specifics for the shared request layer (docs/api/synaptiq.md, "Auth" and "Errors"). */
import type { ServiceDescriptor } from '../shared/request';

export const synaptiqService: ServiceDescriptor = {
	displayName: 'Synaptiq',
	credentialType: 'synaptiqApi',
	authHeader: 'Authorization: Bearer',
	parseError(body) {
		const error = ((body ?? {}) as { error?: { code?: string; message?: string } }).error;
		return { message: error?.message, code: error?.code };
	},
	hint(status, info) {
		if (status === 403 && info.code === 'forbidden') {
			const scope = /\((read|write|admin)\)/.exec(info.message ?? '')?.[1];
			return `This key's scope is too low${scope ? `: the operation needs a ${scope}-scope key` : ''}. Create a key with that scope in the Synaptiq dashboard and use it in the credential.`;
		}
		if (status === 403 && info.code === 'plan_insufficient')
			return 'Your Synaptiq plan no longer includes API access.';
		if (status === 403 && info.code === 'https_required')
			return 'Synaptiq accepts HTTPS only: use an https:// Base URL.';
		if (status === 404)
			return 'Not found. Sandbox (sk_test_) and live (sk_live_) keys see separate data: an ID from one is not found with the other.';
		return undefined;
	},
};

/** Synaptiq's list envelope (docs/api/synaptiq.md, "Pagination"). */
export interface SynaptiqList<T> {
	data?: T[];
	pagination?: {
		page?: number;
		limit?: number;
		total?: number;
		totalPages?: number;
		hasMore?: boolean;
	};
}

/** The event types (docs/api/synaptiq.md, "Webhooks": the union of both doc pages). */
export const WEBHOOK_EVENTS = [
	'lead.created',
	'lead.updated',
	'lead.qualified',
	'lead.converted',
	'lead.deleted',
	'conversation.started',
	'conversation.completed',
	'conversation.handoff',
	'message.received',
	'message.sent',
	'intent.high_value',
	'meeting.booked',
	'meeting.cancelled',
	'meeting.rescheduled',
];

/** A signing secret as the node makes one: whsec_ + 32 random characters (docs/api/synaptiq.md, "Webhooks"). */
export function newWebhookSecret(random: (size: number) => Buffer): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return `whsec_${Array.from(random(32), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}
