/**
 * HeyGen OAuth2 (PKCE) against the emulator's OAuth2 server: the client id from the node's
 * OAuth Client → Register operation; the grant done with n8n's own OAuth2 client
 * (@n8n/client-oauth2, as n8n's /rest/oauth2-credential/callback does it); the node's calls sent by
 * n8n-core's OAuth2 request path (Bearer token, never X-Api-Key); an expired token refreshed by
 * n8n-core and the call repeated. The same grant through a real n8n's editor endpoints is in
 * test/e2e/oauth.mjs.
 */
import { createHash, randomBytes } from 'crypto';

import { ClientOAuth2 } from '@n8n/client-oauth2';
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HeyGenOAuth2Api } from '../../../credentials/HeyGenOAuth2Api.credentials';
import { HeyGen } from '../../../nodes/HeyGen/HeyGen.node';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { additionalDataFor } from '../../harness/engine';
import { PackageNodeTypes } from '../../harness/types';
import { NODE_NAME, type NodeRunError, runNode, useEmulator } from '../../harness/workflows';

const emulator = useEmulator('heygen', (current) => (current.config.stageMs = 30));
const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';

const api = () => emulator.current.log.filter((entry) => entry.path.startsWith('/v3/'));
const tokenRequests = () =>
	emulator.current.log.filter((entry) => entry.path === '/v1/oauth/token');

async function registerClient(): Promise<string> {
	const result = await runNode({
		type: 'heyGen',
		parameters: {
			resource: 'oAuthClient',
			operation: 'register',
			registrationUrl: `${emulator.current.baseUrl}/v1/oauth/register`,
		},
		credentialType: 'heyGenApi',
		credentials: {},
	});
	expect(result.error(NODE_NAME)).toBeUndefined();
	return String(result.output(NODE_NAME)[0].json.client_id);
}

/** The credential as n8n sees it: defaults filled, URL expressions resolved against its own data. */
function resolvedCredential(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const helper = new TestCredentialsHelper();
	return helper.resolveExpressions(helper.withDefaults('heyGenOAuth2Api', data));
}

/** What n8n's OAuth2 controller does on Connect and on the callback, PKCE included. */
async function connect(clientId: string): Promise<IDataObject> {
	const credential = resolvedCredential({ clientId, baseUrl: emulator.current.baseUrl });
	const verifier = randomBytes(32).toString('base64url');
	const client = new ClientOAuth2({
		clientId,
		authorizationUri: String(credential.authUrl),
		accessTokenUri: String(credential.accessTokenUrl),
		redirectUri: REDIRECT_URI,
		scopes: String(credential.scope).split(' '),
		state: 'state-from-n8n',
		query: {
			code_challenge: createHash('sha256').update(verifier).digest('base64url'),
			code_challenge_method: 'S256',
		},
	});
	const consent = await fetch(client.code.getUri(), { redirect: 'manual' });
	const callback = new URL(consent.headers.get('location') ?? '');
	expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
	expect(callback.searchParams.get('state')).toBe('state-from-n8n');
	const token = await client.code.getToken(callback.toString(), {
		body: { code_verifier: verifier, client_id: clientId },
	});
	return token.data as IDataObject;
}

function runWithOAuth2(
	clientId: string,
	oauthTokenData: IDataObject,
	parameters: INodeParameters = { resource: 'user', operation: 'getCurrent' },
) {
	return runNode({
		type: 'heyGen',
		parameters: { authentication: 'oAuth2', ...parameters },
		credentialType: 'heyGenOAuth2Api',
		credentials: { clientId, baseUrl: emulator.current.baseUrl, oauthTokenData },
	});
}

test("the credential derives HeyGen's OAuth2 URLs from the Base URL: official hosts by default, the same origin otherwise", () => {
	const official = resolvedCredential({ clientId: 'c' });
	expect(official).toMatchObject({
		grantType: 'pkce',
		authUrl: 'https://app.heygen.com/oauth/authorize',
		accessTokenUrl: 'https://api2.heygen.com/v1/oauth/token',
		scope: 'openid profile email',
		authentication: 'body',
		clientSecret: '',
	});
	expect(resolvedCredential({ clientId: 'c', baseUrl: 'http://127.0.0.1:4011/' })).toMatchObject({
		authUrl: 'http://127.0.0.1:4011/oauth/authorize',
		accessTokenUrl: 'http://127.0.0.1:4011/v1/oauth/token',
	});
});

test('OAuth Client → Register needs no credential and answers a client id', async () => {
	const clientId = await registerClient();
	expect(clientId).toMatch(/^hg_client_[0-9a-f]{24}$/);
	const registration = emulator.current.log.find((entry) => entry.path === '/v1/oauth/register')!;
	expect(JSON.parse(registration.body)).toEqual({});
	expect(registration.headers['x-api-key']).toBeUndefined();
	expect(registration.headers.authorization).toBeUndefined();
});

test('the whole grant: authorize → callback → token (PKCE) → a call with the Bearer token → expiry → refresh → the call succeeds again', async () => {
	const clientId = await registerClient();
	const tokens = await connect(clientId);
	expect(tokens).toMatchObject({
		token_type: 'Bearer',
		access_token: expect.stringMatching(/^hg_at_/),
		refresh_token: expect.stringMatching(/^hg_rt_/),
		expires_in: 3600,
	});
	const exchange = new URLSearchParams(tokenRequests()[0].body);
	expect(exchange.get('grant_type')).toBe('authorization_code');
	expect(exchange.get('code_verifier')).toBeTruthy();
	expect(exchange.get('client_secret')).toBeNull();

	const first = await runWithOAuth2(clientId, tokens);
	expect(first.error(NODE_NAME)).toBeUndefined();
	expect(first.output(NODE_NAME)[0].json).toMatchObject({ username: 'emulator_user' });
	expect(api()[0].headers.authorization).toBe(`Bearer ${String(tokens.access_token)}`);
	expect(api()[0].headers['x-api-key']).toBeUndefined();

	// Every token issued so far expires: HeyGen answers 401, n8n-core refreshes and repeats the call.
	emulator.current.config.accessTokensExpiredBefore = Date.now() + 1;
	emulator.current.clearLog();
	const second = await runWithOAuth2(clientId, tokens);
	expect(second.error(NODE_NAME)).toBeUndefined();
	expect(second.output(NODE_NAME)[0].json).toMatchObject({ username: 'emulator_user' });
	expect(
		emulator.current.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`),
	).toEqual(['GET /v3/users/me 401', 'POST /v1/oauth/token 200', 'GET /v3/users/me 200']);
	expect(new URLSearchParams(emulator.current.log[1].body).get('grant_type')).toBe('refresh_token');
	const stored = second.credentialsHelper.updates.at(-1)!.data.oauthTokenData as IDataObject;
	expect(stored.access_token).not.toBe(tokens.access_token);
	expect(emulator.current.log[2].headers.authorization).toBe(
		`Bearer ${String(stored.access_token)}`,
	);
	// The refresh token rotated: the old one is spent.
	const reuse = await fetch(`${emulator.current.baseUrl}/v1/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: String(tokens.refresh_token),
			client_id: clientId,
		}),
	});
	expect(reuse.status).toBe(400);
	expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
});

test('a refresh token HeyGen no longer accepts ends in n8n\'s "reconnect the credential" error, with no token in it', async () => {
	const clientId = await registerClient();
	const tokens = await connect(clientId);
	emulator.current.config.accessTokensExpiredBefore = Date.now() + 1;
	const result = await runWithOAuth2(clientId, { ...tokens, refresh_token: 'hg_rt_revoked' });
	expect(result.error(NODE_NAME)?.message).toMatch(/needs to be reconnected/);
	expect(result.credentialsHelper.updates).toHaveLength(0);
});

test('list operations and a paid create work the same with OAuth2 (the create keeps its Idempotency-Key)', async () => {
	const clientId = await registerClient();
	const tokens = await connect(clientId);
	const voices = await runWithOAuth2(clientId, tokens, {
		resource: 'voice',
		operation: 'getAll',
		returnAll: false,
		limit: 2,
	});
	expect(voices.error(NODE_NAME)).toBeUndefined();
	expect(voices.output(NODE_NAME)).toHaveLength(2);
	const video = await runWithOAuth2(clientId, tokens, {
		resource: 'video',
		operation: 'create',
		videoType: 'avatar',
		avatarId: 'Anna_public_office',
		audioSource: 'script',
		script: 'Signed in with OAuth2.',
		voiceId: 'voice_en_sara',
	});
	expect(video.error(NODE_NAME)).toBeUndefined();
	const create = api().find((entry) => entry.method === 'POST')!;
	expect(create.headers['idempotency-key']).toMatch(/^n8n-/);
	expect(create.headers['x-api-key']).toBeUndefined();
	expect(create.headers.authorization).toMatch(/^Bearer hg_at_/);
});

test("with OAuth2 the transport still reads HeyGen's error answers: a 404 names HeyGen's message, a 429 is waited out and retried", async () => {
	const clientId = await registerClient();
	const tokens = await connect(clientId);
	const missing = await runWithOAuth2(clientId, tokens, {
		resource: 'video',
		operation: 'get',
		videoId: 'no_such_video',
	});
	expect(missing.error(NODE_NAME)?.message).toContain('not found');
	expect((missing.error(NODE_NAME) as NodeRunError).httpCode).toBe('404');
	emulator.current.clearLog();
	emulator.current.addFault({
		kind: 'status',
		status: 429,
		retryAfter: 'seconds',
		retryAfterSeconds: 1,
		times: 1,
		path: '/v3/users/me',
	});
	const limited = await runWithOAuth2(clientId, tokens);
	expect(limited.error(NODE_NAME)).toBeUndefined();
	expect(emulator.current.log.map((entry) => entry.status)).toEqual([429, 200]);
	expect(emulator.current.log[1].at - emulator.current.log[0].at).toBeGreaterThanOrEqual(1000);
});

test('the look picker searches with the OAuth2 credential when the node is set to OAuth2', async () => {
	const clientId = await registerClient();
	const tokens = await connect(clientId);
	const node = {
		id: 'h',
		name: 'HeyGen',
		type: 'CUSTOM.heyGen',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { authentication: 'oAuth2' },
		credentials: { heyGenOAuth2Api: { id: '1', name: 'HeyGen OAuth2' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const helper = new TestCredentialsHelper({
		heyGenOAuth2Api: { clientId, baseUrl: emulator.current.baseUrl, oauthTokenData: tokens },
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper: helper }),
		'parameters.avatarId',
	);
	const looks = await new HeyGen().methods.listSearch.searchAvatarLooks.call(context);
	expect(looks.results.map((option) => option.value)).toContain('Anna_public_office');
	const call = api().find((entry) => entry.path === '/v3/avatars/looks')!;
	expect(call.headers.authorization).toBe(`Bearer ${String(tokens.access_token)}`);
	expect(call.headers['x-api-key']).toBeUndefined();
});

describe('emulator OAuth2 server (docs/api/heygen.md, "Auth")', () => {
	const post = (path: string, form: Record<string, string>) =>
		fetch(`${emulator.current.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form),
		});

	test('authorize requires a registered client and PKCE S256; the token endpoint checks the verifier', async () => {
		const unknown = await fetch(
			`${emulator.current.baseUrl}/oauth/authorize?client_id=nobody&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
			{ redirect: 'manual' },
		);
		expect(unknown.status).toBe(400);
		const clientId = String(
			(
				(await (
					await fetch(`${emulator.current.baseUrl}/v1/oauth/register`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: '{}',
					})
				).json()) as { client_id: string }
			).client_id,
		);
		const noPkce = await fetch(
			`${emulator.current.baseUrl}/oauth/authorize?client_id=${clientId}&response_type=code&state=s1&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
			{ redirect: 'manual' },
		);
		expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe(
			'invalid_request',
		);
		const verifier = randomBytes(32).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const consent = await fetch(
			`${emulator.current.baseUrl}/oauth/authorize?client_id=${clientId}&response_type=code&state=s2&code_challenge=${challenge}&code_challenge_method=S256&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
			{ redirect: 'manual' },
		);
		const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
		const wrongVerifier = await post('/v1/oauth/token', {
			grant_type: 'authorization_code',
			code,
			client_id: clientId,
			redirect_uri: REDIRECT_URI,
			code_verifier: 'x'.repeat(43),
		});
		expect(wrongVerifier.status).toBe(400);
		expect(await wrongVerifier.json()).toMatchObject({
			error: 'invalid_grant',
			error_description: expect.stringContaining('code_verifier'),
		});
		// The code was spent by the failed attempt too.
		const replay = await post('/v1/oauth/token', {
			grant_type: 'authorization_code',
			code,
			client_id: clientId,
			redirect_uri: REDIRECT_URI,
			code_verifier: verifier,
		});
		expect(replay.status).toBe(400);
	});

	test('X-Api-Key and a Bearer token together are refused; an unknown Bearer token is 401', async () => {
		const both = await fetch(`${emulator.current.baseUrl}/v3/users/me`, {
			headers: { 'x-api-key': 'anything', authorization: 'Bearer hg_at_x' },
		});
		expect(both.status).toBe(400);
		const unknown = await fetch(`${emulator.current.baseUrl}/v3/users/me`, {
			headers: { authorization: 'Bearer hg_at_unknown' },
		});
		expect(unknown.status).toBe(401);
		// HeyGen's 401s carry `error` as a string (the second error shape).
		expect(await unknown.json()).toEqual({ error: 'Invalid access token', data: null });
	});
});

test('the OAuth2 credential says, before anyone connects, that OAuth usage bills the web plan with lower concurrency', () => {
	const notice = new HeyGenOAuth2Api().properties.find(
		(property) => property.name === 'billingNotice',
	);
	expect(notice?.type).toBe('notice');
	expect(notice?.displayName).toMatch(/web plan.*not the API tier.*fewer jobs at once/s);
});
