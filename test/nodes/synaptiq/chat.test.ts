/** Synaptiq Chat operations in n8n-core's engine against the Synaptiq emulator. */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const { liveRead, liveWrite, liveAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));

describe('Chat → Send Message', () => {
	it('rejects an over-long message and a bad language before any request', async () => {
		const long = await run(
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v', message: 'x'.repeat(4001) },
			{ key: liveWrite },
		);
		expect(long.error?.message).toContain('Message must be at most 4,000 characters');
		const language = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'v',
				message: 'hi',
				chatOptions: { language: 'english' },
			},
			{ key: liveWrite },
		);
		expect(language.error?.message).toContain('ISO 639-1');
		expect(calls()).toHaveLength(0);
	});

	it('reports a closed session as a conflict', async () => {
		const first = await run(
			{ resource: 'chat', operation: 'sendMessage', visitorId: 'v', message: 'hello' },
			{ key: liveWrite },
		);
		const conversationId = String(
			(
				await run(
					{ resource: 'conversation', operation: 'getAll', returnAll: true },
					{ key: liveRead },
				)
			).items[0].json.id,
		);
		(emulator.current.hooks.close as (environment: string, id: string) => void)(
			'live',
			conversationId,
		);
		const again = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'v',
				message: 'still there?',
				chatOptions: { sessionId: String(first.items[0].json.sessionId) },
			},
			{ key: liveWrite },
		);
		expect(again.error?.httpCode).toBe('409');
	});
});
