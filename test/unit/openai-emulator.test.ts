/**
 * The OpenAI emulator the AI Agent e2e suite talks to (test/emulators/openai.ts): OpenAI's
 * chat-completions wire format (tool calls, final text, streaming), the checks OpenAI makes
 * before it runs a model, the script and the request log.
 */
import { OPENAI_MODEL, OPENAI_TEST_KEY, startOpenAiEmulator } from '../emulators/openai';

type Emulator = Awaited<ReturnType<typeof startOpenAiEmulator>>;

let emulator: Emulator;
beforeEach(async () => {
	emulator = await startOpenAiEmulator();
});
afterEach(async () => {
	await emulator.close();
});

const tool = (name: string) => ({
	type: 'function',
	function: {
		name,
		description: 'Get a lead in Synaptiq',
		parameters: {
			type: 'object',
			properties: { leadId: { type: 'string', description: 'The lead ID' } },
			required: ['leadId'],
		},
	},
});

async function chat(body: Record<string, unknown>, key = OPENAI_TEST_KEY) {
	const response = await fetch(`${emulator.baseUrl}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let json: ReturnType<typeof JSON.parse>;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text };
}

const user = { role: 'user', content: 'Look up lead_1' };

test('a scripted tool call, then a final text that quotes the tool result', async () => {
	emulator.script([
		{ toolCalls: [{ name: 'Synaptiq_Get_Lead', arguments: { leadId: 'lead_1' } }] },
		{ text: 'The tool said: {{toolResults}}' },
	]);
	const first = await chat({
		model: OPENAI_MODEL,
		messages: [user],
		tools: [tool('Synaptiq_Get_Lead')],
	});
	expect(first.status).toBe(200);
	expect(first.json.object).toBe('chat.completion');
	const choice = first.json.choices[0];
	expect(choice.finish_reason).toBe('tool_calls');
	expect(choice.message.content).toBeNull();
	const [call] = choice.message.tool_calls;
	expect(call).toMatchObject({ type: 'function', function: { name: 'Synaptiq_Get_Lead' } });
	expect(call.id).toMatch(/^call_/);
	expect(JSON.parse(call.function.arguments)).toEqual({ leadId: 'lead_1' });
	expect(first.json.usage.total_tokens).toBeGreaterThan(0);

	const second = await chat({
		model: OPENAI_MODEL,
		messages: [
			user,
			choice.message,
			{ role: 'tool', tool_call_id: call.id, content: '[{"id":"lead_1","status":"new"}]' },
		],
		tools: [tool('Synaptiq_Get_Lead')],
	});
	expect(second.json.choices[0]).toMatchObject({
		finish_reason: 'stop',
		message: { role: 'assistant', content: 'The tool said: [{"id":"lead_1","status":"new"}]' },
	});

	// Every request is logged, with its body, for the test to inspect.
	expect(emulator.log.map((entry) => [entry.path, entry.status])).toEqual([
		['/v1/chat/completions', 200],
		['/v1/chat/completions', 200],
	]);
	expect((emulator.log[0].body as ReturnType<typeof JSON.parse>).tools[0].function.name).toBe(
		'Synaptiq_Get_Lead',
	);

	// The script used up: a marked, unscripted text.
	const third = await chat({ model: OPENAI_MODEL, messages: [user] });
	expect(third.json.choices[0].message.content).toBe('(unscripted)');
	expect(emulator.log[2].unscripted).toBe(true);
});

test('stream: true answers chat.completion.chunk events, the tool call in deltas, then [DONE]', async () => {
	emulator.script([{ toolCalls: [{ name: 'Sync_Get', arguments: { id: 'g1' } }] }]);
	const answer = await chat({
		model: OPENAI_MODEL,
		messages: [user],
		tools: [tool('Sync_Get')],
		stream: true,
		stream_options: { include_usage: true },
	});
	const events = answer.text
		.split('\n\n')
		.filter(Boolean)
		.map((event) => event.replace(/^data: /, ''));
	expect(events.at(-1)).toBe('[DONE]');
	const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
	expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
	const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
	expect(calls[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'Sync_Get' } });
	expect(calls.map((call) => call.function.arguments).join('')).toBe('{"id":"g1"}');
	expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe(
		'tool_calls',
	);
	expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
});

test("refuses what OpenAI refuses, with OpenAI's error body", async () => {
	const wrongKey = await chat({ model: OPENAI_MODEL, messages: [user] }, 'sk-wrong');
	expect(wrongKey.status).toBe(401);
	expect(wrongKey.json.error).toMatchObject({
		code: 'invalid_api_key',
		type: 'invalid_request_error',
	});

	const badName = await chat({ model: OPENAI_MODEL, messages: [user], tools: [tool('Get lead!')] });
	expect(badName.status).toBe(400);
	expect(badName.json.error.param).toBe('tools[0].function.name');

	const tooMany = await chat({
		model: OPENAI_MODEL,
		messages: [user],
		tools: Array.from({ length: 129 }, (_, index) => tool(`t${index}`)),
	});
	expect(tooMany.status).toBe(400);
	expect(tooMany.json.error.code).toBe('array_above_max_length');

	const badSchema = await chat({
		model: OPENAI_MODEL,
		messages: [user],
		tools: [{ type: 'function', function: { name: 'x', parameters: { type: 'string' } } }],
	});
	expect(badSchema.status).toBe(400);

	const orphan = await chat({
		model: OPENAI_MODEL,
		messages: [user, { role: 'tool', tool_call_id: 'call_x', content: 'hi' }],
	});
	expect(orphan.status).toBe(400);
	expect(orphan.json.error.message).toMatch(/must be a response to a preceeding message/);

	const unanswered = await chat({
		model: OPENAI_MODEL,
		messages: [
			user,
			{
				role: 'assistant',
				content: null,
				tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'x', arguments: '{}' } }],
			},
			{ role: 'user', content: 'and?' },
		],
	});
	expect(unanswered.status).toBe(400);
	expect(unanswered.json.error.message).toMatch(/call_a/);

	// Refused requests are logged too, and use up no scripted answer.
	expect(emulator.log.map((entry) => entry.status)).toEqual([401, 400, 400, 400, 400, 400]);
});

test('GET /v1/models lists the model (the credential test and the model list)', async () => {
	const response = await fetch(`${emulator.baseUrl}/models`, {
		headers: { authorization: `Bearer ${OPENAI_TEST_KEY}` },
	});
	expect(response.status).toBe(200);
	expect(await response.json()).toMatchObject({ object: 'list', data: [{ id: OPENAI_MODEL }] });
});
