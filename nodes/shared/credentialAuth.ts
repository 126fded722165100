import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export class InsecureBaseUrlError extends Error {}

/**
 * The full URL a request will go to, from an absolute `url` or `baseURL` + `url`.
 */
function resolveRequestUrl(requestOptions: IHttpRequestOptions): URL | undefined {
	try {
		return requestOptions.baseURL
			? new URL(requestOptions.url.replace(/^\/+/, ''), requestOptions.baseURL.replace(/\/*$/, '/'))
			: new URL(requestOptions.url);
	} catch {
		return undefined;
	}
}

/**
 * Plain HTTP is only allowed to this machine (the local sandbox/emulators): a key sent over
 * plain HTTP to any other host could be read on the way.
 */
export function assertSecureUrl(url: URL | string, serviceName: string): void {
	const parsed = typeof url === 'string' ? new URL(url) : url;
	if (parsed.protocol === 'https:') return;
	if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return;
	throw new InsecureBaseUrlError(
		`${serviceName} Base URL must use https:// (http:// is accepted only for localhost or 127.0.0.1); got ${parsed.protocol}//${parsed.host}`,
	);
}

/** The key as the user pasted it, without the whitespace or newline a copy often adds. */
export function apiKeyOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.apiKey ?? '').trim();
}

/**
 * An `authenticate` function for the credential: refuses insecure base URLs before the key
 * leaves the process, then sets the service's auth header.
 */
export function headerAuthenticator(
	serviceName: string,
	header: string,
	format: (apiKey: string) => string,
) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const target = resolveRequestUrl(requestOptions);
		if (target) assertSecureUrl(target, serviceName);
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), [header]: format(apiKeyOf(credentials)) },
		};
	};
}

export function apiKeyProperty(description: string, placeholder: string): INodeProperties {
	return {
		displayName: 'API Key',
		name: 'apiKey',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder,
		description,
	};
}

export function baseUrlProperty(officialUrl: string, serviceName: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		required: true,
		default: officialUrl,
		description: `Leave as ${officialUrl} unless you go through a proxy or a local ${serviceName} sandbox. Must be https:// (http:// only for localhost or 127.0.0.1).`,
	};
}

/** The credential's base URL with trailing slashes removed, for `test.request.baseURL`. */
export const BASE_URL_EXPRESSION =
	'={{ String($credentials.baseUrl).trim().replace(/\\/+$/, "") }}';
