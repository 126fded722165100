#!/usr/bin/env node
// `npm run test:e2e`: the packed package in a real n8n 2.x server. n8n must list every
// credential type and node, and each credential's Test button (n8n's REST API) must pass with
// a good key and fail with the service's message for a bad one, against the emulators.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { REVOKED_KEYS, SERVICES, workflowFor } from './fixtures.mjs';
import { startN8n } from './n8n-server.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const results = [];
function check(name, ok, detail = '') {
	results.push({ name, ok });
	console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

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


/** The output items of a node in `n8n execute --rawOutput` (the run data JSON). */
function parseRunOutput(stdout, nodeName) {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start));
		const runData = run.data?.resultData?.runData ?? run.resultData?.runData;
		return runData?.[nodeName]?.[0]?.data?.main?.[0];
	} catch {
		return undefined;
	}
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
	const credentialsByService = {};
	try {
		await n8n.setupOwnerAndLogin();

		const credentialTypes = await n8n.credentialTypes();
		const credentialNames = new Set(credentialTypes.map((type) => type.name));
		const nodeTypes = await n8n.nodeTypes();
		const nodeNames = new Set(nodeTypes.map((type) => type.name));
		for (const spec of Object.values(SERVICES)) {
			check(`n8n lists the ${spec.credential} credential type`, credentialNames.has(spec.credential));
		}
		// Every node the package declares, by the name its class gives itself.
		const require = createRequire(import.meta.url);
		for (const file of pkg.n8n.nodes) {
			for (const NodeClass of Object.values(require(path.join(repo, file)))) {
				const nodeName = `${pkg.name}.${new NodeClass().description.name}`;
				check(`n8n lists the ${nodeName} node`, nodeNames.has(nodeName), file);
			}
		}

		for (const [service, spec] of Object.entries(SERVICES)) {
			const baseUrl = emulators.baseUrls[service];
			const origin = new URL(baseUrl).origin;
			await fetch(`${origin}/__emulator/requests`, { method: 'DELETE' });

			const good = { apiKey: emulators.keys[service], baseUrl };
			const created = await n8n.createCredential(spec.credential, `${service} sandbox`, good);
			const passed = await n8n.testCredential(created.id, spec.credential, `${service} sandbox`, good);
			check(`${spec.credential}: good key passes the Test button`, passed.status === 'OK', passed.message);

			const badKeys = { wrong: 'smoke-wrong-key-0000', missing: '', ...(REVOKED_KEYS[service] ? { revoked: REVOKED_KEYS[service] } : {}) };
			for (const [kind, apiKey] of Object.entries(badKeys)) {
				const failed = await n8n.testCredential(created.id, spec.credential, `${service} sandbox`, { apiKey, baseUrl });
				check(`${spec.credential}: ${kind} key fails with the service's message`, failed.status === 'Error' && /401/.test(failed.message), failed.message);
			}

			const log = await (await fetch(`${origin}/__emulator/requests`)).json();
			credentialsByService[service] = created;
			const goodRequest = log.find((entry) => entry.status === 200);
			const expectedHeader = spec.header === 'authorization' ? `Bearer ${good.apiKey}` : good.apiKey;
			check(
				`${spec.credential}: n8n injected ${spec.header} and called ${spec.testPath}`,
				goodRequest?.path === spec.testPath && goodRequest.headers[spec.header] === expectedHeader,
				goodRequest ? `${goodRequest.method} ${goodRequest.path}` : 'no successful request logged',
			);
		}

		// Each node executed by n8n itself (CLI), against its emulator, with the stored credential.
		const workflowDir = mkdtempSync(path.join(os.tmpdir(), 'n8n-workflows-'));
		const seeded = await fetch(`${emulators.baseUrls.synaptiq}/leads`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulators.keys.synaptiq}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'smoke@example.com', name: 'Smoke Lead' }),
		});
		check('synaptiq: a lead is seeded in the emulator', seeded.status === 201);
		for (const [service, spec] of Object.entries(SERVICES)) {
			const workflow = workflowFor(service, spec, credentialsByService[service]);
			const file = path.join(workflowDir, `${service}.json`);
			writeFileSync(file, JSON.stringify(workflow));
			const imported = n8n.cli(['import:workflow', `--input=${file}`]);
			if (imported.code !== 0) {
				check(`${service}: workflow imported`, false, imported.stderr.slice(-300));
				continue;
			}
			const executed = n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
			const items = parseRunOutput(executed.stdout, 'Under Test');
			check(
				`${service}: n8n executes the ${spec.node} node against the emulator`,
				executed.code === 0 && items !== undefined && spec.expect(items),
				items ? `${items.length} item(s)` : `exit ${executed.code}: ${(executed.stderr || executed.stdout).slice(-300)}`,
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
