// A real n8n server for end-to-end tests: the packed package installed the way n8n's
// community-package installer does, a fresh user folder, free ports, REST login, and a stop
// that ends only the process group this module started.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, N8N_MAJOR } from '../../scripts/ensure-n8n.mjs';

export async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const started = new Set();
let workerCount = 0;
function stopAll() {
	for (const child of started) {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
	}
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		stopAll();
		process.exit(130);
	});
}

const tailOf = (text, lines = 20) => text.trim().split('\n').slice(-lines).join('\n');

/** Why an n8n CLI step failed: its exit code and the tails of stderr and stdout (n8n prints its crash on either). */
export function cliFailure(args, code, stdout, stderr) {
	return [
		`n8n ${args[0]} exited with ${code}`,
		`stderr: ${tailOf(stderr) || '(empty)'}`,
		`stdout: ${tailOf(stdout) || '(empty)'}`,
	].join('\n');
}

/** Installs a package tarball into `<userFolder>/.n8n/nodes` as n8n's installer does. */
export function installCommunityPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }) + '\n',
	);
	const result = spawnSync(
		'npm',
		['install', tarball, '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'],
		{
			cwd: nodesDir,
			encoding: 'utf8',
		},
	);
	if (result.status !== 0) throw new Error(`installing ${tarball} failed: ${result.stderr}`);
	return nodesDir;
}

/**
 * Options: `userFolder` (default: a new temporary one), `port` (default: a free one), and
 * `beforeStart(cli)` to run n8n CLI commands (imports) on the database before the server starts.
 */
/** JSON calls to n8n's REST API that keep the session cookie n8n sets (after login). */
export function restClient(url) {
	let cookie = '';
	async function rest(method, route, body) {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		return { status: response.status, json, text };
	}
	return { rest, cookie: () => cookie };
}

export async function startN8n({
	packageTarball,
	env = {},
	healthTimeoutMs = 240_000,
	userFolder: givenFolder,
	port: givenPort,
	beforeStart,
} = {}) {
	const { nodeBin, n8nBin, nodeDir } = await ensureN8n();
	// n8n's own copy of `flatted`, the format its REST API returns execution data in.
	const flatted = createRequire(n8nBin).call(null, 'flatted');
	const userFolder = givenFolder ?? mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	mkdirSync(userFolder, { recursive: true });
	if (packageTarball) installCommunityPackage(userFolder, packageTarball);
	const port = givenPort ?? (await freePort());
	const brokerPort = await freePort();
	// The CLI runs its own task-runner broker: give it a port of its own beside the server's.
	const cliBrokerPort = await freePort();
	const logFile = path.join(userFolder, 'n8n.log');
	const serverEnv = {
		...process.env,
		PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		...env,
	};
	// Asynchronous on purpose: a blocked event loop would leave stale keep-alive sockets behind.
	const runCli = (args) =>
		new Promise((resolve) => {
			const cli = spawn(nodeBin, [n8nBin, ...args], {
				env: { ...serverEnv, N8N_RUNNERS_BROKER_PORT: String(cliBrokerPort) },
			});
			let stdout = '';
			let stderr = '';
			cli.stdout.on('data', (chunk) => (stdout += chunk));
			cli.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => cli.kill('SIGKILL'), 180_000);
			cli.once('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr, failure: () => cliFailure(args, code, stdout, stderr) });
			});
		});
	if (beforeStart) await beforeStart(runCli);
	// n8n writes its log straight into the file, not through a pipe to this process: when this
	// process dies first, a pipe would break and n8n would spin instead of shutting down.
	const out = openSync(logFile, 'w');
	const child = spawn(nodeBin, [n8nBin, 'start'], {
		env: serverEnv,
		detached: true,
		stdio: ['ignore', out, out],
	});
	closeSync(out);
	started.add(child);
	const url = `http://127.0.0.1:${port}`;
	const logTail = () => readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');

	const startedAt = Date.now();
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited with ${child.exitCode} before it was healthy:\n${logTail()}`);
		try {
			// /healthz answers while migrations still run; readiness waits for the database. On n8n 1.x
			// readiness answers before the REST API does, so the settings route is what counts.
			const response = await fetch(
				`${url}${N8N_MAJOR < 2 ? '/rest/settings' : '/healthz/readiness'}`,
			);
			// n8n 1.x answers "n8n is starting up. Please wait" with 200 until its REST API is up.
			const ready = N8N_MAJOR >= 2 || (response.headers.get('content-type') ?? '').includes('json');
			if (response.ok && ready) break;
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
		if (Date.now() - startedAt > healthTimeoutMs)
			throw new Error(`n8n did not answer /healthz in ${healthTimeoutMs / 1000} s:\n${logTail()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const healthyAfterMs = Date.now() - startedAt;

	const { rest, cookie } = restClient(url);

	const owner = {
		email: 'owner@example.com',
		firstName: 'Test',
		lastName: 'Owner',
		password: 'Password1234',
	};
	return {
		url,
		port,
		pid: child.pid,
		userFolder,
		logFile,
		healthyAfterMs,
		logTail,
		rest,
		/** The session cookie after login, for raw requests (binary downloads). */
		cookie,
		async setupOwnerAndLogin() {
			const setup = await rest('POST', '/rest/owner/setup', owner);
			if (setup.status >= 400 && setup.status !== 400)
				throw new Error(`owner setup: ${setup.status} ${setup.text}`);
			const login = await rest('POST', '/rest/login', {
				emailOrLdapLoginId: owner.email,
				password: owner.password,
			});
			if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
		},
		async nodeTypes() {
			const answer = await rest('GET', '/types/nodes.json');
			if (answer.status !== 200 || !Array.isArray(answer.json))
				throw new Error(`/types/nodes.json: ${answer.status} ${answer.text.slice(0, 200)}`);
			return answer.json;
		},
		async credentialTypes() {
			const answer = await rest('GET', '/types/credentials.json');
			if (answer.status !== 200 || !Array.isArray(answer.json))
				throw new Error(`/types/credentials.json: ${answer.status} ${answer.text.slice(0, 200)}`);
			return answer.json;
		},
		async createCredential(type, name, data) {
			const answer = await rest('POST', '/rest/credentials', { name, type, data });
			if (answer.status !== 200)
				throw new Error(`create credential ${type}: ${answer.status} ${answer.text}`);
			return answer.json.data;
		},
		async testCredential(id, type, name, data) {
			const answer = await rest('POST', '/rest/credentials/test', {
				credentials: { id, name, type, data },
			});
			if (answer.status !== 200)
				throw new Error(`test credential ${type}: ${answer.status} ${answer.text}`);
			return answer.json.data;
		},
		/** Saves a workflow through the editor's REST API; answers its id and versionId. */
		async createWorkflow(workflow) {
			const answer = await rest('POST', '/rest/workflows', {
				settings: {},
				...workflow,
				active: false,
			});
			if (answer.status !== 200)
				throw new Error(
					`create workflow ${workflow.name}: ${answer.status} ${answer.text.slice(0, 500)}`,
				);
			return answer.json.data;
		},
		/** Publishes (activates) a workflow as the editor's toggle does; answers the REST reply. */
		async activate(workflowId) {
			const current = await rest('GET', `/rest/workflows/${workflowId}`);
			if (current.status !== 200)
				throw new Error(
					`get workflow ${workflowId}: ${current.status} ${current.text.slice(0, 300)}`,
				);
			return await rest('POST', `/rest/workflows/${workflowId}/activate`, {
				versionId: current.json.data.versionId,
			});
		},
		async deactivate(workflowId) {
			return await rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		},
		/** The workflow's executions, newest first: { id, status, mode, … }. */
		async executions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const answer = await rest('GET', `/rest/executions?filter=${filter}&limit=100`);
			if (answer.status !== 200)
				throw new Error(`executions: ${answer.status} ${answer.text.slice(0, 300)}`);
			return answer.json.data.results;
		},
		/** One execution with its run data decoded (n8n stores it in `flatted` form). */
		async execution(executionId) {
			const answer = await rest('GET', `/rest/executions/${executionId}`);
			if (answer.status !== 200)
				throw new Error(`execution ${executionId}: ${answer.status} ${answer.text.slice(0, 300)}`);
			const execution = answer.json.data;
			return {
				...execution,
				data: typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data,
			};
		},
		/** The output items of `nodeName` in a decoded execution. */
		outputOf(execution, nodeName) {
			return execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0];
		},
		cli: runCli,
		/**
		 * Queue mode: an `n8n worker` on the same user folder (database, encryption key, installed
		 * package), with its own broker and health ports and its own log (`<name>.log`); answers once
		 * its /healthz/readiness is up.
		 */
		async startWorker({ concurrency = 5, name = `worker-${++workerCount}` } = {}) {
			const healthPort = await freePort();
			const workerLog = path.join(userFolder, `${name}.log`);
			const workerOut = openSync(workerLog, 'w');
			const worker = spawn(nodeBin, [n8nBin, 'worker', `--concurrency=${concurrency}`], {
				env: {
					...serverEnv,
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				},
				detached: true,
				stdio: ['ignore', workerOut, workerOut],
			});
			closeSync(workerOut);
			started.add(worker);
			const exited = new Promise((resolve) =>
				worker.once('exit', (code, signal) => resolve({ code, signal })),
			);
			const workerTail = () => readFileSync(workerLog, 'utf8').split('\n').slice(-40).join('\n');
			const until = Date.now() + healthTimeoutMs;
			for (;;) {
				if (worker.exitCode !== null)
					throw new Error(`n8n worker exited with ${worker.exitCode}:\n${workerTail()}`);
				try {
					if ((await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok) break;
				} catch {
					// Gone already, or not answering yet: nothing to do.
				}
				if (Date.now() > until)
					throw new Error(`n8n worker not ready in ${healthTimeoutMs / 1000} s:\n${workerTail()}`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			/** SIGTERM to `target` (the worker's pid or, negative, its group); SIGKILL to the group after `killAfterMs`. */
			async function terminate(target, killAfterMs) {
				if (worker.exitCode === null && worker.signalCode === null) {
					try {
						process.kill(target, 'SIGTERM');
					} catch {
						// Gone already, or not answering yet: nothing to do.
					}
				}
				const timer = setTimeout(() => {
					try {
						process.kill(-worker.pid, 'SIGKILL');
					} catch {
						// Gone already, or not answering yet: nothing to do.
					}
				}, killAfterMs);
				const result = await exited;
				clearTimeout(timer);
				started.delete(worker);
				return result;
			}
			return {
				name,
				pid: worker.pid,
				log: () => readFileSync(workerLog, 'utf8'),
				/**
				 * n8n's graceful shutdown as `docker stop` starts it: SIGTERM to the worker process alone,
				 * then waiting for it to exit (it drains its running jobs within
				 * N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s by default). Answers its exit code and signal.
				 */
				async shutdown({ killAfterMs = 45_000 } = {}) {
					const result = await terminate(worker.pid, killAfterMs);
					try {
						// Its task runner, if n8n left it behind.
						process.kill(-worker.pid, 'SIGTERM');
					} catch {
						// Gone already, or not answering yet: nothing to do.
					}
					return result;
				},
				async stop() {
					await terminate(-worker.pid, 15_000);
				},
			};
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// Gone already, or not answering yet: nothing to do.
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// Gone already, or not answering yet: nothing to do.
				}
			}, 15_000);
			await exited;
			clearTimeout(timer);
			started.delete(child);
		},
	};
}
