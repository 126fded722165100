/** What a request is, what it answers, and how each service differs: the types of the shared request layer. */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ServiceErrorInfo } from '../errors';
import type { RateWindow } from '../pacing';
import type { HeaderBag } from '../retry';

export type { HeaderBag };

export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** What differs between the five APIs; each node's service.ts provides one. */
export interface ServiceDescriptor {
	displayName: string;
	credentialType: string;
	/** The header the key travels in, for hints. */
	authHeader: string;
	/** Reads the service's error body. */
	parseError(body: unknown): ServiceErrorInfo;
	/** Answers other than 429 that mean "rejected, nothing done, try later". */
	isTryLater?(status: number, info: ServiceErrorInfo): boolean;
	/** A service-specific hint for an error, before the generic ones. */
	hint?(status: number, info: ServiceErrorInfo): string | undefined;
	/** Header carrying the request id, when the service sends one. */
	requestIdHeader?: string;
	/** The service limits requests per client IP address, not per key: every key behind this n8n shares one pace. */
	pacedPerAddress?: boolean;
	/** When the node also offers OAuth2 (its "Authentication" parameter set to `oAuth2`): that credential type. */
	oAuth2CredentialType?: string;
	/**
	 * The rate-limit bucket a request counts against (services that limit per endpoint) and the
	 * service's published limit for it, where there is one. Without it: one bucket, nothing published.
	 */
	rateBucket?(method: string, path: string): RateBucket;
}

export interface RateBucket {
	name: string;
	published?: RateWindow;
}

/** The node's "Request Options" (parameter `requestOptions`), read once per execution. */
export interface RequestOptions {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time all waits of one request may add up to (as the service announced them). */
	maxTotalWaitMs: number;
	/** The user's ceiling on calls per minute per credential; 0 = none (the node still paces by what the service tells). */
	requestsPerMinute: number;
	/** Items run at once; undefined = the operation's default (5 for reads, 1 otherwise). */
	concurrency?: number;
	/** One attempt's timeout. */
	timeoutMs: number;
}

export const DEFAULT_REQUEST_OPTIONS: RequestOptions = {
	maxRetries: 5,
	maxTotalWaitMs: 5 * 60_000,
	requestsPerMinute: 0,
	timeoutMs: 60_000,
};

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Appended to the credential's Base URL. */
	path: string;
	qs?: IDataObject;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as is (multipart and other non-JSON bodies), with `contentType`. */
	rawBody?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	/** Sent as Idempotency-Key; makes transient failures of a POST safe to retry. */
	idempotencyKey?: string;
	/** The item this request is for, named in errors. */
	itemIndex?: number;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: HeaderBag;
	/** Parsed JSON, the text of a non-JSON answer, or undefined for an empty one. */
	body: T;
}

/** What one attempt came back with: an HTTP answer, or a network problem. */
export interface AttemptOutcome {
	status?: number;
	headers: HeaderBag;
	text: string;
	/** A network error code (ECONNRESET, ETIMEDOUT, …) when no answer arrived. */
	networkError?: string;
	/** Neither an answer nor a network problem (a cancelled execution, a refused URL): what went wrong, no retry. */
	failure?: string;
}
