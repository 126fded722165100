// A real n8n server for end-to-end tests: the packed package installed the way n8n's
// community-package installer does, a fresh user folder, free ports, REST login, and a stop
// that ends only the process group this module started.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n } from '../../scripts/ensure-n8n.mjs';

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
function stopAll() {
	for (const child of started) {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {}
	}
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		stopAll();
		process.exit(130);
	});
}

/** Installs a package tarball into `<userFolder>/.n8n/nodes` as n8n's installer does. */
export function installCommunityPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }) + '\n');
	const result = spawnSync('npm', ['install', tarball, '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`installing ${tarball} failed: ${result.stderr}`);
	return nodesDir;
}

/**
 * Options: `userFolder` (default: a new temporary one), `port` (default: a free one), and
 * `beforeStart(cli)` to run n8n CLI commands (imports) on the database before the server starts.
 */
export async function startN8n({ packageTarball, env = {}, healthTimeoutMs = 240_000, userFolder: givenFolder, port: givenPort, beforeStart } = {}) {
	const { nodeBin, n8nBin, nodeDir } = await ensureN8n();
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
	const runCli = (args) => {
		const result = spawnSync(nodeBin, [n8nBin, ...args], {
			env: { ...serverEnv, N8N_RUNNERS_BROKER_PORT: String(cliBrokerPort) },
			encoding: 'utf8',
			timeout: 180_000,
			maxBuffer: 64 * 1024 * 1024,
		});
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};
	if (beforeStart) await beforeStart(runCli);
	const out = createWriteStream(logFile);
	const child = spawn(nodeBin, [n8nBin, 'start'], { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	started.add(child);
	const url = `http://127.0.0.1:${port}`;
	const logTail = () => readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');

	const startedAt = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} before it was healthy:\n${logTail()}`);
		try {
			// /healthz answers while migrations still run; readiness waits for the database.
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) break;
		} catch {}
		if (Date.now() - startedAt > healthTimeoutMs) throw new Error(`n8n did not answer /healthz in ${healthTimeoutMs / 1000} s:\n${logTail()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const healthyAfterMs = Date.now() - startedAt;

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

	const owner = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Password1234' };
	return {
		url,
		port,
		pid: child.pid,
		userFolder,
		logFile,
		healthyAfterMs,
		logTail,
		rest,
		async setupOwnerAndLogin() {
			const setup = await rest('POST', '/rest/owner/setup', owner);
			if (setup.status >= 400 && setup.status !== 400) throw new Error(`owner setup: ${setup.status} ${setup.text}`);
			const login = await rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
			if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
		},
		async nodeTypes() {
			const answer = await rest('GET', '/types/nodes.json');
			if (answer.status !== 200 || !Array.isArray(answer.json)) throw new Error(`/types/nodes.json: ${answer.status} ${answer.text.slice(0, 200)}`);
			return answer.json;
		},
		async credentialTypes() {
			const answer = await rest('GET', '/types/credentials.json');
			if (answer.status !== 200 || !Array.isArray(answer.json)) throw new Error(`/types/credentials.json: ${answer.status} ${answer.text.slice(0, 200)}`);
			return answer.json;
		},
		async createCredential(type, name, data) {
			const answer = await rest('POST', '/rest/credentials', { name, type, data });
			if (answer.status !== 200) throw new Error(`create credential ${type}: ${answer.status} ${answer.text}`);
			return answer.json.data;
		},
		async testCredential(id, type, name, data) {
			const answer = await rest('POST', '/rest/credentials/test', { credentials: { id, name, type, data } });
			if (answer.status !== 200) throw new Error(`test credential ${type}: ${answer.status} ${answer.text}`);
			return answer.json.data;
		},
		cli: runCli,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {}
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {}
			}, 15_000);
			await exited;
			clearTimeout(timer);
			started.delete(child);
		},
	};
}
