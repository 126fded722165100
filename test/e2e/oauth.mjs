#!/usr/bin/env node
// `npm run test:e2e` (HeyGen OAuth2 part): the whole PKCE grant through a real n8n's own OAuth2
// handling, against the HeyGen emulator's OAuth2 server. The client id comes from the node's
// OAuth Client → Register operation (run with no credential); n8n builds the authorize URL
// (/rest/oauth2-credential/auth), the emulator's consent redirects to n8n's callback
// (/rest/oauth2-credential/callback), n8n exchanges the code with its PKCE verifier and stores the
// token; a HeyGen node then calls with the Bearer token; after the token expires n8n refreshes it
// and the call succeeds again; the HeyGen Trigger registers its endpoint with OAuth2 too.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { checks, packPackage, repo, startEmulators, waitFor } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('heygen oauth2 e2e');

/** Webhook (production URL) → HeyGen node; answers its id and webhook path. */
function heyGenWorkflow(name, parameters, credential) {
	const webhookPath = `oauth-${randomUUID()}`;
	return {
		webhookPath,
		workflow: {
			name,
			connections: { Start: { main: [[{ node: 'HeyGen', type: 'main', index: 0 }]] } },
			nodes: [
				{
					id: randomUUID(),
					name: 'Start',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: randomUUID(),
					parameters: {
						httpMethod: 'POST',
						path: webhookPath,
						responseMode: 'onReceived',
						options: {},
					},
				},
				{
					id: randomUUID(),
					name: 'HeyGen',
					type: `${pkg.name}.heyGen`,
					typeVersion: 1,
					position: [220, 0],
					parameters,
					...(credential
						? { credentials: { heyGenOAuth2Api: { id: credential.id, name: credential.name } } }
						: {}),
				},
			],
		},
	};
}

/** Saves and publishes the workflow, calls its webhook, answers the finished execution and the node's output. */
async function runOnce(n8n, saved, webhookPath, known = 0) {
	await waitFor(
		async () => {
			const answer = await fetch(`${n8n.url}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await answer.arrayBuffer();
			return answer.status !== 404;
		},
		{ timeoutMs: 10_000 },
	);
	const finished = await waitFor(
		async () => {
			const done = (await n8n.executions(saved.id)).filter((execution) =>
				['success', 'error', 'crashed'].includes(execution.status),
			);
			return done.length > known ? done[0] : undefined;
		},
		{ timeoutMs: 20_000 },
	);
	const execution = finished ? await n8n.execution(finished.id) : undefined;
	return {
		status: finished?.status,
		items: execution ? (n8n.outputOf(execution, 'HeyGen') ?? []) : [],
		error: execution?.data?.resultData?.error,
	};
}

async function main() {
	const packed = packPackage();
	const emulators = await startEmulators();
	const heygen = emulators.control('heygen');
	const n8n = await startN8n({ packageTarball: packed.tarball });
	try {
		await n8n.setupOwnerAndLogin();

		// 1. A client id, from the node's registration operation (no credential on the node).
		const register = heyGenWorkflow('OAuth client registration', {
			resource: 'oAuthClient',
			operation: 'register',
			registrationUrl: `${emulators.baseUrls.heygen}/v1/oauth/register`,
		});
		const registerSaved = await n8n.createWorkflow(register.workflow);
		await n8n.activate(registerSaved.id);
		const registration = await runOnce(n8n, registerSaved, register.webhookPath);
		const clientId = registration.items[0]?.json?.client_id;
		check(
			'OAuth Client → Register runs in n8n without a credential and answers a client id',
			registration.status === 'success' && /^hg_client_/.test(String(clientId)),
			`${registration.status} ${JSON.stringify(registration.items[0]?.json ?? registration.error ?? {}).slice(0, 160)}`,
		);

		// 2. The credential, and n8n's Connect button: authorize URL built by n8n.
		const credential = await n8n.createCredential('heyGenOAuth2Api', 'HeyGen OAuth2 (e2e)', {
			clientId,
			baseUrl: emulators.baseUrls.heygen,
		});
		const authAnswer = await fetch(`${n8n.url}/rest/oauth2-credential/auth?id=${credential.id}`, {
			headers: { cookie: n8n.cookie() },
		});
		const authJson = await authAnswer.json().catch(() => ({}));
		const authorizeUrl = new URL(String(authJson.data ?? 'about:blank'));
		check(
			"n8n builds the authorize URL from the credential: the emulator's /oauth/authorize with client id, PKCE S256 challenge, state and scopes",
			authorizeUrl.href.startsWith(`${emulators.baseUrls.heygen}/oauth/authorize`) &&
				authorizeUrl.searchParams.get('client_id') === clientId &&
				authorizeUrl.searchParams.get('code_challenge_method') === 'S256' &&
				Boolean(authorizeUrl.searchParams.get('code_challenge')) &&
				Boolean(authorizeUrl.searchParams.get('state')) &&
				authorizeUrl.searchParams.get('scope') === 'openid profile email',
			`${authAnswer.status} ${authorizeUrl.origin}${authorizeUrl.pathname}`,
		);
		// Cookies n8n set on the auth request (a browser-binding cookie, when enabled) go back with the callback.
		const cookies = [
			n8n.cookie(),
			...authAnswer.headers.getSetCookie().map((value) => value.split(';')[0]),
		]
			.filter(Boolean)
			.join('; ');

		// 3. The user consents at HeyGen (the emulator redirects at once) and comes back to n8n.
		const consent = await fetch(authorizeUrl, { redirect: 'manual' });
		const callbackUrl = consent.headers.get('location') ?? '';
		check(
			"the authorize page redirects to n8n's /rest/oauth2-credential/callback with code and state",
			consent.status === 302 &&
				callbackUrl.startsWith(`${n8n.url}/rest/oauth2-credential/callback?`) &&
				new URL(callbackUrl).searchParams.has('code'),
			`${consent.status} ${callbackUrl.slice(0, 120)}`,
		);
		await heygen.clearRequests();
		const callback = await fetch(callbackUrl, { headers: { cookie: cookies } });
		const callbackPage = await callback.text();
		const exchange = (await heygen.requests()).find((entry) => entry.path === '/v1/oauth/token');
		const exchangeForm = new URLSearchParams(exchange?.body ?? '');
		check(
			'n8n exchanged the code with its PKCE verifier (no client secret) and the emulator issued a token',
			callback.status === 200 &&
				!/error/i.test(callbackPage.replace(/<script[\s\S]*?<\/script>/g, '')) &&
				exchange?.status === 200 &&
				Boolean(exchangeForm.get('code_verifier')) &&
				!exchangeForm.get('client_secret'),
			`callback ${callback.status}, token request ${exchange?.status ?? 'none'} ${callbackPage.slice(0, 200).replace(/\s+/g, ' ')}`,
		);
		const stored = await n8n.rest('GET', `/rest/credentials/${credential.id}?includeData=true`);
		check(
			'n8n stored the token on the credential (connected)',
			Boolean(stored.json?.data?.data?.oauthTokenData),
			JSON.stringify(Object.keys(stored.json?.data?.data ?? {})),
		);

		// 4. A HeyGen call with the Bearer token.
		const me = heyGenWorkflow(
			'OAuth2 user',
			{ authentication: 'oAuth2', resource: 'user', operation: 'getCurrent' },
			credential,
		);
		const meSaved = await n8n.createWorkflow(me.workflow);
		await n8n.activate(meSaved.id);
		await heygen.clearRequests();
		const first = await runOnce(n8n, meSaved, me.webhookPath);
		const firstCall = (await heygen.requests()).find((entry) => entry.path === '/v3/users/me');
		check(
			'a HeyGen node with Authentication: OAuth2 calls with the Bearer token and no X-Api-Key',
			first.status === 'success' &&
				first.items[0]?.json?.username === 'emulator_user' &&
				/^Bearer hg_at_/.test(String(firstCall?.headers?.authorization)) &&
				firstCall?.headers?.['x-api-key'] === undefined,
			`${first.status} ${JSON.stringify(first.items[0]?.json ?? first.error ?? {}).slice(0, 120)}`,
		);

		// 5. The token expires: HeyGen answers 401, n8n refreshes it, and the call succeeds again.
		await heygen.config({ accessTokensExpiredBefore: Date.now() + 1 });
		await heygen.clearRequests();
		const second = await runOnce(n8n, meSaved, me.webhookPath, 1);
		const sequence = (await heygen.requests()).filter(
			(entry) => entry.path === '/v3/users/me' || entry.path === '/v1/oauth/token',
		);
		const refresh = sequence.find((entry) => entry.path === '/v1/oauth/token');
		check(
			'after expiry: 401, n8n refreshes the token (grant_type=refresh_token), the call succeeds with the new token',
			second.status === 'success' &&
				sequence.map((entry) => `${entry.path} ${entry.status}`).join(', ') ===
					'/v3/users/me 401, /v1/oauth/token 200, /v3/users/me 200' &&
				new URLSearchParams(refresh?.body ?? '').get('grant_type') === 'refresh_token' &&
				sequence[2]?.headers?.authorization !== sequence[0]?.headers?.authorization,
			`${second.status}: ${sequence.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join(', ')}`,
		);
		await heygen.clearRequests();
		const third = await runOnce(n8n, meSaved, me.webhookPath, 2);
		const thirdCalls = (await heygen.requests()).filter(
			(entry) => entry.path === '/v3/users/me' || entry.path === '/v1/oauth/token',
		);
		check(
			'n8n saved the refreshed token: the next run uses it directly (one call, no refresh)',
			third.status === 'success' && thirdCalls.length === 1 && thirdCalls[0].status === 200,
			thirdCalls.map((entry) => `${entry.path} ${entry.status}`).join(', '),
		);

		// 6. Webhook Resume with OAuth2: the parked video create is resumed by HeyGen's callback, and the
		// node's webhook reads the finished video with the Bearer token.
		await heygen.config({ stageMs: 800 });
		const video = heyGenWorkflow(
			'OAuth2 video, webhook resume',
			{
				authentication: 'oAuth2',
				resource: 'video',
				operation: 'create',
				videoType: 'avatar',
				avatarId: 'Anna_public_office',
				audioSource: 'script',
				script: 'Resumed with OAuth2.',
				voiceId: 'voice_en_sara',
				waitForCompletion: 'webhook',
				waitTimeout: 5,
			},
			credential,
		);
		const videoSaved = await n8n.createWorkflow(video.workflow);
		await n8n.activate(videoSaved.id);
		await heygen.clearRequests();
		const resumed = await runOnce(n8n, videoSaved, video.webhookPath);
		const videoCalls = (await heygen.requests()).filter((entry) =>
			entry.path.startsWith('/v3/videos'),
		);
		check(
			'Webhook Resume with OAuth2: the create (Bearer) parks, the callback resumes it, the finished video is read with the Bearer token',
			resumed.status === 'success' &&
				resumed.items[0]?.json?.status === 'completed' &&
				videoCalls.length === 2 &&
				videoCalls.every(
					(entry) =>
						/^Bearer /.test(String(entry.headers.authorization)) &&
						entry.headers['x-api-key'] === undefined,
				),
			`${resumed.status}: ${videoCalls.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join(', ')}`,
		);

		// 7. The trigger with OAuth2: activation registers the endpoint with the Bearer token.
		const webhookId = randomUUID();
		const trigger = await n8n.createWorkflow({
			name: 'OAuth2 trigger',
			connections: {},
			nodes: [
				{
					id: randomUUID(),
					name: 'Trigger',
					type: `${pkg.name}.heyGenTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: {
						authentication: 'oAuth2',
						events: ['avatar_video.success'],
						verifySignature: true,
					},
					credentials: { heyGenOAuth2Api: { id: credential.id, name: credential.name } },
				},
			],
		});
		await heygen.clearRequests();
		const activated = await n8n.activate(trigger.id);
		const registered = await waitFor(async () =>
			(await heygen.requests()).find(
				(entry) => entry.method === 'POST' && entry.path === '/v3/webhooks/endpoints',
			),
		);
		check(
			'the HeyGen Trigger with OAuth2 registers its endpoint on activation (Bearer token)',
			activated.status === 200 &&
				registered?.status < 300 &&
				/^Bearer /.test(String(registered?.headers?.authorization)),
			`${activated.status}, registration ${registered?.status ?? 'none'}`,
		);
		await n8n.deactivate(trigger.id);
	} catch (error) {
		check('oauth run completed', false, String(error?.stack ?? error));
		console.error(n8n.logTail());
	} finally {
		await n8n.stop();
		emulators.stop();
	}
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
