/**
 * Runs the five emulators as a local sandbox: `tsx test/emulators/cli.ts [--base-port 4010] [--json]`.
 * Prints each service's base URL (or one JSON line with them), and stops on SIGINT/SIGTERM.
 */
import { SERVICES, startAllEmulators, TEST_KEYS, type ServiceName } from './index';

/** A key each sandbox emulator accepts (Synaptiq: an admin-scope live key). */
export const SANDBOX_KEYS: Record<ServiceName, string> = {
	sync: TEST_KEYS.sync.valid,
	heygen: TEST_KEYS.heygen.valid,
	viralsync: TEST_KEYS.viralsync.valid,
	socialsyncer: TEST_KEYS.socialsyncer.valid,
	synaptiq: TEST_KEYS.synaptiq.liveAdmin,
};

async function main() {
	const args = process.argv.slice(2);
	const basePortArg = args.indexOf('--base-port');
	const basePort = basePortArg >= 0 ? Number(args[basePortArg + 1]) : 0;
	const ports = Object.fromEntries(
		SERVICES.map((service, index) => [service, basePort ? basePort + index : 0]),
	) as Record<ServiceName, number>;
	const emulators = await startAllEmulators(ports);
	const urls = Object.fromEntries(SERVICES.map((service) => [service, emulators[service].baseUrl]));
	if (args.includes('--json')) {
		process.stdout.write(
			JSON.stringify({ ready: true, pid: process.pid, baseUrls: urls, keys: SANDBOX_KEYS }) + '\n',
		);
	} else {
		for (const service of SERVICES)
			process.stdout.write(
				`${service.padEnd(13)} ${urls[service].padEnd(34)} ${SANDBOX_KEYS[service]}\n`,
			);
	}
	const stop = async () => {
		await emulators.closeAll();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
