// Helpers the real-n8n suites share: named checks with a summary, the emulators as a child
// process, their control API, and polling with a deadline.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const repo = path.resolve(import.meta.dirname, '../..');

/** `npm pack` of the repository into `destination` (default: a new temporary folder): the tarball's path, name and size. */
export function packPackage(destination = mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'))) {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
			cwd: repo,
			encoding: 'utf8',
		}),
	);
	return {
		tarball: path.join(destination, packed.filename),
		filename: packed.filename,
		size: packed.size,
	};
}

/** Named pass/fail checks, printed as they happen; `finish()` prints the summary and the exit code. */
export function checks(suite) {
	const results = [];
	const startedAt = Date.now();
	return {
		check(name, ok, detail = '') {
			results.push({ name, ok: Boolean(ok) });
			console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
			return Boolean(ok);
		},
		finish() {
			const failed = results.filter((result) => !result.ok).length;
			console.log(
				`\n${suite}: ${results.length - failed} passed, ${failed} failed, ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
			);
			return failed === 0 && results.length > 0 ? 0 : 1;
		},
	};
}

/** The five emulators in a child process group (test/emulators/cli.ts); `stop()` ends that group. */
export async function startEmulators() {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/cli.ts', '--json'], {
		cwd: repo,
		detached: true,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve, reject) => {
		readline.createInterface({ input: child.stdout }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`emulators exited with ${code}`)));
	});
	const { baseUrls, keys } = JSON.parse(line);
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Gone already, or not answering yet: nothing to do.
		}
	};
	process.on('exit', stop);
	return {
		child,
		baseUrls,
		keys,
		stop,
		control: (service) => emulatorControl(baseUrls[service], keys[service], service),
	};
}

/** One emulator's control API (/__emulator/…) and authenticated calls to its service API. */
export function emulatorControl(baseUrl, key, service) {
	const origin = new URL(baseUrl).origin;
	const authHeader = ['socialsyncer', 'synaptiq'].includes(service)
		? { authorization: `Bearer ${key}` }
		: { 'x-api-key': key };
	const json = async (response) => {
		const text = await response.text();
		try {
			return { status: response.status, body: JSON.parse(text) };
		} catch {
			return { status: response.status, body: text };
		}
	};
	return {
		origin,
		baseUrl,
		requests: async () => (await fetch(`${origin}/__emulator/requests`)).json(),
		clearRequests: () => fetch(`${origin}/__emulator/requests`, { method: 'DELETE' }),
		deliveries: async () => (await fetch(`${origin}/__emulator/deliveries`)).json(),
		config: (values) =>
			fetch(`${origin}/__emulator/config`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(values),
			}),
		/** A call to the service's own API with the sandbox key (path relative to the Base URL). */
		api: async (method, route, body) =>
			json(
				await fetch(`${baseUrl}${route}`, {
					method,
					headers: {
						...authHeader,
						...(body === undefined ? {} : { 'content-type': 'application/json' }),
					},
					body: body === undefined ? undefined : JSON.stringify(body),
				}),
			),
	};
}

/** Polls `probe` until it answers something truthy or the deadline passes (then answers the last value). */
export async function waitFor(probe, { timeoutMs = 15_000, intervalMs = 200 } = {}) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value || Date.now() > until) return value;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
