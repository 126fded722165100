import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, parts.secrets));
	const serviceMessage = clean(parts.info.message) ?? clean(parts.transportProblem) ?? 'the request failed';
	const statusText = parts.status ? ` (HTTP ${parts.status}${parts.info.code ? ` ${clean(parts.info.code)}` : ''})` : '';
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
export function genericHint(status: number | undefined, serviceName: string, authHeader: string): string | undefined {
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
			if (status && status >= 500) return `${serviceName} had a problem on its side. Try again later.`;
			return undefined;
	}
}
