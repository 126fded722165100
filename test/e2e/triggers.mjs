// Every trigger activated in a real n8n workflow, fed by the emulators over real HTTP:
// HeyGen, Synaptiq and SocialSyncer register their endpoints on activation and remove them on
// deactivation; a signed delivery starts an execution, a bad signature starts none; the
// SocialSyncer account connection runs through n8n's production webhook URLs.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repo, sleep, waitFor } from './lib.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** The emulators' account signing secrets (test/emulators/sync.ts, viralsync.ts config). */
const SIGNING_SECRETS = {
	sync: 'whsec_emulatorSyncSigningSecret01',
	viralsync: 'vs_cb_secret_emulator_0123456789',
};

const TRIGGERS = {
	heygen: {
		type: 'heyGenTrigger',
		credential: 'heyGenApi',
		path: 'heygen',
		parameters: { events: ['avatar_video.success', 'avatar_video.fail'], verifySignature: true },
	},
	synaptiq: {
		type: 'synaptiqTrigger',
		credential: 'synaptiqApi',
		path: 'synaptiq',
		parameters: { events: ['lead.created'], verifySignature: true },
	},
	sync: {
		type: 'syncTrigger',
		credential: 'syncApi',
		path: 'sync',
		parameters: { statuses: [], verifySignature: true },
	},
	viralsync: {
		type: 'viralSyncTrigger',
		credential: 'viralSyncApi',
		path: 'viralsync',
		parameters: { terminalOnly: true, verifySignature: true },
	},
	socialsyncer: {
		type: 'socialSyncerTrigger',
		credential: 'socialSyncerApi',
		path: 'events',
		parameters: {
			events: ['post.published', 'post.failed'],
			verifySignature: true,
			connectEnabled: true,
			connectPlatforms: ['instagram', 'tiktok'],
		},
	},
};

export function triggerWorkflow(service, credential, webhookId) {
	const spec = TRIGGERS[service];
	return {
		name: `E2E trigger ${service}`,
		connections: {},
		nodes: [
			{
				id: randomUUID(),
				name: 'Trigger',
				type: `${pkg.name}.${spec.type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: spec.parameters,
				credentials: { [spec.credential]: { id: credential.id, name: credential.name } },
			},
		],
	};
}

/** A workflow with one trigger, saved and published in n8n; answers its id and production URL. */
async function activeTrigger(n8n, service, credential, check) {
	const webhookId = randomUUID();
	const saved = await n8n.createWorkflow(triggerWorkflow(service, credential, webhookId));
	const activated = await n8n.activate(saved.id);
	check(
		`${service} trigger: n8n activates the workflow`,
		activated.status === 200 && activated.json?.data?.active === true,
		activated.status === 200 ? '' : `${activated.status} ${activated.text.slice(0, 300)}`,
	);
	return {
		workflowId: saved.id,
		url: `${n8n.url}/webhook/${webhookId}/${TRIGGERS[service].path}`,
		webhookId,
	};
}

/** Waits (≤ 15 s) for a registration change: n8n may answer the activation before its webhook methods ran. */
async function settled(probe) {
	const startedAt = Date.now();
	const ok = Boolean(await waitFor(probe));
	return { ok, detail: `${ok ? 'after' : 'not within'} ${Date.now() - startedAt} ms` };
}

const executionsOf = async (n8n, workflowId) => await n8n.executions(workflowId);

/**
 * For services without a registry (Sync, ViralSync): waits until n8n serves the production URL. An
 * unsigned probe gets the trigger's 401 and starts nothing; before registration n8n answers 404, and
 * a job that finished that early would call back into nothing.
 */
async function served(hook) {
	const probe = await settled(async () => {
		const answer = await fetch(hook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await answer.arrayBuffer();
		return answer.status !== 404;
	});
	if (!probe.ok) throw new Error(`n8n never served ${hook.url} (${probe.detail})`);
}

/** Waits for `count` finished executions and answers them (newest first). */
async function finishedExecutions(n8n, workflowId, count) {
	return await waitFor(async () => {
		const executions = await executionsOf(n8n, workflowId);
		const finished = executions.filter(
			(execution) => !['new', 'running', 'waiting'].includes(execution.status),
		);
		return finished.length >= count ? finished : undefined;
	});
}

async function firstOutput(n8n, workflowId) {
	const [latest] = (await finishedExecutions(n8n, workflowId, 1)) ?? [];
	if (!latest) return { status: 'none', items: undefined };
	const execution = await n8n.execution(latest.id);
	return { status: latest.status, items: n8n.outputOf(execution, 'Trigger') };
}

/** A forged delivery straight to the production URL: answers the HTTP status, and whether an execution started. */
async function forgedDelivery(n8n, hook, headers, body) {
	const before = (await executionsOf(n8n, hook.workflowId)).length;
	const response = await fetch(hook.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	await sleep(1500);
	const after = (await executionsOf(n8n, hook.workflowId)).length;
	return { status: response.status, started: after - before };
}

export async function runTriggerChecks({ n8n, emulators, check }) {
	const credentialFor = async (service, extra = {}) =>
		await n8n.createCredential(TRIGGERS[service].credential, `${service} trigger`, {
			apiKey: emulators.keys[service],
			baseUrl: emulators.baseUrls[service],
			...extra,
		});

	// HeyGen: activation registers an endpoint; a finished video is delivered signed.
	{
		const heygen = emulators.control('heygen');
		await heygen.config({ stageMs: 30 });
		const hook = await activeTrigger(n8n, 'heygen', await credentialFor('heygen'), check);
		const endpointsFor = async () =>
			((await heygen.api('GET', '/v3/webhooks/endpoints')).body.data ?? []).filter(
				(endpoint) => endpoint.url === hook.url,
			);
		const registered = await settled(async () => (await endpointsFor()).length === 1);
		check(
			'heygen trigger: activation registered the production URL as a HeyGen endpoint',
			registered.ok,
			registered.detail,
		);
		const created = await heygen.api('POST', '/v3/videos', {
			type: 'avatar',
			avatar_id: 'Anna_public_office',
			script: 'Hello from n8n',
			voice_id: 'voice_en_sara',
		});
		const { status, items } = await firstOutput(n8n, hook.workflowId);
		check(
			'heygen trigger: a signed avatar_video.success delivery started an execution with the video',
			status === 'success' &&
				items?.[0]?.json.event_type === 'avatar_video.success' &&
				items[0].json.video_id === created.body.data?.video_id,
			`${status} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 200)}`,
		);
		const delivered = (await heygen.deliveries()).find((delivery) => delivery.url === hook.url);
		check(
			'heygen trigger: the delivery carried the v3 headers (Heygen-Signature, Heygen-Timestamp, Heygen-Event-Id)',
			/^[0-9a-f]{64}$/.test(delivered?.headers['heygen-signature'] ?? '') &&
				/^\d+$/.test(delivered?.headers['heygen-timestamp'] ?? '') &&
				Boolean(delivered?.headers['heygen-event-id']),
			JSON.stringify(Object.keys(delivered?.headers ?? {})),
		);
		if (delivered) {
			const replay = async (headers) => {
				const before = (await executionsOf(n8n, hook.workflowId)).length;
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: delivered.body,
				});
				await sleep(1500);
				return {
					status: response.status,
					text: await response.text(),
					started: (await executionsOf(n8n, hook.workflowId)).length - before,
				};
			};
			const again = await replay(delivered.headers);
			check(
				'heygen trigger: a redelivery with the same event id is answered 200 and starts nothing',
				again.status === 200 && again.started === 0,
				`${again.status}, ${again.started} started`,
			);
			const stale = await replay({
				...delivered.headers,
				'heygen-event-id': 'evt_stale_replay',
				'heygen-timestamp': String(Math.floor(Date.now() / 1000) - 600),
			});
			check(
				'heygen trigger: a delivery 10 minutes old is refused with 401, saying why',
				stale.status === 401 && /too old/.test(stale.text) && stale.started === 0,
				`${stale.status} ${stale.text.slice(0, 120)}`,
			);
		}
		const forged = await forgedDelivery(
			n8n,
			hook,
			{
				'heygen-signature': 'f'.repeat(64),
				'heygen-timestamp': String(Math.floor(Date.now() / 1000)),
			},
			{ event_type: 'avatar_video.success', event_data: { video_id: 'forged' } },
		);
		check(
			'heygen trigger: a bad signature is answered 401 and starts nothing',
			forged.status === 401 && forged.started === 0,
			`${forged.status}, ${forged.started} started`,
		);
		const deactivated = await n8n.deactivate(hook.workflowId);
		const removed = await settled(async () => (await endpointsFor()).length === 0);
		check(
			'heygen trigger: deactivation deleted the endpoint',
			deactivated.status === 200 && removed.ok,
			`${deactivated.status}, ${removed.detail}`,
		);
	}

	// Synaptiq (admin key): activation registers a webhook; a new lead is delivered signed.
	{
		const synaptiq = emulators.control('synaptiq');
		const hook = await activeTrigger(
			n8n,
			'synaptiq',
			await credentialFor('synaptiq', { keyScope: 'admin' }),
			check,
		);
		const webhooksFor = async () =>
			((await synaptiq.api('GET', '/webhooks')).body.data ?? []).filter(
				(webhook) => webhook.url === hook.url,
			);
		const registered = await settled(async () => (await webhooksFor()).length === 1);
		check(
			'synaptiq trigger: activation registered the production URL as a Synaptiq webhook',
			registered.ok,
			registered.detail,
		);
		const lead = await synaptiq.api('POST', '/leads', {
			email: 'trigger@example.com',
			name: 'Trigger Lead',
		});
		const { status, items } = await firstOutput(n8n, hook.workflowId);
		check(
			'synaptiq trigger: a signed lead.created delivery started an execution with the lead',
			status === 'success' &&
				items?.[0]?.json.type === 'lead.created' &&
				JSON.stringify(items[0].json.data ?? {}).includes(String(lead.body.id)),
			`${status} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 200)}`,
		);
		// The signature format is our assumption: a sender using a bare sha256= HMAC is accepted too.
		await synaptiq.config({ signatureFormat: 'sha256' });
		const second = await synaptiq.api('POST', '/leads', {
			email: 'trigger-sha256@example.com',
			name: 'Trigger Lead',
		});
		const sha256Started = await waitFor(
			async () => (await executionsOf(n8n, hook.workflowId)).length >= 2,
			{ timeoutMs: 15_000 },
		);
		check(
			'synaptiq trigger: a delivery signed sha256=<hex> started an execution too',
			second.status === 201 && sha256Started,
			String(second.status),
		);
		await synaptiq.config({ signatureFormat: 'timestamped' });
		const forged = await forgedDelivery(
			n8n,
			hook,
			{ 'x-synaptiq-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
			{ id: 'evt_forged', type: 'lead.created', data: {} },
		);
		check(
			'synaptiq trigger: a bad signature is answered 401 and starts nothing',
			forged.status === 401 && forged.started === 0,
			`${forged.status}, ${forged.started} started`,
		);
		const deactivated = await n8n.deactivate(hook.workflowId);
		const removed = await settled(async () => (await webhooksFor()).length === 0);
		check(
			'synaptiq trigger: deactivation deleted the webhook',
			deactivated.status === 200 && removed.ok,
			`${deactivated.status}, ${removed.detail}`,
		);
	}

	// Sync: no registry; a generation created with the trigger's URL as webhookUrl calls it, signed.
	{
		const sync = emulators.control('sync');
		await sync.config({ stageMs: 50 });
		const hook = await activeTrigger(
			n8n,
			'sync',
			await credentialFor('sync', { webhookSecret: SIGNING_SECRETS.sync }),
			check,
		);
		await served(hook);
		const created = await sync.api('POST', '/v2/generate', {
			model: 'lipsync-2',
			input: [
				{ type: 'video', url: 'https://media.example.com/e2e.mp4' },
				{ type: 'audio', url: 'https://media.example.com/e2e.wav' },
			],
			webhookUrl: hook.url,
		});
		const { status, items } = await firstOutput(n8n, hook.workflowId);
		check(
			'sync trigger: the signed COMPLETED webhook started an execution with the generation',
			status === 'success' &&
				items?.[0]?.json.status === 'COMPLETED' &&
				items[0].json.id === created.body.id,
			`${status} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 200)}`,
		);
		const body = { id: 'forged', status: 'COMPLETED' };
		const t = Math.floor(Date.now() / 1000);
		const wrongSecret = createHmac('sha256', 'not-the-secret')
			.update(`${t}.${JSON.stringify(body)}`)
			.digest('hex');
		const forged = await forgedDelivery(
			n8n,
			hook,
			{ 'sync-signature': `t=${t},v1=${wrongSecret}` },
			body,
		);
		check(
			'sync trigger: a bad signature is answered 401 and starts nothing',
			forged.status === 401 && forged.started === 0,
			`${forged.status}, ${forged.started} started`,
		);
		await n8n.deactivate(hook.workflowId);
	}

	// ViralSync: no registry; a render job with the trigger's URL as callbackUrl calls it, signed.
	{
		const viralsync = emulators.control('viralsync');
		await viralsync.config({ stageMs: 30 });
		const hook = await activeTrigger(
			n8n,
			'viralsync',
			await credentialFor('viralsync', { webhookSecret: SIGNING_SECRETS.viralsync }),
			check,
		);
		await served(hook);
		const created = await viralsync.api('POST', '/v1/render/jobs', {
			kind: 'movie',
			projectId: 'e2e',
			movie: { scenes: [{ id: 'intro', duration: 2 }] },
			callbackUrl: hook.url,
		});
		const { status, items } = await firstOutput(n8n, hook.workflowId);
		check(
			'viralsync trigger: the signed terminal callback started an execution with the job',
			status === 'success' &&
				items?.[0]?.json.status === 'done' &&
				JSON.stringify(items[0].json).includes(String(created.body.jobId)),
			`${status} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 200)}`,
		);
		const forged = await forgedDelivery(
			n8n,
			hook,
			{ 'x-render-signature': 'a'.repeat(64) },
			{ jobId: 'forged', status: 'done' },
		);
		check(
			'viralsync trigger: a bad signature is answered 401 and starts nothing',
			forged.status === 401 && forged.started === 0,
			`${forged.status}, ${forged.started} started`,
		);
		await n8n.deactivate(hook.workflowId);
	}

	// SocialSyncer: the webhook setting follows activation, and the OAuth connect flow runs through n8n's URLs.
	{
		const socialsyncer = emulators.control('socialsyncer');
		const hook = await activeTrigger(
			n8n,
			'socialsyncer',
			await credentialFor('socialsyncer'),
			check,
		);
		const settingUrl = async () =>
			(await socialsyncer.api('GET', '/v1/webhooks/settings')).body?.url;
		const registered = await settled(async () => (await settingUrl()) === hook.url);
		check(
			'socialsyncer trigger: activation set the account webhook to the production URL',
			registered.ok,
			registered.detail,
		);

		const connectUrl = hook.url.replace(/\/events$/, '/connect');
		let cookie = '';
		const browse = async (url) => {
			const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
			const setCookie = response.headers.get('set-cookie');
			if (setCookie) cookie = setCookie.split(';')[0];
			return {
				status: response.status,
				location: response.headers.get('location') ?? undefined,
				text: await response.text(),
			};
		};
		const start = (await waitFor(
			async () => {
				const answer = await browse(`${connectUrl}?platform=instagram`);
				return answer.status === 404 ? undefined : answer;
			},
			{ timeoutMs: 5_000 },
		)) ?? { status: 404, text: 'the connect URL was never registered' };
		check(
			'socialsyncer connect: the start URL redirects to the consent page',
			start.status === 302 && start.location?.startsWith(socialsyncer.origin),
			`${start.status} ${start.location ?? start.text.slice(0, 200)}`,
		);
		const consent = start.location ? await browse(start.location) : { text: '' };
		const approve = /id="approve" href="([^"]+)"/.exec(consent.text)?.[1];
		const decided = approve
			? await browse(new URL(approve.replace(/&amp;/g, '&'), start.location).toString())
			: { status: 0 };
		check(
			"socialsyncer connect: approving redirects back to n8n's production callback",
			decided.status === 302 && decided.location?.startsWith(connectUrl),
			`${decided.status} ${decided.location ?? ''}`,
		);
		const done = decided.location ? await browse(decided.location) : { status: 0, text: '' };
		check(
			'socialsyncer connect: the callback page says the account is connected',
			done.status === 200 && /Connected @\S+ on Instagram/.test(done.text),
			`${done.status} ${done.text.slice(0, 160)}`,
		);
		const { status, items } = await firstOutput(n8n, hook.workflowId);
		check(
			'socialsyncer connect: the connected account was emitted into an execution',
			status === 'success' &&
				items?.[0]?.json.platform === 'instagram' &&
				typeof items[0].json.accountId === 'string',
			`${status} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 200)}`,
		);
		const replay = decided.location ? await browse(decided.location) : { status: 0 };
		check(
			'socialsyncer connect: replaying the callback is refused',
			replay.status === 400,
			String(replay.status),
		);
		const forged = await forgedDelivery(
			n8n,
			hook,
			{ 'x-socialsyncerapi-signature': 'b'.repeat(64) },
			{ event: 'post.published', data: {} },
		);
		check(
			'socialsyncer trigger: a bad signature is answered 401 and starts nothing',
			forged.status === 401 && forged.started === 0,
			`${forged.status}, ${forged.started} started`,
		);
		const deactivated = await n8n.deactivate(hook.workflowId);
		const removed = await settled(async () => (await settingUrl()) !== hook.url);
		check(
			'socialsyncer trigger: deactivation cleared the account webhook',
			deactivated.status === 200 && removed.ok,
			`${deactivated.status}, ${removed.detail}`,
		);
	}
}
