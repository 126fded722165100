#!/usr/bin/env node
// `npm run test:e2e` (queue part): n8n in queue mode, the way users scale out. A Redis server
// (Debian's redis-server, on loopback, started here), n8n main and one `n8n worker`. Each of
// the five nodes runs behind a production Webhook on the worker; a signed Sync delivery to the
// Sync Trigger also runs there. The worker's log must name every execution.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { SERVICES, workflowFor } from './fixtures.mjs';
import { checks, packPackage, startEmulators, waitFor } from './lib.mjs';
import { freePort, startN8n } from './n8n-server.mjs';
import { triggerWorkflow } from './triggers.mjs';

const { check, finish } = checks('queue mode e2e');

async function startRedis() {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
	};
	process.on('exit', stop);
	const ready = await waitFor(
		() => output.includes('Ready to accept connections') || child.exitCode !== null,
		{ timeoutMs: 10_000, intervalMs: 50 },
	);
	if (!ready || child.exitCode !== null)
		throw new Error(`redis-server did not start (is Debian's redis-server installed?):\n${output}`);
	return { port, stop };
}

/** A Webhook node (production URL, answers with the last node's items) in front of one of our nodes. */
function webhookFronted(service, credential) {
	const workflow = workflowFor(service, SERVICES[service], credential);
	const webhookId = randomUUID();
	delete workflow.id;
	workflow.name = `Queue ${service}`;
	workflow.nodes[0] = {
		id: 'webhook',
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path: `queue-${service}`,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	return workflow;
}

async function main() {
	const packed = packPackage();
	const redis = await startRedis();
	const emulators = await startEmulators();
	const queueEnv = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
	const n8n = await startN8n({ packageTarball: packed.tarball, env: queueEnv });
	let worker;
	try {
		worker = await n8n.startWorker();
		check(
			'n8n main and one worker run in queue mode on Redis',
			true,
			`main :${n8n.port}, worker pid ${worker.pid}, redis :${redis.port}`,
		);
		await n8n.setupOwnerAndLogin();

		const executionIds = [];
		for (const [service, spec] of Object.entries(SERVICES)) {
			if (service === 'synaptiq') {
				await emulators
					.control('synaptiq')
					.api('POST', '/leads', { email: 'smoke@example.com', name: 'Queue Lead' });
			}
			const credential = await n8n.createCredential(spec.credential, `${service} queue`, {
				apiKey: emulators.keys[service],
				baseUrl: emulators.baseUrls[service],
			});
			const saved = await n8n.createWorkflow(webhookFronted(service, credential));
			const activated = await n8n.activate(saved.id);
			if (
				!check(
					`${service}: webhook workflow activated`,
					activated.status === 200,
					activated.status === 200 ? '' : activated.text.slice(0, 300),
				)
			)
				continue;
			// n8n answers the activation before the webhook is registered: retry while it says 404.
			const response = await waitFor(
				async () => {
					const answer = await fetch(`${n8n.url}/webhook/queue-${service}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: '{}',
					});
					if (answer.status !== 404) return answer;
					await answer.arrayBuffer();
					return undefined;
				},
				{ timeoutMs: 10_000 },
			);
			if (!check(`${service}: the production webhook answered`, response !== undefined)) continue;
			const text = await response.text();
			let items;
			try {
				items = JSON.parse(text).map((json) => ({ json }));
			} catch {
				// Gone already, or not answering yet: nothing to do.
			}
			check(
				`${service}: the ${spec.node} node ran in queue mode and answered the webhook`,
				response.status === 200 && items !== undefined && spec.expect(items),
				`${response.status} ${text.slice(0, 160)}`,
			);
			const [execution] = await n8n.executions(saved.id);
			if (execution) executionIds.push(execution.id);
		}

		// A trigger in queue mode: Sync's signed completion webhook starts an execution on the worker.
		const syncCredential = await n8n.createCredential('syncApi', 'sync trigger queue', {
			apiKey: emulators.keys.sync,
			baseUrl: emulators.baseUrls.sync,
			webhookSecret: 'whsec_emulatorSyncSigningSecret01',
		});
		const webhookId = randomUUID();
		const trigger = await n8n.createWorkflow({
			...triggerWorkflow('sync', syncCredential, webhookId),
			name: 'Queue sync trigger',
		});
		const activated = await n8n.activate(trigger.id);
		check(
			'sync trigger: activated in queue mode',
			activated.status === 200,
			activated.status === 200 ? '' : activated.text.slice(0, 300),
		);
		await emulators.control('sync').config({ stageMs: 50 });
		await emulators.control('sync').api('POST', '/v2/generate', {
			model: 'lipsync-2',
			input: [
				{ type: 'video', url: 'https://media.example.com/q.mp4' },
				{ type: 'audio', url: 'https://media.example.com/q.wav' },
			],
			webhookUrl: `${n8n.url}/webhook/${webhookId}/sync`,
		});
		const triggered = await waitFor(async () =>
			(await n8n.executions(trigger.id)).find((execution) => execution.status === 'success'),
		);
		check(
			'sync trigger: the signed webhook started a successful execution',
			Boolean(triggered),
			triggered ? `execution ${triggered.id}` : 'none',
		);
		if (triggered) executionIds.push(triggered.id);

		const onWorker = await waitFor(
			() => {
				const log = worker.log();
				return executionIds.every((id) => new RegExp(`execution ${id}\\b`).test(log));
			},
			{ timeoutMs: 5_000 },
		);
		check(
			`the worker ran all ${executionIds.length} executions (its log names each)`,
			executionIds.length === 6 && onWorker,
			`ids ${executionIds.join(', ')}; worker log: ${worker
				.log()
				.split('\n')
				.filter((line) => /execution/i.test(line))
				.slice(-3)
				.join(' | ')}`,
		);
	} catch (error) {
		check('queue run completed', false, String(error?.stack ?? error));
		console.error(n8n.logTail());
	} finally {
		await worker?.stop();
		await n8n.stop();
		emulators.stop();
		redis.stop();
	}
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
