/**
 * Synaptiq key scopes (read, write, admin) against the Synaptiq emulator: every operation with a key
 * of each scope, and the credential's Key Scope refusing before any request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const { liveRead, liveWrite, liveAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));

describe('Scopes', () => {
	// Every operation with the scope it needs (docs/api/synaptiq.md "Auth") and the parameters to run it.
	const operations: Array<[string, 'read' | 'write' | 'admin', INodeParameters]> = [
		['lead list', 'read', { resource: 'lead', operation: 'getAll', returnAll: false, limit: 1 }],
		[
			'lead search',
			'read',
			{ resource: 'lead', operation: 'search', query: 'x', returnAll: false, limit: 1 },
		],
		[
			'conversation list',
			'read',
			{ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 1 },
		],
		['analytics', 'read', { resource: 'analytics', operation: 'getOverview', granularity: 'day' }],
		[
			'lead create',
			'write',
			{ resource: 'lead', operation: 'create', email: 'scope@example.com', name: 'Scope' },
		],
		[
			'chat',
			'write',
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v1', message: 'Hi' },
		],
		[
			'lead delete',
			'admin',
			{ resource: 'lead', operation: 'delete', leadId: 'lead_00000000000000000000000000' },
		],
		[
			'webhook list',
			'admin',
			{ resource: 'webhook', operation: 'getAll', returnAll: false, limit: 1 },
		],
		[
			'webhook create',
			'admin',
			{
				resource: 'webhook',
				operation: 'create',
				url: 'https://hooks.example.com/x',
				events: ['lead.created'],
			},
		],
	];
	const keys = { read: liveRead, write: liveWrite, admin: liveAdmin } as const;
	const rank = { read: 0, write: 1, admin: 2 };

	it.each(
		operations.flatMap(([name, needed, parameters]) =>
			(['read', 'write', 'admin'] as const).map(
				(keyScope) => [name, needed, keyScope, parameters] as const,
			),
		),
	)('%s (needs %s) with a %s key', async (_name, needed, keyScope, parameters) => {
		const result = await run(parameters, { key: keys[keyScope] });
		if (rank[keyScope] >= rank[needed]) {
			// Allowed: Synaptiq answered (404 for the made-up lead id is fine); no 403.
			expect(calls().every((entry) => entry.status !== 403)).toBe(true);
		} else {
			expect(result.error?.httpCode).toBe('403');
			expect(result.error?.description).toContain(`the operation needs a ${needed}-scope key`);
		}
	});

	it('with the key scope set in the credential, refuses before any request, naming the scope', async () => {
		const result = await run(
			{ resource: 'lead', operation: 'delete', leadId: 'lead_x' },
			{ key: liveWrite, credentials: { keyScope: 'write' } },
		);
		expect(result.error?.message).toBe(
			"This operation needs a admin-scope Synaptiq key; the credential's key is write-scope",
		);
		expect(calls()).toHaveLength(0);
	});
});
