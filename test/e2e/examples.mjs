#!/usr/bin/env node
// `npm run test:e2e` (examples part): the use-case workflows in examples/ on a real n8n against the
// emulators, imported with the sandbox credentials exactly as `npm run dev` does. Every example
// that starts from a Manual Trigger is run through n8n's REST API (as the editor's "Test workflow"
// does) and its final node's output is checked; trigger paths with a pinned sample event are run
// from the trigger the same way. The lip-sync example parks on Webhook Resume and is resumed by
// the Sync emulator's signed callback, then saves its MP4 to disk.
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { EXAMPLE_FILES_DIR, loadExamples, sandboxCredentials } from './fixtures.mjs';
import { checks, packPackage, startEmulators, waitFor } from './lib.mjs';
import { startN8n } from './n8n-server.mjs';

const items = (execution, n8n, nodeName) => n8n.outputOf(execution, nodeName) ?? [];
const json = (execution, n8n, nodeName) => items(execution, n8n, nodeName).map((item) => item.json);
const show = (value) => JSON.stringify(value ?? null).slice(0, 300);

/**
 * What each example must end with, per run (the trigger the run starts from, and a check on the
 * finished execution), reporting through `check`. Every Manual Trigger example has an entry; the
 * suite fails on one without. test/e2e/dev.mjs runs the same ones in `npm run dev`'s n8n.
 */
export const expectations = (check) => ({
	'01-sync-lip-sync-video-to-new-audio.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n, emulators }) {
				const [saved] = items(execution, n8n, 'Save MP4 to disk');
				const file = path.join(EXAMPLE_FILES_DIR, `lip-sync-${saved?.json?.id}.mp4`);
				const size = existsSync(file) ? statSync(file).size : 0;
				check(
					'sync lip-sync: the finished generation reaches Save MP4 to disk with the MP4 as binary data',
					saved?.json?.status === 'COMPLETED' && saved.binary?.data?.mimeType === 'video/mp4',
					show(saved?.json),
				);
				check('sync lip-sync: the MP4 is saved on disk', size > 0, `${file}: ${size} bytes`);
				const create = (await emulators.control('sync').requests()).find(
					(entry) => entry.method === 'POST' && entry.path === '/v2/generate',
				);
				const body = create ? JSON.parse(create.body) : {};
				check(
					"sync lip-sync: Webhook Resume gave Sync this execution's resume URL, and the URLs from the item",
					String(body.webhookUrl).includes(`/webhook-waiting/${execution.id}`) &&
						JSON.stringify(body.input ?? body).includes('interview-new-voice.wav'),
					`${body.webhookUrl}`,
				);
			},
		},
	],
	'02-heygen-script-to-avatar-video.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n }) {
				const [video] = items(execution, n8n, 'Create avatar video and download it');
				check(
					'heygen avatar video: the completed video comes back downloaded (video/mp4 binary)',
					video?.json?.status === 'completed' &&
						typeof video.json.video_url === 'string' &&
						video.binary?.data?.mimeType === 'video/mp4',
					show(video?.json),
				);
			},
		},
	],
	'03-viralsync-render-from-template.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n, emulators }) {
				const [ready] = json(execution, n8n, 'Video ready');
				check(
					'viralsync template render: Video ready has the done job, its output URL and duration',
					ready?.status === 'done' &&
						ready.product === 'Trail Runner 2' &&
						/^https?:\/\//.test(ready.videoUrl) &&
						typeof ready.durationSeconds === 'number',
					show(ready),
				);
				const create = (await emulators.control('viralsync').requests()).find(
					(entry) => entry.method === 'POST' && entry.path === '/v1/render/jobs',
				);
				const movie = create ? JSON.parse(create.body).movie : undefined;
				check(
					"viralsync template render: the template was filled from the item's values",
					movie?.title === 'Promo: Trail Runner 2' &&
						movie.scenes?.[0]?.backgroundColor === '#0f766e' &&
						movie.scenes?.[1]?.layers?.[1]?.text === 'Trail Runner 2, $129',
					show(movie),
				);
			},
		},
	],
	'04-socialsyncer-connect-and-cross-post.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n, workflow }) {
				const [email] = json(execution, n8n, 'Email the connect link');
				const trigger = workflow.nodes.find((node) => node.type.endsWith('.socialSyncerTrigger'));
				check(
					"socialsyncer connect link: the email links to the trigger's /connect URL for TikTok",
					email?.to === 'maya@example.com' &&
						email.connectUrl?.endsWith(`/webhook/${trigger.webhookId}/connect?platform=tiktok`),
					show(email),
				);
			},
		},
		{
			trigger: 'When a creator connects an account',
			async check({ execution, n8n }) {
				const [partial] = json(execution, n8n, 'Notify: some platforms failed');
				check(
					'socialsyncer cross-post (pinned sample event): a partial post takes the "some platforms failed" branch',
					partial?.status === 'partial' &&
						show(partial.published) === '["instagram"]' &&
						partial.failed?.length === 1 &&
						partial.failed[0].startsWith('tiktok: ') &&
						json(execution, n8n, 'Done: published everywhere').length === 0,
					show(partial),
				);
			},
		},
	],
	'05-synaptiq-lead-capture-and-chat.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n }) {
				const [chat] = json(execution, n8n, 'Chat started');
				check(
					'synaptiq lead capture: the lead is saved and a chat started with a reply',
					/^lead_/.test(chat?.leadId) &&
						chat.email === 'jordan@northwind.example' &&
						typeof chat.sessionId === 'string' &&
						chat.sessionId.length > 0 &&
						typeof chat.reply === 'string' &&
						chat.reply.length > 0,
					show(chat),
				);
			},
		},
		{
			trigger: 'When a lead is qualified',
			async check({ execution, n8n }) {
				const [notice] = json(execution, n8n, 'Notify sales');
				check(
					'synaptiq lead.qualified (pinned sample event): Notify sales names the lead',
					/Jordan Lee \(jordan@northwind\.example\) from Northwind/.test(notice?.text),
					show(notice),
				);
			},
		},
	],
	'06-pipeline-script-to-post-and-lead.json': [
		{
			trigger: 'Start',
			async check({ execution, n8n, emulators }) {
				const [summary] = json(execution, n8n, 'Campaign summary');
				const [english, spanish] = summary?.posts ?? [];
				check(
					'pipeline: HeyGen → Sync dub → SocialSyncer (both versions) → Synaptiq ends in a summary with every step',
					summary?.campaign === 'Spring launch' &&
						/^https?:\/\//.test(summary.avatarVideoUrl) &&
						/^https?:\/\//.test(summary.dubbedVideoUrl) &&
						summary.dubbedVideoUrl !== summary.avatarVideoUrl &&
						summary.dubLanguage === 'es' &&
						english?.language === 'en' &&
						spanish?.language === 'es' &&
						[english, spanish].every(
							(post) => post.status === 'published' && post.links?.length === 2,
						) &&
						english.postId !== spanish.postId &&
						/^lead_/.test(summary.leadId) &&
						json(execution, n8n, 'Notify: pipeline step failed').length === 0,
					show(summary),
				);
				const generate = (await emulators.control('sync').requests()).filter(
					(entry) => entry.method === 'POST' && entry.path === '/v2/generate',
				);
				const dub = generate.length === 1 ? JSON.parse(generate[0].body) : {};
				check(
					"pipeline: Sync got one Translate / Dub job (dubParams en → es) with HeyGen's video as its only input",
					dub.dubParams?.targetLang === 'es' &&
						dub.dubParams.sourceLang === 'en' &&
						dub.input?.length === 1 &&
						dub.input[0].type === 'video' &&
						dub.input[0].url === summary?.avatarVideoUrl,
					`${generate.length} generate call(s): ${show(dub)}`,
				);
				const posts = (await emulators.control('socialsyncer').requests())
					.filter((entry) => entry.method === 'POST' && /\/posts$/.test(entry.path))
					.map((entry) => JSON.parse(entry.body));
				const media = posts.map((post) => JSON.stringify(post));
				check(
					'pipeline: SocialSyncer posted both versions: the HeyGen video with the English caption, the dub with the Spanish one',
					posts.length === 2 &&
						media[0].includes(summary?.avatarVideoUrl) &&
						media[0].includes('Our spring update') &&
						media[1].includes(summary?.dubbedVideoUrl) &&
						media[1].includes('Nuestra actualización'),
					`${posts.length} post(s): ${show(posts)}`,
				);
			},
		},
		{
			// The same workflow with a dub Sync's node refuses (source = target, before any request).
			trigger: 'Start',
			variant: (workflow) => {
				const dub = workflow.nodes.find((node) => node.name === 'Sync: dub the video into Spanish');
				dub.parameters.dubSourceLanguage = 'es';
			},
			async check({ execution, n8n, emulators, workflow }) {
				const [notice] = json(execution, n8n, 'Notify: pipeline step failed');
				const posts = (await emulators.control('socialsyncer').requests()).filter(
					(entry) => entry.method === 'POST' && /\/posts$/.test(entry.path),
				);
				check(
					"pipeline: a dub Sync's node refuses goes to the error output and Notify, and nothing is posted",
					notice?.campaign === 'Spring launch' &&
						/Source Language and Target Language are both "es"/.test(notice.error) &&
						posts.length === 0 &&
						json(execution, n8n, 'Campaign summary').length === 0,
					show(notice),
				);
				const services = workflow.nodes.filter((node) =>
					node.type.startsWith('n8n-nodes-creator-suite.'),
				);
				const unwired = services.filter(
					(node) =>
						node.onError !== 'continueErrorOutput' ||
						workflow.connections[node.name]?.main?.[1]?.[0]?.node !==
							'Notify: pipeline step failed',
				);
				check(
					`pipeline: all ${services.length} service nodes send their error output to Notify: pipeline step failed`,
					services.length === 5 && unwired.length === 0,
					unwired.map((node) => node.name).join(', '),
				);
			},
		},
		{
			// The same workflow with a script HeyGen's emulator fails on: the error output notifies.
			trigger: 'Start',
			variant: (workflow) => {
				const brief = workflow.nodes.find((node) => node.name === 'Campaign brief');
				const values = JSON.parse(brief.parameters.jsonOutput);
				values.script = 'This render will fail.';
				brief.parameters.jsonOutput = JSON.stringify(values);
			},
			async check({ execution, n8n }) {
				const [notice] = json(execution, n8n, 'Notify: pipeline step failed');
				check(
					'pipeline: a failing HeyGen render goes to the error output and Notify: pipeline step failed',
					notice?.campaign === 'Spring launch' &&
						/HeyGen video \w+ failed/.test(notice.error) &&
						json(execution, n8n, 'Campaign summary').length === 0,
					show(notice),
				);
			},
		},
	],
});

/** Runs a saved workflow from one trigger as the editor does; answers the finished execution. */
export async function runFrom(n8n, workflowId, trigger) {
	const started = await n8n.rest('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: trigger },
	});
	const executionId = started.json?.data?.executionId;
	if (!executionId)
		throw new Error(`run ${workflowId} from ${trigger}: ${started.status} ${started.text}`);
	const finished = await waitFor(
		async () => {
			const execution = await n8n.execution(executionId);
			return ['success', 'error', 'crashed', 'canceled'].includes(execution.status)
				? execution
				: undefined;
		},
		{ timeoutMs: 120_000, intervalMs: 500 },
	);
	if (!finished) throw new Error(`execution ${executionId} did not finish in 120 s`);
	return finished;
}

/** Waits for an execution of the workflow that is not one of `seen` to finish; answers it decoded. */
async function nextExecution(n8n, workflowId, seen) {
	const finished = await waitFor(
		async () =>
			(await n8n.executions(workflowId)).find(
				(execution) =>
					!seen.has(execution.id) && ['success', 'error', 'crashed'].includes(execution.status),
			),
		{ timeoutMs: 60_000, intervalMs: 500 },
	);
	return finished ? await n8n.execution(finished.id) : undefined;
}

/**
 * The trigger paths for real, in the active (published) workflows: a creator opens the connect
 * link from the email (SocialSyncer's consent page, approve, back to n8n) and the video is posted
 * to Instagram and the new TikTok account; a lead the form captured turns qualified in Synaptiq and
 * its signed lead.qualified delivery reaches Notify sales.
 */
async function checkActiveTriggers(n8n, emulators, examples, check) {
	const byFile = Object.fromEntries(examples.map(({ file, workflow }) => [file, workflow]));

	const social = byFile['04-socialsyncer-connect-and-cross-post.json'];
	if (social) {
		const seen = new Set((await n8n.executions(social.id)).map((execution) => execution.id));
		const activated = await n8n.activate(social.id);
		check(
			'socialsyncer example: the workflow activates (its trigger sets the account webhook)',
			activated.status === 200,
			`${activated.status} ${activated.status === 200 ? '' : activated.text.slice(0, 300)}`,
		);
		const trigger = social.nodes.find((node) => node.type.endsWith('.socialSyncerTrigger'));
		const connectUrl = `${n8n.url}/webhook/${trigger.webhookId}/connect`;
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
				const answer = await browse(`${connectUrl}?platform=tiktok`);
				return answer.status === 404 ? undefined : answer;
			},
			{ timeoutMs: 10_000 },
		)) ?? { status: 404, text: 'the connect URL was never registered' };
		const consent = start.location ? await browse(start.location) : { text: '' };
		const approve = /id="approve" href="([^"]+)"/.exec(consent.text)?.[1];
		const decided = approve
			? await browse(new URL(approve.replace(/&amp;/g, '&'), start.location).toString())
			: { status: 0 };
		const done = decided.location ? await browse(decided.location) : { status: 0, text: '' };
		check(
			"socialsyncer example: the email's connect link runs the TikTok consent flow through n8n",
			start.status === 302 && done.status === 200 && /Connected @\S+ on TikTok/.test(done.text),
			`${start.status} → ${decided.status} → ${done.status} ${done.text.slice(0, 160)}`,
		);
		const execution = await nextExecution(n8n, social.id, seen);
		const [posted] = execution ? json(execution, n8n, 'Done: published everywhere') : [];
		check(
			'socialsyncer example: the new TikTok account and Instagram get the video (Done: published everywhere)',
			execution?.status === 'success' &&
				posted?.status === 'published' &&
				posted.links?.length === 2 &&
				posted.links.some((url) => url.includes('tiktok')),
			`${execution?.status ?? 'no execution'} ${show(posted)}`,
		);
		await n8n.deactivate(social.id);
	}

	const leads = byFile['05-synaptiq-lead-capture-and-chat.json'];
	if (leads) {
		const synaptiq = emulators.control('synaptiq');
		const seen = new Set((await n8n.executions(leads.id)).map((execution) => execution.id));
		const activated = await n8n.activate(leads.id);
		check(
			'synaptiq example: the workflow activates (its trigger registers for lead.qualified)',
			activated.status === 200,
			`${activated.status} ${activated.status === 200 ? '' : activated.text.slice(0, 300)}`,
		);
		// n8n may answer the activation before the trigger's webhook methods ran.
		const trigger = leads.nodes.find((node) => node.type.endsWith('.synaptiqTrigger'));
		const registered = await waitFor(async () =>
			((await synaptiq.api('GET', '/webhooks')).body?.data ?? []).some(
				(webhook) =>
					String(webhook.url).includes(trigger.webhookId) &&
					webhook.events?.includes('lead.qualified'),
			),
		);
		check('synaptiq example: the active trigger registered its URL for lead.qualified', registered);
		const found = await synaptiq.api('GET', '/leads/search?q=jordan%40northwind.example');
		const list = found.body?.data ?? found.body?.leads ?? found.body;
		const lead = (Array.isArray(list) ? list : []).find(
			(candidate) => candidate.email === 'jordan@northwind.example',
		);
		const updated = lead
			? await synaptiq.api('PATCH', `/leads/${lead.id}`, { status: 'qualified' })
			: { status: 0, body: found.body };
		const execution = await nextExecution(n8n, leads.id, seen);
		const [notice] = execution ? json(execution, n8n, 'Notify sales') : [];
		check(
			'synaptiq example: the captured lead turning qualified reaches Notify sales (signed delivery)',
			updated.status === 200 &&
				execution?.status === 'success' &&
				notice?.leadId === lead?.id &&
				/Jordan Lee \(jordan@northwind\.example\) from Northwind/.test(notice.text),
			`PATCH ${updated.status}, ${execution?.status ?? 'no execution'} ${show(notice ?? updated.body)}`,
		);
		await n8n.deactivate(leads.id);
	}
}

/**
 * Runs every example's expected runs (see `expectations`) in an n8n whose database has the
 * examples imported: `n8n` needs rest(), execution(), outputOf() and createWorkflow();
 * `emulators` its `baseUrls` and `control(service)`, the emulators' control API.
 */
export async function runExamples({ n8n, emulators, examples, check }) {
	const EXPECTATIONS = expectations(check);
	for (const { file, workflow } of examples) {
		const hasManualTrigger = workflow.nodes.some(
			(node) => node.type === 'n8n-nodes-base.manualTrigger',
		);
		check(
			`${file}: every node has a name that is not a default and the sticky notes explain it`,
			workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').length >= 1 &&
				!workflow.nodes.some((node) => /^(Set|Edit Fields|If|No Operation)\d*$/.test(node.name)),
		);
		const runs = EXPECTATIONS[file];
		if (hasManualTrigger && !runs) {
			check(`${file}: has an expectation in examples.mjs`, false);
			continue;
		}
		for (const run of runs ?? []) {
			let workflowId = workflow.id;
			if (run.variant) {
				const copy = structuredClone(workflow);
				run.variant(copy);
				delete copy.id;
				copy.name = `${workflow.name} (variant)`;
				workflowId = (await n8n.createWorkflow(copy)).id;
			}
			for (const service of Object.keys(emulators.baseUrls))
				await emulators.control(service).clearRequests();
			try {
				const execution = await runFrom(n8n, workflowId, run.trigger);
				const error = execution.data?.resultData?.error;
				check(
					`${file} from "${run.trigger}"${run.variant ? ' (variant)' : ''}: the execution succeeds`,
					execution.status === 'success',
					error ? `${error.message} ${error.description ?? ''}` : execution.status,
				);
				await run.check({ execution, n8n, emulators, workflow });
			} catch (error) {
				check(`${file} from "${run.trigger}": runs`, false, String(error?.stack ?? error));
			}
		}
	}
}

async function main() {
	const { check, finish } = checks('examples e2e');
	const packed = packPackage();
	const emulators = await startEmulators();
	const examples = loadExamples();
	const importDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-examples-'));
	mkdirSync(EXAMPLE_FILES_DIR, { recursive: true });
	writeFileSync(
		path.join(importDir, 'credentials.json'),
		JSON.stringify(sandboxCredentials(emulators.baseUrls, emulators.keys)),
	);
	writeFileSync(
		path.join(importDir, 'workflows.json'),
		JSON.stringify(examples.map(({ workflow }) => workflow)),
	);
	let n8n;
	try {
		n8n = await startN8n({
			packageTarball: packed.tarball,
			env: { N8N_RESTRICT_FILE_ACCESS_TO: `~/.n8n-files;${EXAMPLE_FILES_DIR}` },
			// Imported before n8n starts, with the CLI, as `npm run dev` does.
			beforeStart: async (cli) => {
				for (const [kind, file] of [
					['credentials', 'credentials.json'],
					['workflow', 'workflows.json'],
				]) {
					const result = await cli([`import:${kind}`, `--input=${path.join(importDir, file)}`]);
					if (result.code !== 0) throw new Error(`importing ${kind} failed:\n${result.failure()}`);
				}
			},
		});
		console.log(`n8n healthy after ${(n8n.healthyAfterMs / 1000).toFixed(1)} s at ${n8n.url}`);
		await n8n.setupOwnerAndLogin();

		await runExamples({ n8n, emulators, examples, check });
		await checkActiveTriggers(n8n, emulators, examples, check);
	} catch (error) {
		check('examples run completed', false, String(error?.stack ?? error));
		if (n8n) console.error(n8n.logTail());
	} finally {
		if (n8n) await n8n.stop();
		emulators.stop();
	}
	process.exit(finish());
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
