/**
 * Each credential's Test button, run through n8n's credential-test path (RoutingNode in
 * n8n-core's engine) against the emulators over real HTTP.
 */
import { testCredential } from '../harness/engine';
import { TEST_KEYS, UNKNOWN_KEY } from '../emulators';
import { useAllEmulators } from '../harness/workflows';

const emulatorSet = useAllEmulators();

describe('Sync credential', () => {
	it('passes with a valid key, sending it as x-api-key to GET /v2/models', async () => {
		const result = await testCredential('syncApi', {
			apiKey: TEST_KEYS.sync.valid,
			baseUrl: emulatorSet.current.sync.baseUrl,
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = emulatorSet.current.sync.log;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/v2/models');
		expect(request.headers['x-api-key']).toBe(TEST_KEYS.sync.valid);
		expect(request.headers.authorization).toBeUndefined();
	});

	it('trims whitespace a pasted key carries', async () => {
		const result = await testCredential('syncApi', {
			apiKey: `  ${TEST_KEYS.sync.valid}\n`,
			baseUrl: emulatorSet.current.sync.baseUrl,
		});
		expect(result.status).toBe('OK');
	});

	it.each([
		['a wrong key', UNKNOWN_KEY],
		['a missing key', ''],
	])('fails with %s, saying what Sync answered', async (_case, apiKey) => {
		const result = await testCredential('syncApi', {
			apiKey,
			baseUrl: emulatorSet.current.sync.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Sync rejected the API key (401)');
		expect(emulatorSet.current.sync.log.every((entry) => entry.status === 401)).toBe(true);
	});
});

describe('HeyGen credential', () => {
	it('passes with a valid key, sending X-Api-Key to GET /v3/users/me', async () => {
		const result = await testCredential('heyGenApi', {
			apiKey: TEST_KEYS.heygen.valid,
			baseUrl: emulatorSet.current.heygen.baseUrl,
		});
		expect(result.status).toBe('OK');
		const [request] = emulatorSet.current.heygen.log;
		expect(request.path).toBe('/v3/users/me');
		expect(request.headers['x-api-key']).toBe(TEST_KEYS.heygen.valid);
	});

	it('fails with a wrong key', async () => {
		const result = await testCredential('heyGenApi', {
			apiKey: UNKNOWN_KEY,
			baseUrl: emulatorSet.current.heygen.baseUrl,
		});
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('401 unauthorized'),
		});
	});

	it('explains the 403 of a workspace key without user-read scope', async () => {
		const result = await testCredential('heyGenApi', {
			apiKey: TEST_KEYS.heygen.noUserRead,
			baseUrl: emulatorSet.current.heygen.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('user-read scope');
	});
});

describe('ViralSync credential', () => {
	it('passes with a Pro key, sending only x-api-key to GET /v1/me', async () => {
		const result = await testCredential('viralSyncApi', {
			apiKey: TEST_KEYS.viralsync.valid,
			baseUrl: emulatorSet.current.viralsync.baseUrl,
		});
		expect(result.status).toBe('OK');
		const [request] = emulatorSet.current.viralsync.log;
		expect(request.path).toBe('/v1/me');
		expect(request.headers['x-api-key']).toBe(TEST_KEYS.viralsync.valid);
		expect(request.headers.authorization).toBeUndefined();
	});

	it.each([
		['a revoked key', TEST_KEYS.viralsync.revoked, 'API_KEY_REVOKED'],
		['a wrong key', UNKNOWN_KEY, 'UNAUTHORIZED'],
		['a missing key', '', 'UNAUTHORIZED'],
	])('fails with %s', async (_case, apiKey, code) => {
		const result = await testCredential('viralSyncApi', {
			apiKey,
			baseUrl: emulatorSet.current.viralsync.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Missing or invalid API key, or the key has been revoked');
		// The emulator answered with the code the contract gives for this case.
		const [answer] = emulatorSet.current.viralsync.log;
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.responseBody!).code).toBe(code);
	});

	it('tells a Free-plan user that the API needs Pro', async () => {
		const result = await testCredential('viralSyncApi', {
			apiKey: TEST_KEYS.viralsync.free,
			baseUrl: emulatorSet.current.viralsync.baseUrl,
		});
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('not available on the Free plan'),
		});
	});
});

describe('SocialSyncer credential', () => {
	it('passes with a valid key, sending Authorization: Bearer to GET /v1/accounts', async () => {
		const result = await testCredential('socialSyncerApi', {
			apiKey: TEST_KEYS.socialsyncer.valid,
			baseUrl: emulatorSet.current.socialsyncer.baseUrl,
		});
		expect(result.status).toBe('OK');
		const [request] = emulatorSet.current.socialsyncer.log;
		expect(request.path).toBe('/v1/accounts');
		expect(request.headers.authorization).toBe(`Bearer ${TEST_KEYS.socialsyncer.valid}`);
	});

	it.each([
		['a revoked key', TEST_KEYS.socialsyncer.revoked],
		['a wrong key', UNKNOWN_KEY],
		['a missing key', ''],
	])('fails with %s', async (_case, apiKey) => {
		const result = await testCredential('socialSyncerApi', {
			apiKey,
			baseUrl: emulatorSet.current.socialsyncer.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('SocialSyncer: Invalid API key (401)');
	});
});

describe('Synaptiq credential', () => {
	it('passes with a read-scope live key, calling GET /leads?limit=1 under /api/v1', async () => {
		const result = await testCredential('synaptiqApi', {
			apiKey: TEST_KEYS.synaptiq.liveRead,
			baseUrl: emulatorSet.current.synaptiq.baseUrl,
		});
		expect(result.status).toBe('OK');
		const [request] = emulatorSet.current.synaptiq.log;
		expect(request.path).toBe('/api/v1/leads');
		expect(request.query).toEqual({ limit: '1' });
		expect(request.headers.authorization).toBe(`Bearer ${TEST_KEYS.synaptiq.liveRead}`);
	});

	it('passes with a sandbox key', async () => {
		const result = await testCredential('synaptiqApi', {
			apiKey: TEST_KEYS.synaptiq.testAdmin,
			baseUrl: emulatorSet.current.synaptiq.baseUrl,
		});
		expect(result.status).toBe('OK');
	});

	it.each([
		['a revoked key', TEST_KEYS.synaptiq.revoked],
		['a wrong key', UNKNOWN_KEY],
		['a missing key', ''],
	])('fails with %s, quoting Synaptiq', async (_case, apiKey) => {
		const result = await testCredential('synaptiqApi', {
			apiKey,
			baseUrl: emulatorSet.current.synaptiq.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'Invalid or missing API key. Provide a valid Bearer token in the Authorization header',
		);
	});

	it('fails when the plan lost API access', async () => {
		const result = await testCredential('synaptiqApi', {
			apiKey: TEST_KEYS.synaptiq.planInsufficient,
			baseUrl: emulatorSet.current.synaptiq.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('plan_insufficient');
	});
});

describe('Base URL', () => {
	it.each([
		['syncApi', 'http://api.sync.example'],
		['heyGenApi', 'http://10.0.0.8:8080'],
		['viralSyncApi', 'ftp://api.viralsync.io'],
		['socialSyncerApi', 'http://socialsyncer.internal'],
		['synaptiqApi', 'http://synaptiqintel.com/api/v1'],
	])('%s refuses plain http to %s before any request is made', async (type, baseUrl) => {
		const result = await testCredential(type, { apiKey: 'whatever-key-0000', baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Base URL must use https:\/\//);
		expect(result.message).not.toContain('whatever-key-0000');
	});

	it('accepts a trailing slash on the base URL', async () => {
		const result = await testCredential('syncApi', {
			apiKey: TEST_KEYS.sync.valid,
			baseUrl: `${emulatorSet.current.sync.baseUrl}/`,
		});
		expect(result.status).toBe('OK');
		expect(emulatorSet.current.sync.log[0].path).toBe('/v2/models');
	});

	it('defaults to the official URL when the field is left untouched', async () => {
		const { TestCredentialsHelper } = await import('../harness/credentials-helper');
		const helper = new TestCredentialsHelper();
		expect(helper.withDefaults('synaptiqApi', { apiKey: 'k' }).baseUrl).toBe(
			'https://synaptiqintel.com/api/v1',
		);
		expect(helper.withDefaults('syncApi', { apiKey: 'k' }).baseUrl).toBe('https://api.sync.so');
		expect(helper.withDefaults('heyGenApi', { apiKey: 'k' }).baseUrl).toBe(
			'https://api.heygen.com',
		);
		expect(helper.withDefaults('viralSyncApi', { apiKey: 'k' }).baseUrl).toBe(
			'https://api.viralsync.io',
		);
		expect(helper.withDefaults('socialSyncerApi', { apiKey: 'k' }).baseUrl).toBe(
			'https://api.socialsyncerapi.com',
		);
	});
});
