/**
 * Synaptiq Conversation operations, on the conversations Chat → Send Message starts, in n8n-core's
 * engine against the Synaptiq emulator.
 */
import { TEST_KEYS } from '../../emulators';
import { nodeRunner, useEmulator } from '../../harness/workflows';

const { liveRead, liveWrite, liveAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));
const lastBody = () => JSON.parse(calls().at(-1)!.body) as Record<string, unknown>;

describe('Chat and Conversation', () => {
	it('sends messages in one session, links the lead from an email, and reads the conversation', async () => {
		const first = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'visitor-1',
				message: 'What does the pro plan cost?',
				chatOptions: { language: 'en', metadata: '{"page":"/pricing"}' },
			},
			{ key: liveWrite },
		);
		const reply = first.items[0].json;
		expect(reply).toMatchObject({
			role: 'assistant',
			sessionId: expect.stringMatching(/^sess_/),
			visitorId: 'visitor-1',
			content: expect.any(String),
		});
		expect(lastBody()).toEqual({
			message: 'What does the pro plan cost?',
			visitorId: 'visitor-1',
			language: 'en',
			metadata: { page: '/pricing' },
		});
		const second = await run(
			{
				resource: 'chat',
				operation: 'sendMessage',
				visitorId: 'visitor-1',
				message: 'Send it to me@corp.example',
				chatOptions: { sessionId: String(reply.sessionId) },
			},
			{ key: liveWrite },
		);
		expect(second.items[0].json.leadId).toMatch(/^lead_/);

		const conversations = await run(
			{
				resource: 'conversation',
				operation: 'getAll',
				returnAll: true,
				conversationFilters: { channel: 'api', status: 'active' },
				conversationSort: { sortBy: 'messageCount', sortOrder: 'desc' },
			},
			{ key: liveRead },
		);
		expect(conversations.items).toHaveLength(1);
		const conversation = conversations.items[0].json;
		expect(conversation).toMatchObject({
			messageCount: 4,
			leadId: second.items[0].json.leadId,
			intents: ['pricing_inquiry'],
		});
		expect(calls().at(-1)?.query).toEqual({
			channel: 'api',
			status: 'active',
			sortBy: 'messageCount',
			sortOrder: 'desc',
			page: '1',
			limit: '100',
		});

		const got = await run(
			{ resource: 'conversation', operation: 'get', conversationId: String(conversation.id) },
			{ key: liveRead },
		);
		expect(got.items[0].json.id).toBe(conversation.id);
		const messages = await run(
			{
				resource: 'conversation',
				operation: 'getMessages',
				conversationId: String(conversation.id),
				returnAll: true,
			},
			{ key: liveRead },
		);
		expect(messages.items.map((item) => item.json.role)).toEqual([
			'user',
			'assistant',
			'user',
			'assistant',
		]);
	});
});
