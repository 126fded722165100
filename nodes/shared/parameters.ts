/**
 * Reading and checking node parameters before any request: each check fails with a
 * NodeOperationError that names the field, so bad input never reaches a service.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

export function fieldError(
	ctx: IExecuteFunctions,
	message: string,
	itemIndex: number,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** A text parameter (or a resource locator's value), trimmed; '' when empty. */
export function stringParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A text parameter (or a resource locator's value) that must not be empty. */
export function requiredString(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = stringParameter(ctx, name, itemIndex);
	if (!value) throw fieldError(ctx, `${label} is required`, itemIndex);
	return value;
}

/** "a, b, c" → ['a', 'b', 'c']. */
export function commaList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

/**
 * A JSON parameter: a string to parse, or the value as n8n already parsed it (a `json` field).
 * Empty gives `undefined`. `kind` checks the shape, naming the field when it is wrong.
 */
export function jsonParameter(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	kind: 'any' | 'object' | 'array' = 'any',
): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			throw fieldError(ctx, `${label} is not valid JSON`, itemIndex);
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	if (kind === 'object' && (typeof parsed !== 'object' || Array.isArray(parsed)))
		throw fieldError(ctx, `${label} must be a JSON object`, itemIndex);
	if (kind === 'array' && !Array.isArray(parsed))
		throw fieldError(ctx, `${label} must be a JSON array`, itemIndex);
	return parsed;
}

/** A JSON object parameter; `{}` when empty. */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): IDataObject {
	return (jsonParameter(ctx, value, label, itemIndex, 'object') as IDataObject | undefined) ?? {};
}

/**
 * Where a URL the user gives may point:
 * - `public`: an http(s) URL the service fetches (media, a callback) — any host;
 * - `https`: https only (services that call only HTTPS webhooks), plain http only to this machine for local tests.
 */
export type UrlPolicy = 'public' | 'https';

/** Checks a URL parameter before any request; answers it unchanged. */
export function checkUrl(
	ctx: IExecuteFunctions,
	url: string,
	label: string,
	itemIndex: number,
	policy: UrlPolicy,
	description?: string,
): string {
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	const https = parsed?.protocol === 'https:';
	const http = parsed?.protocol === 'http:';
	const ok =
		policy === 'public' ? https || http : https || (http && LOOPBACK.test(parsed!.hostname));
	if (ok && parsed?.hostname) return url;
	const wanted = policy === 'public' ? 'an http(s) URL' : 'an https:// URL';
	throw fieldError(ctx, `${label} must be ${wanted} (got "${url}")`, itemIndex, description);
}
