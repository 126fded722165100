import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IPairedItemData,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What a service said about a failed request, read from its own error shape. */
export interface ServiceErrorInfo {
	message?: string;
	code?: string;
	/** Extra text the service gave (Sync `suggestion`, HeyGen `param`, …). */
	detail?: string;
}

/** Removes every secret from a text, however it is embedded. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	return result;
}

/** Every secret a credential holds: the key, a webhook/callback signing secret, OAuth2 tokens and client secret. */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const tokens = (credentials.oauthTokenData ?? {}) as IDataObject;
	const candidates = [
		credentials.apiKey,
		credentials.webhookSecret,
		credentials.clientSecret,
		tokens.access_token,
		tokens.refresh_token,
		tokens.id_token,
	];
	return candidates
		.filter((value): value is string => typeof value === 'string')
		.map((value) => value.trim())
		.filter((value) => value.length >= 4);
}

/** The secrets of every credential the node is set up with (read once, only when an error needs cleaning). */
export async function nodeCredentialSecrets(
	ctx: IExecuteFunctions | IWebhookFunctions,
): Promise<string[]> {
	const secrets: string[] = [];
	for (const type of Object.keys(ctx.getNode().credentials ?? {})) {
		try {
			secrets.push(
				...secretsOf((await ctx.getCredentials(type)) as ICredentialDataDecryptedObject),
			);
		} catch {
			// A credential that cannot be read holds nothing this error could contain.
		}
	}
	return secrets;
}

/**
 * The error item of a failed input item. With "Continue (using error output)" its json is
 * `{error, message}` (the message is the description: status, hint, request ID), the one shape
 * both n8n 1.x and 2.x route to the error output; with "Continue" (regular output) the details
 * sit beside the error.
 */
export function errorItem(
	node: INode,
	error: Error & { description?: unknown; httpCode?: unknown },
	pairedItem: IPairedItemData | IPairedItemData[],
	extra: IDataObject = {},
): INodeExecutionData {
	const details: IDataObject = {
		...extra,
		...(error.description ? { description: error.description as string } : {}),
		...(error.httpCode ? { httpCode: error.httpCode as string } : {}),
	};
	if (node.onError === 'continueErrorOutput') {
		const description = typeof error.description === 'string' ? error.description : '';
		return {
			json: { error: error.message, ...(description ? { message: description } : {}) },
			pairedItem,
		};
	}
	return { json: { ...details, error: error.message }, pairedItem };
}

/** The same value with every secret removed from every string in it (objects and arrays walked). */
export function redactDeep<T>(value: T, secrets: Array<string | undefined>): T {
	if (!secrets.some((secret) => secret && secret.length >= 4)) return value;
	const walk = (current: unknown, depth: number): unknown => {
		if (typeof current === 'string') return redact(current, secrets);
		if (depth > 20 || current === null || typeof current !== 'object' || Buffer.isBuffer(current))
			return current;
		if (Array.isArray(current)) return current.map((entry) => walk(entry, depth + 1));
		return Object.fromEntries(
			Object.entries(current).map(([key, entry]) => [key, walk(entry, depth + 1)]),
		);
	};
	return walk(value, 0) as T;
}

/**
 * Removes every secret from an error in place (message, description, stack, messages, context),
 * keeping its class: whatever a service put into it (a job's failure text echoing the key) is cleaned.
 */
export function redactError<E>(error: E, secrets: Array<string | undefined>, depth = 0): E {
	if (!error || typeof error !== 'object' || depth > 5) return error;
	const target = error as unknown as Record<string, unknown>;
	for (const field of ['message', 'description', 'stack']) {
		if (typeof target[field] === 'string') target[field] = redact(target[field] as string, secrets);
	}
	for (const field of ['messages', 'context', 'errorResponse']) {
		if (target[field] && typeof target[field] === 'object')
			target[field] = redactDeep(target[field], secrets);
	}
	if (target.cause && typeof target.cause === 'object')
		redactError(target.cause, secrets, depth + 1);
	return error;
}

/** Whether this is an answer from the API (a NodeApiError) with one of these HTTP statuses. */
export function isApiErrorWithStatus(error: unknown, ...statuses: number[]): error is NodeApiError {
	return error instanceof NodeApiError && statuses.map(String).includes(String(error.httpCode));
}

/**
 * Keeps a NodeApiError (an answer from the API) or NodeOperationError (a check of ours) as it is;
 * anything else becomes a NodeOperationError. Rethrow a caught error through this.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

/**
 * Inside a catch: rethrows, unchanged, whatever is not an API answer with one of these statuses,
 * so a check that failed before the request stays a NodeOperationError naming its field.
 */
export function rethrowUnlessApiStatus(
	error: unknown,
	...statuses: number[]
): asserts error is NodeApiError {
	if (!isApiErrorWithStatus(error, ...statuses)) throw error;
}

export interface ApiErrorParts {
	node: INode;
	serviceName: string;
	status?: number;
	info: ServiceErrorInfo;
	hint?: string;
	requestId?: string;
	itemIndex?: number;
	secrets: Array<string | undefined>;
	/** When the status is absent: what went wrong on the way (reset, timeout, malformed body). */
	transportProblem?: string;
}

/**
 * A NodeApiError built only from what the service answered: never from the request (whose
 * headers hold the API key), and with every secret removed from its texts.
 */
export function buildApiError(parts: ApiErrorParts): NodeApiError {
	const clean = (text: string | undefined) =>
		text === undefined ? undefined : redact(text, parts.secrets);
	const serviceMessage =
		clean(parts.info.message) ?? clean(parts.transportProblem) ?? 'the request failed';
	const statusText = parts.status
		? ` (HTTP ${parts.status}${parts.info.code ? ` ${clean(parts.info.code)}` : ''})`
		: '';
	const message = `${parts.serviceName}: ${serviceMessage}${statusText}`;
	const description = [
		clean(parts.info.detail),
		clean(parts.hint),
		parts.requestId ? `Request ID: ${clean(parts.requestId)}` : undefined,
		parts.itemIndex !== undefined ? `Item: ${parts.itemIndex}` : undefined,
	]
		.filter(Boolean)
		.join('\n');
	const response: JsonObject = {
		service: parts.serviceName,
		message: serviceMessage,
		...(parts.status ? { httpCode: String(parts.status) } : {}),
		...(parts.info.code ? { code: clean(parts.info.code)! } : {}),
		...(parts.requestId ? { requestId: clean(parts.requestId)! } : {}),
	};
	return new NodeApiError(parts.node, response, {
		message,
		description: description || undefined,
		httpCode: parts.status ? String(parts.status) : undefined,
		itemIndex: parts.itemIndex,
	});
}

/** Hints for the causes users hit most, by status; services add their own first. */
export function genericHint(
	status: number | undefined,
	serviceName: string,
	authHeader: string,
): string | undefined {
	switch (status) {
		case 401:
			return `Check the API key in the ${serviceName} credential: it is missing, mistyped, revoked or expired. It is sent as the ${authHeader} header.`;
		case 402:
			return `Your ${serviceName} plan, credits or quota do not cover this request. Check billing in the ${serviceName} dashboard.`;
		case 403:
			return `The key is valid but not allowed to do this: check your ${serviceName} plan and the key's permissions.`;
		case 404:
			return 'Check the ID: it does not exist, was deleted, or belongs to another account or environment.';
		case 429:
			return `${serviceName} rate limit. Lower "Requests per Minute" in the node options, or raise "Max Total Wait".`;
		default:
			if (status && status >= 500)
				return `${serviceName} had a problem on its side. Try again later.`;
			return undefined;
	}
}
