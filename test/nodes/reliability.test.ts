/**
 * Defects found by independent checks, each run in n8n-core's engine against the emulators:
 * a pre-request check keeps its class, downloaded files carry their real type, and "Return All"
 * cannot loop forever on a server that ignores the cursor or page.
 */
import type { NodeApiError } from 'n8n-workflow';

import { TEST_KEYS } from '../emulators';
import { NODE_NAME, runNode, useAllEmulators } from '../harness/workflows';

const emulators = useAllEmulators();

describe('Errors raised before any request keep their class', () => {
	it('Synaptiq Lead → Create with a read-scope key: a NodeOperationError naming the scope, no request', async () => {
		const result = await runNode({
			type: 'synaptiq',
			credentialType: 'synaptiqApi',
			credentials: {
				apiKey: TEST_KEYS.synaptiq.liveRead,
				baseUrl: emulators.current.synaptiq.baseUrl,
				keyScope: 'read',
			},
			parameters: {
				resource: 'lead',
				operation: 'create',
				email: 'scope@example.com',
				name: 'Scope',
			},
		});
		const error = result.error(NODE_NAME);
		// n8n stores the error as a plain copy; its name is the class it was thrown as.
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('needs a write-scope Synaptiq key');
		expect(emulators.current.synaptiq.log).toHaveLength(0);
	});

	it('an answer from the API on the same operation stays a NodeApiError', async () => {
		const result = await runNode({
			type: 'synaptiq',
			credentialType: 'synaptiqApi',
			credentials: {
				apiKey: TEST_KEYS.synaptiq.liveRead,
				baseUrl: emulators.current.synaptiq.baseUrl,
				keyScope: 'unknown',
			},
			parameters: {
				resource: 'lead',
				operation: 'create',
				email: 'scope@example.com',
				name: 'Scope',
			},
		});
		expect(result.error(NODE_NAME)?.name).toBe('NodeApiError');
		expect((result.error(NODE_NAME) as NodeApiError).httpCode).toBe('403');
	});

	it('HeyGen Voice → Delete of a missing voice is done, and a bad ID from a poll stays an API error', async () => {
		const credentials = {
			apiKey: TEST_KEYS.heygen.valid,
			baseUrl: emulators.current.heygen.baseUrl,
		};
		const gone = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials,
			parameters: { resource: 'voice', operation: 'delete', voiceId: 'voice_never_was' },
		});
		expect(gone.output(NODE_NAME)[0].json).toEqual({
			voice_id: 'voice_never_was',
			deleted: true,
			alreadyDeleted: true,
		});
		// A poll whose GET is refused: the NodeApiError is not re-wrapped into an operation error.
		emulators.current.heygen.addFault({ kind: 'status', status: 401, method: 'GET', times: -1 });
		const polled = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials,
			parameters: {
				resource: 'voice',
				operation: 'clone',
				voiceName: 'Mine',
				sampleFrom: 'url',
				sampleUrl: 'https://cdn.example.com/me.mp3',
				waitForCompletion: 'poll',
				pollInterval: 0.05,
				waitTimeout: 1,
			},
		});
		expect(polled.error(NODE_NAME)?.name).toBe('NodeApiError');
		expect((polled.error(NODE_NAME) as NodeApiError).httpCode).toBe('401');
	});
});

describe("Download Output's file type comes from the job kind or the response's Content-Type", () => {
	const credentials = () => ({
		apiKey: TEST_KEYS.heygen.valid,
		baseUrl: emulators.current.heygen.baseUrl,
	});
	const wait = {
		waitForCompletion: 'poll',
		pollInterval: 0.05,
		waitTimeout: 1,
		downloadOutput: true,
	};
	beforeEach(() => {
		emulators.current.heygen.config.stageMs = 20;
	});

	it("a voice clone's preview is audio (audio/mpeg, .mp3), not video/mp4", async () => {
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: credentials(),
			parameters: {
				resource: 'voice',
				operation: 'clone',
				voiceName: 'Mine',
				sampleFrom: 'url',
				sampleUrl: 'https://cdn.example.com/me.mp3',
				...wait,
			},
		});
		const binary = result.output(NODE_NAME)[0].binary!.data;
		expect(binary.mimeType).toBe('audio/mpeg');
		expect(binary.fileName).toMatch(/^clone_\w+\.mp3$/);
	});

	it("an avatar look's image takes the type its server declares (image/jpeg → .jpg)", async () => {
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: credentials(),
			parameters: {
				resource: 'avatarLook',
				operation: 'createPhoto',
				avatarName: 'Me',
				mediaFrom: 'url',
				mediaUrl: 'https://cdn.example.com/me.png',
				...wait,
			},
		});
		const binary = result.output(NODE_NAME)[0].binary!.data;
		expect(binary.mimeType).toBe('image/jpeg');
		expect(binary.fileName).toMatch(/^look_\w+\.jpg$/);
	});

	it('a rendered video stays video/mp4', async () => {
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: credentials(),
			parameters: {
				resource: 'video',
				operation: 'create',
				videoType: 'avatar',
				avatarId: 'Anna_public_office',
				audioSource: 'script',
				script: 'Hi.',
				voiceId: 'voice_en_sara',
				...wait,
			},
		});
		expect(result.output(NODE_NAME)[0].binary!.data).toMatchObject({
			mimeType: 'video/mp4',
			fileName: expect.stringMatching(/\.mp4$/),
		});
	});
});

describe('Return All cannot loop forever', () => {
	it('HeyGen (cursor): a server that sends the same next_token again ends with a clear error', async () => {
		// The server ignores `token`: every page is the same, and it keeps claiming more.
		emulators.current.heygen.addFault({
			kind: 'status',
			status: 200,
			method: 'GET',
			path: '/v3/voices',
			times: -1,
			body: {
				data: [{ voice_id: 'voice_a', name: 'A' }],
				has_more: true,
				next_token: 'always-the-same',
			},
		});
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulators.current.heygen.baseUrl },
			parameters: { resource: 'voice', operation: 'getAll', returnAll: true },
		});
		expect(result.error(NODE_NAME)?.message).toMatch(/The list stopped moving forward/);
		expect(emulators.current.heygen.log.length).toBeLessThanOrEqual(3);
	});

	it('HeyGen (cursor): a new token but nothing new on the page is caught too', async () => {
		emulators.current.heygen.addFault({
			kind: 'status',
			status: 200,
			method: 'GET',
			path: '/v3/voices',
			times: -1,
			body: { data: [{ voice_id: 'voice_a' }], has_more: true, next_token: 'first' },
		});
		const result = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials: { apiKey: TEST_KEYS.heygen.valid, baseUrl: emulators.current.heygen.baseUrl },
			parameters: { resource: 'voice', operation: 'getAll', returnAll: true },
		});
		const page = emulators.current.heygen.log.length;
		expect(result.error(NODE_NAME)?.message).toMatch(/stopped moving forward/);
		expect(page).toBe(2);
	});

	it('Synaptiq (page numbers): a server that ignores `page` ends after the first repeat, with the items it had', async () => {
		emulators.current.synaptiq.addFault({
			kind: 'status',
			status: 200,
			method: 'GET',
			path: '/api/v1/leads',
			times: -1,
			body: {
				data: [{ id: 'lead_1', email: 'a@example.com' }],
				pagination: { page: 1, limit: 100, total: 1000, totalPages: 10, hasMore: true },
			},
		});
		const result = await runNode({
			type: 'synaptiq',
			credentialType: 'synaptiqApi',
			credentials: {
				apiKey: TEST_KEYS.synaptiq.liveAdmin,
				baseUrl: emulators.current.synaptiq.baseUrl,
				keyScope: 'unknown',
			},
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
		});
		expect(result.error(NODE_NAME)?.message).toMatch(
			/page 2 brought no new item.*Stopped after 2 items/,
		);
		expect(emulators.current.synaptiq.log).toHaveLength(2);
	});

	it('a list that really has more pages is still read to its end', async () => {
		const credentials = {
			apiKey: TEST_KEYS.heygen.valid,
			baseUrl: emulators.current.heygen.baseUrl,
		};
		const all = await runNode({
			type: 'heyGen',
			credentialType: 'heyGenApi',
			credentials,
			parameters: { resource: 'voice', operation: 'getAll', returnAll: true },
		});
		expect(all.error(NODE_NAME)).toBeFalsy();
		const ids = all.output(NODE_NAME).map((item) => item.json.voice_id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(1);
	});
});
