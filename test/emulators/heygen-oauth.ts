/**
 * HeyGen's OAuth2 server (docs/api/heygen.md docs/api/heygen.md "Auth", "Auth (OAuth, optional)"), served on the
 * emulator's one origin: dynamic client registration (`POST /v1/oauth/register`, body `{}` →
 * `{client_id}`), the authorize page (`GET /oauth/authorize`, PKCE S256 required; the emulated user
 * is signed in and consents, so it redirects at once with `code` and `state`), the token endpoint
 * (`POST /v1/oauth/token`: authorization_code with the PKCE verifier, refresh_token with rotation)
 * and revocation. Access tokens then authenticate API calls as `Authorization: Bearer`.
 *
 * Test switches (config): `accessTokenTtlSeconds` for new tokens; `accessTokensExpiredBefore`
 * (epoch ms) expires every access token issued before it, so a test can force n8n's refresh path.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { Emulator, EmulatorRequest, EmulatorResponse } from './core';

interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	codeChallenge: string;
	scope: string;
	expiresAt: number;
}

export interface AccessToken {
	clientId: string;
	issuedAt: number;
	expiresAt: number;
	revoked: boolean;
}

const CODE_TTL_MS = 10 * 60_000;

const randomToken = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

/** RFC 6749 §5.2 error answer. */
function oauthError(status: number, error: string, description: string): EmulatorResponse {
	return {
		status,
		headers: { 'cache-control': 'no-store' },
		body: { error, error_description: description },
	};
}

/** Token and revoke requests arrive form-encoded (RFC 6749) or, from some clients, as JSON. */
function formOf(req: EmulatorRequest): Record<string, string> {
	if (req.body && typeof req.body === 'object')
		return Object.fromEntries(
			Object.entries(req.body as Record<string, unknown>).map(([key, value]) => [
				key,
				String(value),
			]),
		);
	return Object.fromEntries(new URLSearchParams(req.rawBody.toString('utf8')));
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export interface HeyGenOAuthServer {
	/** The access token a Bearer header carries, if it is one this server issued and it is usable now. */
	check(
		token: string,
	): { ok: true; token: AccessToken } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };
}

export function addOAuthServer(emulator: Emulator): HeyGenOAuthServer {
	const clients = new Set<string>();
	const codes = new Map<string, AuthorizationCode>();
	const accessTokens = new Map<string, AccessToken>();
	const refreshTokens = new Map<string, { clientId: string; scope: string }>();
	emulator.onReset(() => {
		clients.clear();
		codes.clear();
		accessTokens.clear();
		refreshTokens.clear();
	});

	const issue = (clientId: string, scope: string): EmulatorResponse => {
		const accessToken = randomToken('hg_at_');
		const refreshToken = randomToken('hg_rt_');
		const ttlSeconds = Number(emulator.config.accessTokenTtlSeconds ?? 3600);
		const now = Date.now();
		accessTokens.set(accessToken, {
			clientId,
			issuedAt: now,
			expiresAt: now + ttlSeconds * 1000,
			revoked: false,
		});
		refreshTokens.set(refreshToken, { clientId, scope });
		return {
			status: 200,
			headers: { 'cache-control': 'no-store' },
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: ttlSeconds,
				refresh_token: refreshToken,
				scope,
			},
		};
	};

	emulator.route(
		'POST',
		'/v1/oauth/register',
		() => {
			const clientId = `hg_client_${randomBytes(12).toString('hex')}`;
			clients.add(clientId);
			return { status: 201, body: { client_id: clientId } };
		},
		{ public: true },
	);

	emulator.route(
		'GET',
		'/oauth/authorize',
		(req) => {
			const query = Object.fromEntries(req.query);
			if (!clients.has(query.client_id ?? ''))
				return {
					status: 400,
					headers: { 'content-type': 'text/html' },
					body: '<h1>Unknown client_id</h1><p>Register the client first (POST /v1/oauth/register).</p>',
				};
			let redirect: URL;
			try {
				redirect = new URL(query.redirect_uri ?? '');
			} catch {
				return {
					status: 400,
					headers: { 'content-type': 'text/html' },
					body: '<h1>redirect_uri is missing or not a URL</h1>',
				};
			}
			const back = (params: Record<string, string>): EmulatorResponse => {
				for (const [key, value] of Object.entries(params)) redirect.searchParams.set(key, value);
				if (query.state !== undefined) redirect.searchParams.set('state', query.state);
				return { status: 302, headers: { location: redirect.toString() }, body: '' };
			};
			if (query.response_type !== 'code')
				return back({
					error: 'unsupported_response_type',
					error_description: 'response_type must be code',
				});
			if (!query.code_challenge || query.code_challenge_method !== 'S256')
				return back({
					error: 'invalid_request',
					error_description: 'PKCE is required: code_challenge with code_challenge_method=S256',
				});
			const code = randomToken('hg_code_');
			codes.set(code, {
				clientId: query.client_id,
				redirectUri: query.redirect_uri,
				codeChallenge: query.code_challenge,
				scope: query.scope ?? '',
				expiresAt: Date.now() + CODE_TTL_MS,
			});
			return back({ code });
		},
		{ public: true },
	);

	emulator.route(
		'POST',
		'/v1/oauth/token',
		(req) => {
			const form = formOf(req);
			if (form.client_secret)
				return oauthError(
					401,
					'invalid_client',
					'This is a public (PKCE) client: send no client_secret',
				);
			if (form.grant_type === 'authorization_code') {
				const grant = codes.get(form.code ?? '');
				codes.delete(form.code ?? '');
				if (!grant || grant.expiresAt < Date.now())
					return oauthError(
						400,
						'invalid_grant',
						'The authorization code is unknown, used or expired',
					);
				if (form.client_id !== grant.clientId)
					return oauthError(400, 'invalid_grant', 'The code was issued to another client_id');
				if (form.redirect_uri !== grant.redirectUri)
					return oauthError(
						400,
						'invalid_grant',
						'redirect_uri differs from the authorize request',
					);
				if (!form.code_verifier || s256(form.code_verifier) !== grant.codeChallenge)
					return oauthError(
						400,
						'invalid_grant',
						'code_verifier does not match the code_challenge',
					);
				return issue(grant.clientId, grant.scope);
			}
			if (form.grant_type === 'refresh_token') {
				const grant = refreshTokens.get(form.refresh_token ?? '');
				if (!grant)
					return oauthError(
						400,
						'invalid_grant',
						'The refresh token is unknown or was already used',
					);
				if (form.client_id && form.client_id !== grant.clientId)
					return oauthError(400, 'invalid_grant', 'The refresh token belongs to another client_id');
				// Rotation: a refresh token works once.
				refreshTokens.delete(form.refresh_token);
				return issue(grant.clientId, form.scope ?? grant.scope);
			}
			return oauthError(
				400,
				'unsupported_grant_type',
				`grant_type ${form.grant_type ?? '(none)'} is not supported`,
			);
		},
		{ public: true },
	);

	emulator.route(
		'POST',
		'/v1/oauth/revoke',
		(req) => {
			const token = formOf(req).token ?? '';
			const access = accessTokens.get(token);
			if (access) access.revoked = true;
			refreshTokens.delete(token);
			return { status: 200, body: {} };
		},
		{ public: true },
	);

	return {
		check(value) {
			const token = accessTokens.get(value);
			if (!token) return { ok: false, reason: 'unknown' };
			if (token.revoked) return { ok: false, reason: 'revoked' };
			const expiredBefore = Number(emulator.config.accessTokensExpiredBefore ?? 0);
			if (token.expiresAt <= Date.now() || token.issuedAt < expiredBefore)
				return { ok: false, reason: 'expired' };
			return { ok: true, token };
		},
	};
}
