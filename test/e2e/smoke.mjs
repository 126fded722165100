#!/usr/bin/env node
// `npm run test:e2e`: the packed package in a real n8n 2.x server. n8n must list every
// credential type and node, and each credential's Test button (n8n's REST API) must pass with
// a good key and fail with the service's message for a bad one, against the emulators.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { startN8n } from './n8n-server.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const results = [];
function check(name, ok, detail = '') {
	results.push({ name, ok });
	console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const SERVICES = {
	sync: { credential: 'syncApi', node: 'sync', testPath: '/v2/models', header: 'x-api-key' },
	heygen: { credential: 'heyGenApi', node: 'heyGen', testPath: '/v3/users/me', header: 'x-api-key' },
	viralsync: { credential: 'viralSyncApi', node: 'viralSync', testPath: '/v1/me', header: 'x-api-key' },
	socialsyncer: { credential: 'socialSyncerApi', node: 'socialSyncer', testPath: '/v1/accounts', header: 'authorization' },
	synaptiq: { credential: 'synaptiqApi', node: 'synaptiq', testPath: '/api/v1/leads', header: 'authorization' },
};

async function startEmulators() {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/cli.ts', '--json'], {
		cwd: repo,
		detached: true,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve, reject) => {
		readline.createInterface({ input: child.stdout }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`emulators exited with ${code}`)));
	});
	return { child, ...JSON.parse(line) };
}

async function main() {
	const totalStart = Date.now();
	const packDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'));
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: repo, encoding: 'utf8' }));
	const tarball = path.join(packDir, packed.filename);
	console.log(`packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KB)`);

	const emulators = await startEmulators();
	const n8n = await startN8n({ packageTarball: tarball });
	console.log(`n8n healthy after ${(n8n.healthyAfterMs / 1000).toFixed(1)} s at ${n8n.url}`);
	try {
		await n8n.setupOwnerAndLogin();

		const credentialTypes = await n8n.credentialTypes();
		const credentialNames = new Set(credentialTypes.map((type) => type.name));
		const nodeTypes = await n8n.nodeTypes();
		const nodeNames = new Set(nodeTypes.map((type) => type.name));
		for (const [service, spec] of Object.entries(SERVICES)) {
			check(`n8n lists the ${spec.credential} credential type`, credentialNames.has(spec.credential));
			const nodeName = `${pkg.name}.${spec.node}`;
			check(`n8n lists the ${nodeName} node`, nodeNames.has(nodeName), service);
		}

		for (const [service, spec] of Object.entries(SERVICES)) {
			const baseUrl = emulators.baseUrls[service];
			const origin = new URL(baseUrl).origin;
			await fetch(`${origin}/__emulator/requests`, { method: 'DELETE' });

			const good = { apiKey: emulators.keys[service], baseUrl };
			const created = await n8n.createCredential(spec.credential, `${service} sandbox`, good);
			const passed = await n8n.testCredential(created.id, spec.credential, `${service} sandbox`, good);
			check(`${spec.credential}: good key passes the Test button`, passed.status === 'OK', passed.message);

			const bad = { apiKey: 'smoke-wrong-key-0000', baseUrl };
			const failed = await n8n.testCredential(created.id, spec.credential, `${service} sandbox`, bad);
			check(`${spec.credential}: wrong key fails with the service's message`, failed.status === 'Error' && /401/.test(failed.message), failed.message);

			const log = await (await fetch(`${origin}/__emulator/requests`)).json();
			const goodRequest = log.find((entry) => entry.status === 200);
			const expectedHeader = spec.header === 'authorization' ? `Bearer ${good.apiKey}` : good.apiKey;
			check(
				`${spec.credential}: n8n injected ${spec.header} and called ${spec.testPath}`,
				goodRequest?.path === spec.testPath && goodRequest.headers[spec.header] === expectedHeader,
				goodRequest ? `${goodRequest.method} ${goodRequest.path}` : 'no successful request logged',
			);
		}
	} catch (error) {
		check('smoke run completed', false, String(error?.message ?? error));
		console.error(n8n.logTail());
	} finally {
		await n8n.stop();
		try {
			process.kill(-emulators.child.pid, 'SIGTERM');
		} catch {}
	}
	const failed = results.filter((result) => !result.ok).length;
	console.log(`\nreal n8n smoke took ${((Date.now() - totalStart) / 1000).toFixed(1)} s`);
	console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
	process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
