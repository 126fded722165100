import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_REQUEST_OPTIONS, type RequestOptions } from './request/types';

// n8n's lint reads a default only as a literal or an identifier.
const maxRetriesDefault = DEFAULT_REQUEST_OPTIONS.maxRetries;
const maxTotalWaitSecondsDefault = DEFAULT_REQUEST_OPTIONS.maxTotalWaitMs / 1000;
const timeoutSecondsDefault = DEFAULT_REQUEST_OPTIONS.timeoutMs / 1000;

/** The "Request Options" every node of this package offers, at the end of its fields. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description:
				'How many items run at the same time. Not set: 5 for operations that only read, 1 for the rest (creates that start paid jobs, posts, updates), so they happen in the order of the items. Output order and pairing always follow the input.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20 },
			default: maxRetriesDefault,
			description:
				'How many times a request is retried after a rate limit (429), a "busy, try later" answer, or (for requests that cannot create anything twice) a network or server error',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxTotalWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: maxTotalWaitSecondsDefault,
			description:
				'The longest one request may spend waiting between retries. When the service asks to wait longer, the item fails at once and says when to try again.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"A ceiling on this credential's requests per minute in this n8n process. 0: no ceiling of yours; the node still paces by what the service says (its rate-limit headers, its published limits, the limit its 429s reveal).",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: timeoutSecondsDefault,
			description: 'How long one attempt may take before it counts as failed',
		},
	],
};

export function readRequestOptions(ctx: IExecuteFunctions, itemIndex = 0): RequestOptions {
	const raw = ctx.getNodeParameter('requestOptions', itemIndex, {}) as {
		concurrency?: number;
		maxRetries?: number;
		maxTotalWaitSeconds?: number;
		requestsPerMinute?: number;
		timeoutSeconds?: number;
	};
	return {
		maxRetries: raw.maxRetries ?? DEFAULT_REQUEST_OPTIONS.maxRetries,
		maxTotalWaitMs:
			(raw.maxTotalWaitSeconds ?? DEFAULT_REQUEST_OPTIONS.maxTotalWaitMs / 1000) * 1000,
		requestsPerMinute: raw.requestsPerMinute ?? 0,
		timeoutMs: (raw.timeoutSeconds ?? DEFAULT_REQUEST_OPTIONS.timeoutMs / 1000) * 1000,
		concurrency:
			raw.concurrency === undefined ? undefined : Math.max(1, Math.floor(raw.concurrency)),
	};
}
