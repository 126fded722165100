#!/usr/bin/env node
// `npm run dev`: the whole sandbox in one command. Builds the package, starts the five service
// emulators, and starts a real n8n (SQLite) on http://localhost:5678 with the package installed,
// sandbox credentials pointing at the emulators and the use-case workflows in examples/ imported.
// The first run installs n8n into ~/.cache (about 6 minutes); later runs start in seconds.
// Ctrl-C stops everything it started.  Env: N8N_PORT (5678), SANDBOX_BASE_PORT (4010; 0 for
// free ports), SANDBOX_DIR (~/.cache/n8n-nodes-creator-suite/sandbox: the n8n user folder, the
// packed package and the import files), SANDBOX_EMULATORS_ONLY=1 to skip n8n.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const repo = path.resolve(import.meta.dirname, '..');
const BASE_PORT = Number(process.env.SANDBOX_BASE_PORT ?? 4010);
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const sandboxDir =
	process.env.SANDBOX_DIR ??
	path.join(os.homedir(), '.cache', 'n8n-nodes-creator-suite', 'sandbox');

console.log('Building the package…');
execFileSync('npm', ['run', '-s', 'build'], { cwd: repo, stdio: 'inherit' });

const emulators = spawn(
	process.execPath,
	['--import', 'tsx', 'test/emulators/cli.ts', '--base-port', String(BASE_PORT), '--json'],
	{
		cwd: repo,
		stdio: ['ignore', 'pipe', 'inherit'],
	},
);
const { baseUrls, keys } = await new Promise((resolve, reject) => {
	readline
		.createInterface({ input: emulators.stdout })
		.once('line', (line) => resolve(JSON.parse(line)));
	emulators.once('exit', (code) =>
		reject(new Error(`the emulators exited (${code}); is port ${BASE_PORT} in use?`)),
	);
});
console.log('\nSandbox emulators (Base URL and an API key each accepts):');
for (const [service, url] of Object.entries(baseUrls))
	console.log(`  ${service.padEnd(13)} ${url.padEnd(34)} ${keys[service]}`);

// One lead, so the Synaptiq demo (Lead → Get Many) has something to show.
await fetch(`${baseUrls.synaptiq}/leads`, {
	method: 'POST',
	headers: { authorization: `Bearer ${keys.synaptiq}`, 'content-type': 'application/json' },
	body: JSON.stringify({ email: 'demo@example.com', name: 'Demo Lead', company: 'Sandbox Inc' }),
});

// Also on any exit path (the n8n helper's own signal handler exits the process straight away).
process.on('exit', () => {
	if (emulators.exitCode === null) emulators.kill('SIGTERM');
});

let n8n;
const stop = async () => {
	if (n8n) await n8n.stop();
	if (emulators.exitCode === null) emulators.kill('SIGTERM');
	process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

if (process.env.SANDBOX_EMULATORS_ONLY) {
	console.log('\nPress Ctrl-C to stop.');
} else {
	const { startN8n } = await import('../test/e2e/n8n-server.mjs');
	const { EXAMPLE_FILES_DIR, loadExamples, sandboxCredentials } =
		await import('../test/e2e/fixtures.mjs');
	mkdirSync(sandboxDir, { recursive: true });
	mkdirSync(EXAMPLE_FILES_DIR, { recursive: true });
	const { packPackage } = await import('../test/e2e/lib.mjs');
	const packed = packPackage(sandboxDir);
	// Fixed ids, so every run overwrites the same credentials and workflows instead of adding copies;
	// the examples reference these credentials by id and name.
	const credentials = sandboxCredentials(baseUrls, keys);
	// HeyGen's OAuth2 credential, with a client id registered at the emulator (its clients live in
	// memory, so every run registers anew); open it and click Connect to run the PKCE grant.
	const registration = await fetch(`${baseUrls.heygen}/v1/oauth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const { client_id: clientId } = await registration.json();
	const oauthCredential = {
		id: 'sandboxheygenoa2',
		name: 'heygen OAuth2 (sandbox)',
		type: 'heyGenOAuth2Api',
		data: { clientId, baseUrl: baseUrls.heygen },
	};
	// The use-case workflows in examples/, each with sticky notes, using the credentials above.
	const workflows = loadExamples().map(({ workflow }) => workflow);
	writeFileSync(
		path.join(sandboxDir, 'credentials.json'),
		JSON.stringify([...credentials, oauthCredential]),
	);
	writeFileSync(path.join(sandboxDir, 'workflows.json'), JSON.stringify(workflows));
	console.log(
		`\nStarting n8n on http://localhost:${N8N_PORT} (the first run installs it: about 6 minutes)…`,
	);
	n8n = await startN8n({
		packageTarball: packed.tarball,
		userFolder: path.join(sandboxDir, 'n8n-user'),
		port: N8N_PORT,
		env: {
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			WEBHOOK_URL: `http://localhost:${N8N_PORT}/`,
			// The lip-sync example saves its MP4 there (n8n 2.x writes files only where allowed).
			N8N_RESTRICT_FILE_ACCESS_TO:
				process.env.N8N_RESTRICT_FILE_ACCESS_TO ?? `~/.n8n-files;${EXAMPLE_FILES_DIR}`,
		},
		beforeStart: async (cli) => {
			for (const [kind, file] of [
				['credentials', 'credentials.json'],
				['workflow', 'workflows.json'],
			]) {
				const result = await cli([`import:${kind}`, `--input=${path.join(sandboxDir, file)}`]);
				if (result.code !== 0) throw new Error(`importing ${kind} failed:\n${result.failure()}`);
			}
		},
	});
	await n8n.setupOwnerAndLogin();
	console.log(
		`\nn8n is ready: http://localhost:${N8N_PORT}  (sign in as owner@example.com / Password1234)`,
	);
	console.log(
		'Credentials "<service> (sandbox)" point at the emulators; open any "Example: …" workflow (examples/) and run it.',
	);
	console.log(
		'"heygen OAuth2 (sandbox)" has a registered Client ID: open it and click Connect to try the OAuth2 grant.',
	);
	console.log(`n8n log: ${n8n.logFile}\nPress Ctrl-C to stop.`);
}
