import type { Emulator } from './core';
import { createHeyGenEmulator } from './heygen';
import { createSocialSyncerEmulator } from './socialsyncer';
import { createSynaptiqEmulator } from './synaptiq';
import { createSyncEmulator } from './sync';
import { createViralSyncEmulator } from './viralsync';

export { Emulator } from './core';
export { TEST_KEYS, ALL_TEST_KEYS, UNKNOWN_KEY } from './keys';

export const SERVICES = ['sync', 'heygen', 'viralsync', 'socialsyncer', 'synaptiq'] as const;
export type ServiceName = (typeof SERVICES)[number];

const FACTORIES: Record<ServiceName, () => Emulator> = {
	sync: createSyncEmulator,
	heygen: createHeyGenEmulator,
	viralsync: createViralSyncEmulator,
	socialsyncer: createSocialSyncerEmulator,
	synaptiq: createSynaptiqEmulator,
};

/** The n8n credential type each emulator stands in for. */
export const CREDENTIAL_TYPES: Record<ServiceName, string> = {
	sync: 'syncApi',
	heygen: 'heyGenApi',
	viralsync: 'viralSyncApi',
	socialsyncer: 'socialSyncerApi',
	synaptiq: 'synaptiqApi',
};

export async function startEmulator(
	service: ServiceName,
	port = 0,
	host = '127.0.0.1',
): Promise<Emulator> {
	const emulator = FACTORIES[service]();
	await emulator.start(port, host);
	return emulator;
}

export type EmulatorSet = Record<ServiceName, Emulator> & { closeAll(): Promise<void> };

export async function startAllEmulators(
	ports: Partial<Record<ServiceName, number>> = {},
): Promise<EmulatorSet> {
	const started = await Promise.all(
		SERVICES.map((service) => startEmulator(service, ports[service] ?? 0)),
	);
	const set = Object.fromEntries(
		SERVICES.map((service, index) => [service, started[index]]),
	) as unknown as EmulatorSet;
	set.closeAll = async () => {
		await Promise.all(started.map((emulator) => emulator.close()));
	};
	return set;
}
