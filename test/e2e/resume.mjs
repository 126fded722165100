#!/usr/bin/env node
// `npm run test:e2e` (Webhook Resume part): a create operation with Wait for Completion: Webhook
// Resume in a real n8n, for Sync Generation Create, ViralSync Render Job Create and HeyGen Video
// Create / Template Generate / Video Translation Create / Lipsync Create / Video Agent Create. The execution parks (status waiting) with
// the job's callback pointing at its resume URL; the emulator's callback (signed, or for HeyGen
// echoing the job's secret callback_id) resumes it (time measured from the delivery); no GET polls
// the job while it waits. A forged callback is refused and resumes nothing; a timeout ends the
// item with an error that says so.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { checks, packPackage, repo, sleep, startEmulators, waitFor } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const { check, finish } = checks('webhook resume e2e');
/** Job's final callback → execution finished, per case; `npm run bench` reads them (RESUME_LATENCY_FILE). */
const resumeLatencies = [];

/** Video Create and Template Generate both end in a HeyGen video job and its avatar_video.* callback. */
const HEYGEN_VIDEO_CALLBACKS = {
	service: 'heygen',
	credential: 'heyGenApi',
	secret: {},
	node: 'heyGen',
	callbackUrlOf: (body) => body.callback_url,
	isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v3/videos/'),
	finishedOk: (json) => json.status === 'completed' && typeof json.video_url === 'string',
	isFinalCallback: (body) => body.event_type === 'avatar_video.success',
	forgedHeaders: () => ({}),
	forgedBody: {
		event_type: 'avatar_video.success',
		event_data: {
			video_id: 'forged',
			url: 'https://evil.example.com/x.mp4',
			callback_id: 'n8n-guessed',
		},
	},
};

/**
 * Per create operation: its service and credential data, create parameters, how to find the job's
 * callback URL in the emulator log, which GETs would be polls, which callback ends the job.
 */
const CASES = {
	sync: {
		service: 'sync',
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
		isFinalCallback: (body) => body.status === 'COMPLETED',
		forgedHeaders: () => ({
			'sync-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
		}),
		forgedBody: { id: 'forged', status: 'COMPLETED', outputUrl: 'https://evil.example.com/x.mp4' },
	},
	viralsync: {
		service: 'viralsync',
		credential: 'viralSyncApi',
		secret: { webhookSecret: 'vs_cb_secret_emulator_0123456789' },
		node: 'viralSync',
		parameters: {
			resource: 'renderJob',
			operation: 'create',
			projectId: 'proj_resume',
			movieSource: 'json',
			movieJson: JSON.stringify({ scenes: [{ id: 'intro', duration: 2 }] }),
		},
		createPath: '/v1/render/jobs',
		callbackUrlOf: (body) => body.callbackUrl,
		isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v1/jobs/'),
		finishedOk: (json) => json.status === 'done',
		isFinalCallback: (body) => body.status === 'done',
		forgedHeaders: () => ({ 'x-render-signature': 'f'.repeat(64) }),
		forgedBody: { jobId: 'forged', status: 'done', outputUrl: 'https://evil.example.com/x.mp4' },
	},
	// HeyGen's per-job callback is unsigned (docs/api/heygen.md "Webhooks"): the node gives each job a secret
	// callback_id, accepts only a callback that echoes it, then reads the job from HeyGen once.
	'heygen video': {
		parameters: {
			resource: 'video',
			operation: 'create',
			videoType: 'avatar',
			avatarId: 'Anna_public_office',
			audioSource: 'script',
			script: 'Resumed by a callback.',
			voiceId: 'voice_en_sara',
		},
		createPath: '/v3/videos',
		...HEYGEN_VIDEO_CALLBACKS,
	},
	'heygen template': {
		parameters: {
			resource: 'template',
			operation: 'generate',
			templateId: 'tpl_product_update',
			variablesJson: '{}',
			variables: { variable: [{ name: 'first_name', text: 'Ada' }] },
		},
		createPath: '/v3/templates/tpl_product_update',
		...HEYGEN_VIDEO_CALLBACKS,
	},
	// Lipsync (../shared/api/heygen.md §12.3): the same unsigned per-job callback, `lipsync.*` with `lipsync_id`.
	'heygen lipsync': {
		service: 'heygen',
		credential: 'heyGenApi',
		secret: {},
		node: 'heyGen',
		parameters: {
			resource: 'lipsync',
			operation: 'create',
			videoFrom: 'url',
			videoUrl: 'https://media.example.com/talk.mp4',
			audioFrom: 'url',
			audioUrl: 'https://media.example.com/new-voice.mp3',
		},
		createPath: '/v3/lipsyncs',
		callbackUrlOf: (body) => body.callback_url,
		isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v3/lipsyncs/'),
		finishedOk: (json) => json.status === 'completed' && typeof json.video_url === 'string',
		isFinalCallback: (body) => body.event_type === 'lipsync.success',
		forgedHeaders: () => ({}),
		forgedBody: {
			event_type: 'lipsync.success',
			event_data: {
				lipsync_id: 'forged',
				url: 'https://evil.example.com/x.mp4',
				callback_id: 'n8n-guessed',
			},
		},
	},
	'heygen translation': {
		service: 'heygen',
		credential: 'heyGenApi',
		secret: {},
		node: 'heyGen',
		parameters: {
			resource: 'videoTranslation',
			operation: 'create',
			videoUrl: 'https://media.example.com/talk.mp4',
			outputLanguages: ['Spanish (Spain)', 'German (Germany)'],
		},
		expectedItems: 2,
		createPath: '/v3/video-translations',
		callbackUrlOf: (body) => body.callback_url,
		isPoll: (entry) => entry.method === 'GET' && entry.path.startsWith('/v3/video-translations/'),
		finishedOk: (json) => json.status === 'completed' && typeof json.video_url === 'string',
		isFinalCallback: (body) => body.event_type === 'video_translate.success',
		forgedHeaders: () => ({}),
		forgedBody: {
			event_type: 'video_translate.success',
			event_data: {
				video_translate_id: 'forged',
				url: 'https://evil.example.com/x.mp4',
				callback_id: 'n8n-guessed',
			},
		},
	},
	// Video Agent → Create (docs/api/heygen.md §11): the session's callback resumes it; the node re-reads
	// session and video (the output is the session with its video).
	'heygen video agent': {
		service: 'heygen',
		credential: 'heyGenApi',
		secret: {},
		node: 'heyGen',
		parameters: {
			resource: 'videoAgent',
			operation: 'create',
			prompt: 'A short clip resumed by a callback',
		},
		createPath: '/v3/video-agents',
		callbackUrlOf: (body) => body.callback_url,
		isPoll: (entry) =>
			entry.method === 'GET' &&
			(entry.path.startsWith('/v3/video-agents/') || entry.path.startsWith('/v3/videos/')),
		finishedOk: (json) => json.status === 'completed' && typeof json.video?.video_url === 'string',
		isFinalCallback: (body) => body.event_type === 'video_agent.success',
		forgedHeaders: () => ({}),
		forgedBody: {
			event_type: 'video_agent.success',
			event_data: {
				session_id: 'forged',
				video_id: 'forged',
				url: 'https://evil.example.com/x.mp4',
				callback_id: 'n8n-guessed',
			},
		},
	},
};

function workflowFor(name, spec, credential, path, extra) {
	return {
		name: `Resume ${name} ${path}`,
		connections: { Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
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

async function startParked(n8n, emulator, name, spec, credential, path, extra) {
	const saved = await n8n.createWorkflow(workflowFor(name, spec, credential, path, extra));
	await n8n.activate(saved.id);
	await emulator.clearRequests();
	await waitFor(
		async () => {
			const answer = await fetch(`${n8n.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await answer.arrayBuffer();
			return answer.status !== 404;
		},
		{ timeoutMs: 10_000 },
	);
	const parked = await waitFor(
		async () =>
			(await n8n.executions(saved.id)).find((execution) => execution.status === 'waiting'),
		{ timeoutMs: 15_000 },
	);
	const create = (await emulator.requests()).find(
		(entry) => entry.method === 'POST' && entry.path === spec.createPath,
	);
	return {
		workflowId: saved.id,
		parked,
		callbackUrl: create ? spec.callbackUrlOf(JSON.parse(create.body)) : undefined,
	};
}

async function main() {
	const packed = packPackage();
	const emulators = await startEmulators();
	const n8n = await startN8n({ packageTarball: packed.tarball });
	try {
		await n8n.setupOwnerAndLogin();
		const credentials = {};
		for (const [name, spec] of Object.entries(CASES)) {
			const { service } = spec;
			const slug = name.replace(/\s+/g, '-');
			const emulator = emulators.control(service);
			credentials[service] ??= await n8n.createCredential(spec.credential, `${service} resume`, {
				apiKey: emulators.keys[service],
				baseUrl: emulators.baseUrls[service],
				...spec.secret,
			});
			const credential = credentials[service];
			const expectedItems = spec.expectedItems ?? 1;

			// Parked, then resumed by the genuine callback; a forged one first changes nothing.
			await emulator.config({ stageMs: 1500, outputBytes: 200_000 });
			const run = await startParked(n8n, emulator, name, spec, credential, `resume-${slug}`, {
				waitTimeout: 5,
				downloadOutput: true,
			});
			check(
				`${name}: the execution is parked (status waiting) after the create`,
				Boolean(run.parked),
				run.parked ? `execution ${run.parked.id}` : 'not waiting',
			);
			check(
				`${name}: the job's callback URL is this execution's resume URL`,
				Boolean(run.callbackUrl?.includes(`/webhook-waiting/${run.parked?.id}`)),
				run.callbackUrl ?? 'none',
			);
			if (run.callbackUrl) {
				const forged = await fetch(run.callbackUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...spec.forgedHeaders() },
					body: JSON.stringify(spec.forgedBody),
				});
				await forged.arrayBuffer();
				const still = (await n8n.executions(run.workflowId))[0];
				check(
					`${name}: a forged callback is refused (401) and resumes nothing`,
					forged.status === 401 && still?.status === 'waiting',
					`${forged.status}, execution ${still?.status}`,
				);
			}
			const finished = await waitFor(
				async () =>
					(await n8n.executions(run.workflowId)).find((execution) =>
						['success', 'error'].includes(execution.status),
					),
				{ timeoutMs: 20_000 },
			);
			// The callback that ended the wait: the last success callback to this URL (ViralSync also
			// calls back with progress, a translation once per language).
			const deliveries = (await emulator.deliveries()).filter(
				(entry) => entry.url === run.callbackUrl && spec.isFinalCallback(JSON.parse(entry.body)),
			);
			const delivery = deliveries.at(-1);
			const execution = finished ? await n8n.execution(finished.id) : undefined;
			const items = (execution ? n8n.outputOf(execution, 'Create') : undefined) ?? [];
			const deliveredAt = Number(delivery?.sentAt);
			const resumedInMs = Date.parse(finished?.stoppedAt ?? '') - deliveredAt;
			resumeLatencies.push({ case: name, ms: resumedInMs });
			check(
				`${name}: the callback resumed it with the finished job${expectedItems > 1 ? 's' : ''} and ${expectedItems > 1 ? 'their files' : 'its file'}`,
				finished?.status === 'success' &&
					items.length === expectedItems &&
					items.every(
						(item) => spec.finishedOk(item.json ?? {}) && item.binary?.data?.fileSize !== undefined,
					),
				`${finished?.status ?? 'not finished'}, ${items.length} item(s) ${JSON.stringify(items[0]?.json ?? {}).slice(0, 120)}`,
			);
			// The callback is what resumed it (no poll ran, the wait's timeout is 30 min away); how fast is a
			// benchmark figure (npm run bench), not a pass mark that depends on the machine's load.
			check(
				`${name}: the execution finished right after the job's final callback (no poll, no timeout)`,
				Number.isFinite(resumedInMs) && resumedInMs < 10_000,
				`${resumedInMs} ms (callback answered ${delivery?.status ?? 'never'})`,
			);
			const firstCallbackAt = Math.min(...deliveries.map((entry) => Number(entry.sentAt)));
			const gets = (await emulator.requests()).filter(spec.isPoll);
			const polls = gets.filter((entry) => entry.at < firstCallbackAt);
			check(
				`${name}: no GET polled the job while it waited`,
				polls.length === 0,
				`${polls.length} GETs before the callback${gets.length > polls.length ? `; ${gets.length - polls.length} GET(s) reading the finished job after it` : ''}`,
			);

			await emulator.config({ stageMs: 50 });
			await sleep(100);
		}

		// A HeyGen video that fails (the emulator fails a job whose request mentions "fail"): the
		// callback resumes the execution, and the node fails with HeyGen's reason.
		{
			const spec = CASES['heygen video'];
			const heygen = emulators.control('heygen');
			await heygen.config({ stageMs: 500 });
			const failing = await startParked(
				n8n,
				heygen,
				'heygen failing video',
				{ ...spec, parameters: { ...spec.parameters, script: 'This render will fail.' } },
				credentials.heygen,
				'resume-heygen-failing',
				{ waitTimeout: 5 },
			);
			const ended = await waitFor(
				async () =>
					(await n8n.executions(failing.workflowId)).find((execution) =>
						['success', 'error'].includes(execution.status),
					),
				{ timeoutMs: 20_000 },
			);
			const execution = ended ? await n8n.execution(ended.id) : undefined;
			const message = String(execution?.data?.resultData?.error?.message ?? '');
			check(
				"heygen video: a failed render resumes the execution and fails the node with HeyGen's reason",
				ended?.status === 'error' &&
					/HeyGen video \w+ failed: An input URL could not be downloaded\. \(download_failed\)/.test(
						message,
					),
				`${ended?.status ?? 'still waiting'}: ${message.slice(0, 160)}`,
			);
		}

		// Jobs that never call back: the timeout ends the item with an error saying so. n8n checks
		// due waits about once a minute, so all cases are parked first and then awaited together.
		for (const service of new Set(Object.values(CASES).map((spec) => spec.service)))
			await emulators.control(service).config({ stageMs: 600_000 });
		const stuckRuns = [];
		for (const [name, spec] of Object.entries(CASES)) {
			const stuck = await startParked(
				n8n,
				emulators.control(spec.service),
				name,
				spec,
				credentials[spec.service],
				`resume-timeout-${name.replace(/\s+/g, '-')}`,
				{ waitTimeout: 0.05 },
			);
			check(`${name}: a second execution is parked for the timeout case`, Boolean(stuck.parked));
			stuckRuns.push([name, stuck]);
		}
		for (const [name, stuck] of stuckRuns) {
			const ended = await waitFor(
				async () =>
					(await n8n.executions(stuck.workflowId)).find(
						(execution) => execution.status !== 'waiting' && execution.status !== 'running',
					),
				{ timeoutMs: 150_000, intervalMs: 1000 },
			);
			const timedOut = ended ? n8n.outputOf(await n8n.execution(ended.id), 'Create') : undefined;
			check(
				`${name}: after the timeout the item says the job did not call back`,
				timedOut?.[0]?.json?.timedOut === true &&
					/did not call back within/.test(String(timedOut[0].json.error)),
				`${ended?.status ?? 'still waiting'} ${JSON.stringify(timedOut?.[0]?.json ?? {}).slice(0, 160)}`,
			);
		}
	} catch (error) {
		check('resume run completed', false, String(error?.stack ?? error));
		console.error(n8n.logTail());
	} finally {
		await n8n.stop();
		emulators.stop();
	}
	if (process.env.RESUME_LATENCY_FILE)
		writeFileSync(process.env.RESUME_LATENCY_FILE, JSON.stringify(resumeLatencies));
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
