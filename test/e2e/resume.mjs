#!/usr/bin/env node
// `npm run test:e2e` (Webhook Resume part): a create operation with Wait for Completion: Webhook
// Resume in a real n8n. The execution parks (status waiting) with the job's callback pointing at
// its resume URL; the emulator's signed callback resumes it (time measured from the delivery); no
// GET polls the job. A forged callback is refused and resumes nothing; a timeout ends the item
// with an error that says so.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { checks, packPackage, repo, sleep, startEmulators, waitFor } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('webhook resume e2e');

/** Per service: credential data, create parameters, how to find the job's callback URL in the emulator log, polling GETs. */
const CASES = {
	sync: {
		credential: 'syncApi',
		secret: { webhookSecret: 'whsec_emulatorSyncSigningSecret01' },
		node: 'sync',
		parameters: {
			resource: 'generation',
			operation: 'create',
			model: 'lipsync-2',
			inputMode: 'fields',
			videoSource: 'url',
			videoUrl: 'https://media.example.com/resume.mp4',
			audioSource: 'url',
			audioUrl: 'https://media.example.com/resume.wav',
		},
		createPath: '/v2/generate',
		callbackUrlOf: (body) => body.webhookUrl,
		isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v2/generat'),
		finishedOk: (json) => json.status === 'COMPLETED',
		forgedHeaders: () => ({ 'sync-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }),
		forgedBody: { id: 'forged', status: 'COMPLETED', outputUrl: 'https://evil.example.com/x.mp4' },
	},
	viralsync: {
		credential: 'viralSyncApi',
		secret: { webhookSecret: 'vs_cb_secret_emulator_0123456789' },
		node: 'viralSync',
		parameters: { resource: 'renderJob', operation: 'create', projectId: 'proj_resume', movieSource: 'json', movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }) },
		createPath: '/v1/render/jobs',
		callbackUrlOf: (body) => body.callbackUrl,
		isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v1/jobs/'),
		finishedOk: (json) => json.status === 'done',
		forgedHeaders: () => ({ 'x-render-signature': 'f'.repeat(64) }),
		forgedBody: { jobId: 'forged', status: 'done', outputUrl: 'https://evil.example.com/x.mp4' },
	},
};

function workflowFor(service, spec, credential, path, extra) {
	return {
		name: `Resume ${service} ${path}`,
		connections: { Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } },
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
			{
				id: randomUUID(),
				name: 'Create',
				type: `${pkg.name}.${spec.node}`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { ...spec.parameters, waitForCompletion: 'webhook', ...extra },
				credentials: { [spec.credential]: { id: credential.id, name: credential.name } },
			},
		],
	};
}

async function startParked(n8n, emulator, service, spec, credential, path, extra) {
	const saved = await n8n.createWorkflow(workflowFor(service, spec, credential, path, extra));
	await n8n.activate(saved.id);
	await emulator.clearRequests();
	await waitFor(async () => {
		const answer = await fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await answer.arrayBuffer();
		return answer.status !== 404;
	}, { timeoutMs: 10_000 });
	const parked = await waitFor(async () => (await n8n.executions(saved.id)).find((execution) => execution.status === 'waiting'), { timeoutMs: 15_000 });
	const create = (await emulator.requests()).find((entry) => entry.method === 'POST' && entry.path === spec.createPath);
	return { workflowId: saved.id, parked, callbackUrl: create ? spec.callbackUrlOf(JSON.parse(create.body)) : undefined };
}

async function main() {
	const packed = packPackage();
	const emulators = await startEmulators();
	const n8n = await startN8n({ packageTarball: packed.tarball });
	try {
		await n8n.setupOwnerAndLogin();
		for (const [service, spec] of Object.entries(CASES)) {
			const emulator = emulators.control(service);
			const credential = await n8n.createCredential(spec.credential, `${service} resume`, { apiKey: emulators.keys[service], baseUrl: emulators.baseUrls[service], ...spec.secret });

			// Parked, then resumed by the genuine callback; a forged one first changes nothing.
			await emulator.config({ stageMs: 1500, outputBytes: 200_000 });
			const run = await startParked(n8n, emulator, service, spec, credential, `resume-${service}`, { waitTimeout: 5, downloadOutput: true });
			check(`${service}: the execution is parked (status waiting) after the create`, Boolean(run.parked), run.parked ? `execution ${run.parked.id}` : 'not waiting');
			check(`${service}: the job's callback URL is this execution's resume URL`, Boolean(run.callbackUrl?.includes(`/webhook-waiting/${run.parked?.id}`)), run.callbackUrl ?? 'none');
			if (run.callbackUrl) {
				const forged = await fetch(run.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...spec.forgedHeaders() }, body: JSON.stringify(spec.forgedBody) });
				await forged.arrayBuffer();
				const still = (await n8n.executions(run.workflowId))[0];
				check(`${service}: a callback with a bad signature is refused (401) and resumes nothing`, forged.status === 401 && still?.status === 'waiting', `${forged.status}, execution ${still?.status}`);
			}
			const finished = await waitFor(async () => (await n8n.executions(run.workflowId)).find((execution) => ['success', 'error'].includes(execution.status)), { timeoutMs: 20_000 });
			// The callback that ended the job (ViralSync also calls back with progress before it).
			const delivery = (await emulator.deliveries()).find((entry) => entry.url === run.callbackUrl && spec.finishedOk(JSON.parse(entry.body)));
			const execution = finished ? await n8n.execution(finished.id) : undefined;
			const items = execution ? n8n.outputOf(execution, 'Create') : undefined;
			const deliveredAt = Number(delivery?.sentAt);
			const resumedInMs = Date.parse(finished?.stoppedAt ?? '') - deliveredAt;
			check(
				`${service}: the signed callback resumed it with the finished job and its file`,
				finished?.status === 'success' && spec.finishedOk(items?.[0]?.json ?? {}) && items?.[0]?.binary?.data?.fileSize !== undefined,
				`${finished?.status ?? 'not finished'} ${JSON.stringify(items?.[0]?.json ?? {}).slice(0, 120)}`,
			);
			check(`${service}: the execution finished within 1 s of the job's final callback`, Number.isFinite(resumedInMs) && resumedInMs < 1000, `${resumedInMs} ms (callback answered ${delivery?.status ?? 'never'})`);
			const polls = (await emulator.requests()).filter(spec.isPoll);
			check(`${service}: no GET polled the job while it waited`, polls.length === 0, `${polls.length} polling requests`);

			// A job that never calls back: the timeout ends the item with an error saying so.
			await emulator.config({ stageMs: 600_000 });
			const stuck = await startParked(n8n, emulator, service, spec, credential, `resume-timeout-${service}`, { waitTimeout: 0.05 });
			check(`${service}: a second execution is parked for the timeout case`, Boolean(stuck.parked));
			const ended = await waitFor(async () => (await n8n.executions(stuck.workflowId)).find((execution) => execution.status !== 'waiting' && execution.status !== 'running'), { timeoutMs: 100_000, intervalMs: 1000 });
			const timedOut = ended ? n8n.outputOf(await n8n.execution(ended.id), 'Create') : undefined;
			check(
				`${service}: after the timeout the item says the job did not call back`,
				timedOut?.[0]?.json?.timedOut === true && /did not call back within/.test(String(timedOut[0].json.error)),
				`${ended?.status ?? 'still waiting'} ${JSON.stringify(timedOut?.[0]?.json ?? {}).slice(0, 160)}`,
			);
			await emulator.config({ stageMs: 50 });
			await sleep(100);
		}
	} catch (error) {
		check('resume run completed', false, String(error?.stack ?? error));
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
