// What the e2e suites and the `npm run dev` sandbox share: per service, the credential type,
// the node and a read-only workflow that runs green against the emulator; the sandbox credentials
// and the use-case workflows in examples/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(
	readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
);

export const SERVICES = {
	sync: {
		credential: 'syncApi',
		node: 'sync',
		testPath: '/v2/models',
		header: 'x-api-key',
		parameters: { resource: 'model', operation: 'getAll' },
		expect: (items) => items.length === 5 && items[0].json.id === 'lipsync-2',
	},
	heygen: {
		credential: 'heyGenApi',
		node: 'heyGen',
		testPath: '/v3/users/me',
		header: 'x-api-key',
		parameters: { resource: 'user', operation: 'getCurrent' },
		expect: (items) => items.length === 1 && items[0].json.billing_type === 'wallet',
	},
	viralsync: {
		credential: 'viralSyncApi',
		node: 'viralSync',
		testPath: '/v1/me',
		header: 'x-api-key',
		parameters: { resource: 'account', operation: 'get' },
		expect: (items) => items.length === 1 && items[0].json.plan === 'pro',
	},
	socialsyncer: {
		credential: 'socialSyncerApi',
		node: 'socialSyncer',
		testPath: '/v1/accounts',
		header: 'authorization',
		parameters: { resource: 'account', operation: 'getAll', platform: 'twitter' },
		expect: (items) => items.length === 1 && items[0].json.platform === 'twitter',
	},
	synaptiq: {
		credential: 'synaptiqApi',
		node: 'synaptiq',
		testPath: '/api/v1/leads',
		header: 'authorization',
		parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
		expect: (items) => items.length === 1 && items[0].json.email === 'smoke@example.com',
	},
};

/** The emulators' revoked keys (test/emulators/keys.ts), where the service has them. */
export const REVOKED_KEYS = {
	viralsync: 'vs_prod_emulatorRevokedKey3b7d05e9c1a4',
	socialsyncer: 'sk_emulatorRevokedKey7a2d9b60e4c13f',
	synaptiq: 'sk_live_emulatorRevokedKey5d2b8e1c9a7f30',
};

/** A workflow that runs one of our nodes after a Manual Trigger, with a stored credential. */
export function workflowFor(service, spec, credential) {
	const nodeType = `${pkg.name}.${spec.node}`;
	return {
		id: `smoke${service}`.slice(0, 16).padEnd(16, '0'),
		name: `Smoke ${service}`,
		active: false,
		settings: {},
		connections: { Start: { main: [[{ node: 'Under Test', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'under-test',
				name: 'Under Test',
				type: nodeType,
				typeVersion: 1,
				position: [200, 0],
				parameters: spec.parameters,
				credentials: { [spec.credential]: { id: credential.id, name: credential.name } },
			},
		],
	};
}

/** The use-case workflows in examples/ (each file one workflow), in file order. */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../examples');
export function loadExamples() {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

/** Where the examples save files (the lip-sync MP4); n8n must be allowed to write there. */
export const EXAMPLE_FILES_DIR = '/tmp/n8n-examples';

/** Signing secrets the emulators use (test/emulators/keys.ts), so Webhook Resume verifies callbacks. */
const SANDBOX_SECRETS = {
	sync: { webhookSecret: 'whsec_emulatorSyncSigningSecret01' },
	viralsync: { webhookSecret: 'vs_cb_secret_emulator_0123456789' },
};

/**
 * The "<service> (sandbox)" credentials, with the fixed ids the examples reference (so every
 * `npm run dev` overwrites them instead of adding copies), for `n8n import:credentials`.
 */
export function sandboxCredentials(baseUrls, keys) {
	return Object.entries(SERVICES).map(([service, spec]) => ({
		id: `sandbox${service}`.slice(0, 16).padEnd(16, '0'),
		name: `${service} (sandbox)`,
		type: spec.credential,
		data: { apiKey: keys[service], baseUrl: baseUrls[service], ...SANDBOX_SECRETS[service] },
	}));
}
