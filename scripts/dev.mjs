#!/usr/bin/env node
// `npm run dev`: builds the package and runs the five emulators as a local sandbox on fixed
// ports, printing the Base URL and a working key for each. Ctrl-C stops everything.
import { spawn, execFileSync } from 'node:child_process';

const BASE_PORT = Number(process.env.SANDBOX_BASE_PORT ?? 4010);

console.log('Building the package…');
execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });

const emulators = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/cli.ts', '--base-port', String(BASE_PORT), '--json'], {
	stdio: ['ignore', 'pipe', 'inherit'],
});
emulators.stdout.once('data', (chunk) => {
	const { baseUrls, keys } = JSON.parse(String(chunk));
	console.log('\nSandbox emulators (use these as Base URL and API Key in the credentials):');
	for (const [service, url] of Object.entries(baseUrls)) console.log(`  ${service.padEnd(13)} ${url.padEnd(34)} ${keys[service]}`);
	console.log('\nPress Ctrl-C to stop.');
});
const stop = () => {
	if (emulators.exitCode === null) emulators.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
emulators.on('exit', (code) => process.exit(code ?? 0));
