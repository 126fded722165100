/**
 * A small OpenAI-compatible chat-completions server for the AI Agent tests: it follows OpenAI's
 * wire format (Chat Completions API: `POST /v1/chat/completions` with `messages`, `tools`,
 * `tool_calls`, and `stream: true` as server-sent `chat.completion.chunk`s; `GET /v1/models`
 * for n8n's credential test and model list), answers from a script the test sets, and records
 * every request it got so a test can read the tool list and the messages the model was sent.
 * docs/api/openai.md summarises the part of OpenAI's API it follows ("Endpoints") and what n8n sends.
 *
 * Checked as OpenAI checks them (answered with OpenAI's error body, `{ error: { message, type,
 * param, code } }`): the Bearer key; tool names (^[a-zA-Z0-9_-]{1,64}$) and at most 128 tools;
 * function parameters being a JSON Schema object; every assistant `tool_calls` answered by one
 * `tool` message per call id, and no `tool` message without the call it answers.
 *
 * Script (POST /__emulator/script `{ answers: [...] }`, one answer per chat request, in order):
 *   `{ toolCalls: [{ name, arguments }] }`  the assistant calls these tools (arguments: an object)
 *   `{ text }`                              the assistant's final text; `{{toolResults}}` in it is
 *                                           replaced by the contents of the request's tool
 *                                           messages (after the last user message), joined
 *                                           by a newline, so the answer quotes what the tool said
 * With the script used up it answers the text "(unscripted)" and marks the logged request.
 *
 * `tsx test/emulators/openai.ts [--port N] [--key K] [--json]` runs it alone and prints its base
 * URL (and key) as one JSON line; the control API: GET/DELETE /__emulator/requests,
 * POST /__emulator/script.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const OPENAI_TEST_KEY = 'sk-emulator-openai-5c1e9a7b3d2f4e60';
export const OPENAI_MODEL = 'gpt-emulated';

export interface ScriptedToolCall {
	name: string;
	arguments: Record<string, unknown>;
}
export type ScriptedAnswer = { toolCalls: ScriptedToolCall[] } | { text: string };

export interface LoggedChatRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	/** The parsed JSON body (the raw text when it is not JSON). */
	body: unknown;
	status: number;
	/** What the emulator answered: the assistant message, or the error body. */
	answer?: unknown;
	unscripted?: true;
}

interface ChatMessage {
	role?: string;
	content?: unknown;
	tool_calls?: Array<{ id?: string; type?: string; function?: { name?: string } }>;
	tool_call_id?: string;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_TOOLS = 128;

function openAiError(
	status: number,
	message: string,
	type = 'invalid_request_error',
	param: string | null = null,
	code: string | null = null,
) {
	return { status, body: { error: { message, type, param, code } } };
}

/** The text of a message's `content`: a string, or an array of `{ type: 'text', text }` parts. */
export function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content
			.map((part) =>
				part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string'
					? (part as { text: string }).text
					: '',
			)
			.join('');
	return '';
}

/** What OpenAI refuses before it runs the model: answers the error, or undefined when the request is good. */
function validate(body: Record<string, unknown>) {
	if (typeof body.model !== 'string' || !body.model)
		return openAiError(400, 'you must provide a model parameter', undefined, 'model');
	if (!Array.isArray(body.messages) || body.messages.length === 0)
		return openAiError(
			400,
			"Invalid 'messages': empty array. Expected an array with minimum length 1.",
			undefined,
			'messages',
			'empty_array',
		);
	if (body.tools !== undefined) {
		if (!Array.isArray(body.tools))
			return openAiError(400, "Invalid type for 'tools': expected an array.", undefined, 'tools');
		if (body.tools.length > MAX_TOOLS)
			return openAiError(
				400,
				`Invalid 'tools': array too long. Expected an array with maximum length ${MAX_TOOLS}, but got an array with length ${body.tools.length} instead.`,
				undefined,
				'tools',
				'array_above_max_length',
			);
		for (const [index, tool] of (body.tools as Array<Record<string, unknown>>).entries()) {
			const fn = tool?.function as Record<string, unknown> | undefined;
			if (tool?.type !== 'function' || !fn)
				return openAiError(400, `Invalid 'tools[${index}]': expected a function tool.`);
			if (typeof fn.name !== 'string' || !TOOL_NAME.test(fn.name))
				return openAiError(
					400,
					`Invalid 'tools[${index}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
					undefined,
					`tools[${index}].function.name`,
					'invalid_value',
				);
			const parameters = fn.parameters as Record<string, unknown> | undefined;
			if (
				parameters !== undefined &&
				(typeof parameters !== 'object' || parameters.type !== 'object')
			)
				return openAiError(
					400,
					`Invalid schema for function '${fn.name}': schema must be a JSON Schema of 'type: "object"'.`,
					undefined,
					`tools[${index}].function.parameters`,
					'invalid_function_parameters',
				);
		}
	}
	// Tool calls and their answers: each assistant `tool_calls` is followed by a `tool` message per id.
	const messages = body.messages as ChatMessage[];
	let open: Set<string> | undefined;
	for (const [index, message] of messages.entries()) {
		if (message.role === 'tool') {
			if (!open || !message.tool_call_id || !open.has(message.tool_call_id))
				return openAiError(
					400,
					`Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.`,
					undefined,
					`messages.[${index}].role`,
				);
			open.delete(message.tool_call_id);
			continue;
		}
		if (open && open.size > 0)
			return openAiError(
				400,
				`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
				undefined,
				`messages.[${index}].role`,
			);
		open =
			message.role === 'assistant' && message.tool_calls?.length
				? new Set(message.tool_calls.map((call) => String(call.id)))
				: undefined;
	}
	if (open && open.size > 0)
		return openAiError(
			400,
			`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
			undefined,
			'messages',
		);
	return undefined;
}

/** The tool messages of the current turn: those after the request's last user message. */
function latestToolResults(messages: ChatMessage[]): string[] {
	const results: string[] = [];
	for (let index = messages.length - 1; index >= 0; index--) {
		const message = messages[index];
		if (message.role === 'tool') results.unshift(contentText(message.content));
		else if (message.role === 'user') break;
	}
	return results;
}

const id = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

export async function startOpenAiEmulator({
	port = 0,
	apiKey = OPENAI_TEST_KEY,
}: { port?: number; apiKey?: string } = {}) {
	const log: LoggedChatRequest[] = [];
	let answers: ScriptedAnswer[] = [];
	let seq = 0;
	const sockets = new Set<Socket>();

	const send = (res: http.ServerResponse, status: number, body: unknown) => {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
			'x-request-id': id('req_'),
		});
		res.end(text);
	};

	function assistantMessage(answer: ScriptedAnswer, messages: ChatMessage[]) {
		if ('toolCalls' in answer)
			return {
				role: 'assistant',
				content: null,
				refusal: null,
				tool_calls: answer.toolCalls.map((call) => ({
					id: id('call_'),
					type: 'function',
					function: { name: call.name, arguments: JSON.stringify(call.arguments) },
				})),
			};
		return {
			role: 'assistant',
			content: answer.text.replace('{{toolResults}}', latestToolResults(messages).join('\n')),
			refusal: null,
		};
	}

	/** `stream: true`: the same answer as `chat.completion.chunk` events, then `[DONE]`. */
	function stream(
		res: http.ServerResponse,
		base: Record<string, unknown>,
		message: ReturnType<typeof assistantMessage>,
		finishReason: string,
		usage: Record<string, number> | undefined,
	) {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (delta: unknown, finish: string | null, extra: Record<string, unknown> = {}) =>
			res.write(
				`data: ${JSON.stringify({
					...base,
					object: 'chat.completion.chunk',
					choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
					...extra,
				})}\n\n`,
			);
		chunk({ role: 'assistant', content: '', refusal: null }, null);
		if ('tool_calls' in message && message.tool_calls) {
			for (const [index, call] of message.tool_calls.entries()) {
				chunk(
					{
						tool_calls: [
							{
								index,
								id: call.id,
								type: 'function',
								function: { name: call.function.name, arguments: '' },
							},
						],
					},
					null,
				);
				chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }, null);
			}
		} else if (typeof message.content === 'string') {
			chunk({ content: message.content }, null);
		}
		chunk({}, finishReason);
		if (usage)
			res.write(
				`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`,
			);
		res.end('data: [DONE]\n\n');
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		let body: unknown = raw;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			// Kept as text; the route answers 400 where it needs JSON.
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;

		// The control API (not OpenAI's): the request log and the script.
		if (path === '/__emulator/requests') {
			if (req.method === 'DELETE') {
				log.length = 0;
				return send(res, 200, { cleared: true });
			}
			return send(res, 200, log);
		}
		if (path === '/__emulator/script' && req.method === 'POST') {
			const given = (body as { answers?: ScriptedAnswer[] } | undefined)?.answers;
			if (!Array.isArray(given)) return send(res, 400, { error: 'answers must be an array' });
			answers = [...given];
			return send(res, 200, { scripted: answers.length });
		}

		const entry: LoggedChatRequest = {
			seq: ++seq,
			at: Date.now(),
			method: req.method ?? 'GET',
			path,
			headers: req.headers,
			body,
			status: 0,
		};
		log.push(entry);
		const answer = (status: number, payload: unknown) => {
			entry.status = status;
			entry.answer = payload;
			send(res, status, payload);
		};

		if (req.headers.authorization !== `Bearer ${apiKey}`) {
			const error = openAiError(
				401,
				'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
				'invalid_request_error',
				null,
				'invalid_api_key',
			);
			return answer(error.status, error.body);
		}
		if (req.method === 'GET' && path === '/v1/models')
			return answer(200, {
				object: 'list',
				data: [{ id: OPENAI_MODEL, object: 'model', created: 1_700_000_000, owned_by: 'emulator' }],
			});
		if (req.method === 'GET' && path.startsWith('/v1/models/')) {
			const model = decodeURIComponent(path.slice('/v1/models/'.length));
			return model === OPENAI_MODEL
				? answer(200, { id: model, object: 'model', created: 1_700_000_000, owned_by: 'emulator' })
				: answer(
						404,
						openAiError(
							404,
							`The model '${model}' does not exist`,
							undefined,
							'model',
							'model_not_found',
						).body,
					);
		}
		if (path !== '/v1/chat/completions' || req.method !== 'POST') {
			const error = openAiError(404, `Invalid URL (${req.method} ${path})`);
			return answer(error.status, error.body);
		}
		if (!body || typeof body !== 'object') {
			const error = openAiError(400, 'We could not parse the JSON body of your request.');
			return answer(error.status, error.body);
		}
		const request = body as Record<string, unknown>;
		const problem = validate(request);
		if (problem) return answer(problem.status, problem.body);

		const next = answers.shift();
		if (!next) entry.unscripted = true;
		const messages = request.messages as ChatMessage[];
		const message = assistantMessage(next ?? { text: '(unscripted)' }, messages);
		const finishReason = 'tool_calls' in message ? 'tool_calls' : 'stop';
		const promptTokens = Math.ceil(raw.length / 4);
		const completionTokens = Math.ceil(JSON.stringify(message).length / 4);
		const usage = {
			prompt_tokens: promptTokens,
			completion_tokens: completionTokens,
			total_tokens: promptTokens + completionTokens,
		};
		const base = {
			id: id('chatcmpl-'),
			created: Math.floor(Date.now() / 1000),
			model: String(request.model),
			system_fingerprint: 'fp_emulator',
		};
		entry.status = 200;
		entry.answer = message;
		if (request.stream === true) {
			const includeUsage =
				(request.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
			return stream(res, base, message, finishReason, includeUsage ? usage : undefined);
		}
		send(res, 200, {
			...base,
			object: 'chat.completion',
			choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
			usage,
			service_tier: 'default',
		});
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) send(res, 500, openAiError(500, String(error), 'server_error').body);
			else res.end();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		/** What an OpenAI credential's Base URL is set to. */
		baseUrl: `${origin}/v1`,
		apiKey,
		log,
		script(next: ScriptedAnswer[]) {
			answers = [...next];
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

if (process.argv[1] && /openai\.ts$/.test(process.argv[1])) {
	const args = process.argv.slice(2);
	const valueOf = (flag: string) => {
		const at = args.indexOf(flag);
		return at >= 0 ? args[at + 1] : undefined;
	};
	void startOpenAiEmulator({
		port: Number(valueOf('--port') ?? 0),
		apiKey: valueOf('--key') ?? OPENAI_TEST_KEY,
	}).then((emulator) => {
		const line = args.includes('--json')
			? JSON.stringify({
					ready: true,
					pid: process.pid,
					baseUrl: emulator.baseUrl,
					apiKey: emulator.apiKey,
				})
			: `openai        ${emulator.baseUrl}  ${emulator.apiKey}`;
		process.stdout.write(line + '\n');
		const stop = async () => {
			await emulator.close();
			process.exit(0);
		};
		process.on('SIGINT', () => void stop());
		process.on('SIGTERM', () => void stop());
	});
}
