#!/usr/bin/env node
// `npm run test:e2e` (dev part): `npm run dev` itself, as a new user runs it. It starts in its own
// process group on a free n8n port, free emulator ports (SANDBOX_BASE_PORT=0) and a fresh sandbox
// folder in a temporary directory (SANDBOX_DIR), so the shared ~/.cache sandbox and port 5678 are
// never touched. Once it prints "n8n is ready", every imported example is run through n8n's REST
// API with the checks of test/e2e/examples.mjs; then the group gets SIGINT (Ctrl-C) and n8n, its
// task runner and the emulators (every process `npm run dev` started) must be gone and their
// ports closed.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { ensureN8n } from '../../scripts/ensure-n8n.mjs';
import { runExamples } from './examples.mjs';
import { loadExamples } from './fixtures.mjs';
import { checks, emulatorControl, repo, waitFor } from './lib.mjs';
import { freePort, restClient } from './n8n-server.mjs';

const { check, finish } = checks('dev e2e');
const READY_TIMEOUT_MS = 600_000;

/** Every live process below `root` (from /proc), with `root` itself. */
function processTree(root) {
	const children = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command (which may hold spaces): state, ppid, …
			const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const list = children.get(Number(ppid)) ?? [];
			list.push(Number(entry));
			children.set(Number(ppid), list);
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
	}
	const tree = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.shift();
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

const commandOf = (pid) => {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
	} catch {
		return '?';
	}
};

/** True while the process exists and is not a zombie. */
function alive(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

/** True when something accepts connections on 127.0.0.1:port. */
const listening = (port) =>
	new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});

/** A REST client for the n8n `npm run dev` started: login, runs, decoded executions. */
async function n8nClient(url) {
	const { n8nBin } = await ensureN8n();
	const flatted = createRequire(n8nBin).call(null, 'flatted');
	const { rest } = restClient(url);
	return {
		url,
		rest,
		async login() {
			// The owner `npm run dev` set up (it prints these).
			return await rest('POST', '/rest/login', {
				emailOrLdapLoginId: 'owner@example.com',
				password: 'Password1234',
			});
		},
		async createWorkflow(workflow) {
			const answer = await rest('POST', '/rest/workflows', {
				settings: {},
				...workflow,
				active: false,
			});
			if (answer.status !== 200)
				throw new Error(`create workflow ${workflow.name}: ${answer.status} ${answer.text}`);
			return answer.json.data;
		},
		async workflows() {
			const answer = await rest('GET', '/rest/workflows');
			return answer.json?.data ?? [];
		},
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
		outputOf(execution, nodeName) {
			return execution.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0];
		},
	};
}

async function main() {
	const sandboxDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-dev-e2e-'));
	const n8nPort = await freePort();
	const startedAt = Date.now();
	// Its own process group, as a terminal runs it: SIGINT to the group is Ctrl-C.
	const dev = spawn('npm', ['run', 'dev'], {
		cwd: repo,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			N8N_PORT: String(n8nPort),
			SANDBOX_BASE_PORT: '0',
			SANDBOX_DIR: sandboxDir,
		},
	});
	const logFile = path.join(sandboxDir, 'npm-run-dev.log');
	const log = createWriteStream(logFile);
	dev.stderr.pipe(log);
	const exited = new Promise((resolve) =>
		dev.once('exit', (code, signal) => resolve({ code, signal })),
	);
	const baseUrls = {};
	const keys = {};
	let readyUrl;
	const ready = new Promise((resolve, reject) => {
		const lines = readline.createInterface({ input: dev.stdout });
		lines.on('line', (line) => {
			log.write(`${line}\n`);
			const service =
				/^\s+(sync|heygen|viralsync|socialsyncer|synaptiq)\s+(https?:\/\/\S+)\s+(\S+)$/.exec(line);
			if (service) {
				baseUrls[service[1]] = service[2];
				keys[service[1]] = service[3];
			}
			const isReady = /^n8n is ready: (https?:\/\/\S+)/.exec(line);
			if (isReady) {
				readyUrl = isReady[1];
				resolve();
			}
		});
		void exited.then(({ code, signal }) =>
			reject(new Error(`npm run dev exited (${code ?? signal}) before n8n was ready`)),
		);
		setTimeout(
			() => reject(new Error(`no "n8n is ready" in ${READY_TIMEOUT_MS / 1000} s`)),
			READY_TIMEOUT_MS,
		).unref();
	});
	const tail = () => readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
	let tree = [dev.pid];
	try {
		await ready;
		const readyAfter = (Date.now() - startedAt) / 1000;
		check(
			`npm run dev prints "n8n is ready" on the free port with a fresh sandbox folder`,
			readyUrl === `http://localhost:${n8nPort}`,
			`${readyUrl} after ${readyAfter.toFixed(1)} s`,
		);
		check(
			'npm run dev lists the five emulators (Base URL and key each)',
			Object.keys(baseUrls).length === 5,
			Object.values(baseUrls).join(' '),
		);
		const n8n = await n8nClient(`http://127.0.0.1:${n8nPort}`);
		const login = await n8n.login();
		check('the owner npm run dev set up can sign in', login.status === 200, `${login.status}`);
		const examples = loadExamples();
		const imported = new Set((await n8n.workflows()).map((workflow) => workflow.id));
		check(
			'every example in examples/ is imported',
			examples.every(({ workflow }) => imported.has(workflow.id)),
			`${imported.size} workflows`,
		);
		const emulators = {
			baseUrls,
			control: (service) => emulatorControl(baseUrls[service], keys[service], service),
		};
		await runExamples({ n8n, emulators, examples, check });

		// Everything `npm run dev` started, just before Ctrl-C.
		tree = processTree(dev.pid);
		console.log(
			`processes: ${tree.map((pid) => `${pid} ${commandOf(pid)}`).join('\n           ')}`,
		);
		const ports = [n8nPort, ...Object.values(baseUrls).map((url) => Number(new URL(url).port))];
		const stoppedAt = Date.now();
		process.kill(-dev.pid, 'SIGINT');
		const result = await Promise.race([
			exited,
			new Promise((resolve) => setTimeout(() => resolve(undefined), 60_000)),
		]);
		check(
			'Ctrl-C (SIGINT): npm run dev exits',
			result !== undefined,
			result
				? `code ${result.code ?? result.signal} after ${(Date.now() - stoppedAt) / 1000} s`
				: 'still running after 60 s',
		);
		const gone = await waitFor(() => tree.every((pid) => !alive(pid)), {
			timeoutMs: 30_000,
			intervalMs: 200,
		});
		check(
			`Ctrl-C: n8n, its task runner and the emulators are gone (${tree.length} processes)`,
			gone,
			gone
				? `${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after SIGINT`
				: `alive: ${tree
						.filter(alive)
						.map((pid) => `${pid} ${commandOf(pid)}`)
						.join('; ')}`,
		);
		const open = [];
		for (const port of ports) if (await listening(port)) open.push(port);
		check(
			`Ctrl-C: the n8n port and the five emulator ports are closed`,
			open.length === 0,
			open.length ? `still listening: ${open.join(', ')}` : ports.join(', '),
		);
	} catch (error) {
		check('npm run dev e2e completed', false, String(error?.stack ?? error));
		console.error(tail());
		try {
			const n8nLog = readFileSync(path.join(sandboxDir, 'n8n-user', 'n8n.log'), 'utf8');
			console.error(n8nLog.split('\n').slice(-40).join('\n'));
		} catch {
			// No n8n log (it never started): nothing to show.
		}
	} finally {
		// Whatever is left of what this suite started (a failed run): end it by its pid.
		for (const pid of [...new Set([...tree, ...processTree(dev.pid)])])
			if (alive(pid)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Gone already, or not answering yet: nothing to do.
				}
			}
		log.end();
		if (!process.env.KEEP_SANDBOX) rmSync(sandboxDir, { recursive: true, force: true });
	}
	process.exit(finish());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
