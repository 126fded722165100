/**
 * The part every service emulator shares: an HTTP server on 127.0.0.1, a router, the request
 * log, and the `/__emulator/` control API (fault injection, configuration, reset).
 * Service behaviour (auth, bodies, routes) lives in each service's own file, built from the
 * vendor's API contract (docs/api/<service>.md summarises it), never from the node.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

export interface EmulatorRequest {
	method: string;
	/** Path without the query string, e.g. `/v2/models`. */
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON body, `undefined` when the body is empty or not JSON. */
	body: unknown;
	params: Record<string, string>;
	/** Set by the service's authenticate step: which configured key made the call. */
	key?: ApiKeyConfig;
	/** The caller's IP address (services that limit per address, e.g. Sync). */
	clientAddress: string;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
}

export interface ApiKeyConfig {
	key: string;
	/** Revoked keys answer the service's revoked-key error where it has one. */
	revoked?: boolean;
	/** Service-specific settings (plan, scope, environment, …). */
	[setting: string]: unknown;
}

export type AuthResult = { key: ApiKeyConfig } | { refuse: EmulatorResponse };

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	paramNames: string[];
	handler: Handler;
	/** Routes such as health checks that the service serves without a key. */
	public: boolean;
}

export interface LoggedRequest {
	seq: number;
	/** Milliseconds since the epoch when the request arrived. */
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: string;
	status: number;
	/** The answer's body (first 4 KiB), so tests can assert on what the service said. */
	responseBody?: string;
	/** What answered: the service (`route`), an injected fault, or the auth check. */
	source: 'route' | 'auth' | 'fault' | 'not_found';
	faultId?: string;
}

export type RetryAfterStyle = 'seconds' | 'date' | 'absent';

export interface FaultSpec {
	/** Match on method (any when absent). */
	method?: string;
	/** Match on path: exact string, or a string starting with `^` read as a regular expression. */
	path?: string;
	/** How many matching requests the fault answers; -1 means until it is removed. Default 1. */
	times?: number;
	/** Skip this many matching requests before the fault starts answering. */
	after?: number;
	/**
	 * `committed_status` / `committed_reset`: the request is handled for real (a create makes its job),
	 * then the answer is lost on the way back: a 5xx (`status`, default 502) or a reset connection.
	 * That is how production loses a create's answer, and what an Idempotency-Key replay must survive.
	 */
	kind:
		| 'status'
		| 'reset'
		| 'delay'
		| 'slow_body'
		| 'malformed_json'
		| 'committed_status'
		| 'committed_reset';
	/** kind=status: the HTTP status; the body is the service's documented body for it. */
	status?: number;
	/** kind=status with 429: how Retry-After is sent. */
	retryAfter?: RetryAfterStyle;
	/** Seconds for Retry-After (as delta-seconds or as the date that far ahead). */
	retryAfterSeconds?: number;
	/** Extra headers on the faulted response. */
	headers?: Record<string, string>;
	/** Override the body of a kind=status fault. */
	body?: unknown;
	/** kind=delay: wait this long, then answer normally. kind=slow_body: total time to drip the body. */
	delayMs?: number;
}

interface ActiveFault extends FaultSpec {
	id: string;
	seen: number;
	answered: number;
}

export interface ErrorDetail {
	code?: string;
	message?: string;
	/** For 429: the wait the service announces (some services repeat it in the body). */
	retryAfterSeconds?: number;
}

export interface ServiceDefinition {
	name: string;
	/** Path prefix the API lives under (Synaptiq: `/api/v1`); control routes are outside it. */
	apiPrefix?: string;
	/** Decide whether a request is authenticated: the key that made it, or the refusal to send. */
	authenticate(req: EmulatorRequest, keys: Map<string, ApiKeyConfig>): AuthResult;
	/** The service's documented error body for a status (used by faults and not-found). */
	errorResponse(status: number, detail?: ErrorDetail): EmulatorResponse;
	/** Headers the service sets on every response (HeyGen: X-Request-Id). */
	commonHeaders?(): Record<string, string>;
	/** Called after auth and faults, before routing: rate limits, plan gates (return a response to answer). */
	beforeRoute?(req: EmulatorRequest): EmulatorResponse | undefined;
	/** Called on every routed answer (Synaptiq adds its X-RateLimit-* headers here). */
	afterRoute?(req: EmulatorRequest, answer: EmulatorResponse): EmulatorResponse;
}

function isLoopbackUrl(url: string): boolean {
	try {
		return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
	} catch {
		return false;
	}
}

const HTTP_DATE_FORMAT = (date: Date) => date.toUTCString();

export class Emulator {
	readonly log: LoggedRequest[] = [];

	readonly keys = new Map<string, ApiKeyConfig>();

	/** Free-form settings the service reads (plan limits, switches); changed through /__emulator/config. */
	config: Record<string, unknown>;

	private readonly routes: Route[] = [];

	private faults: ActiveFault[] = [];

	private server?: http.Server;

	private readonly sockets = new Set<Socket>();

	private seq = 0;

	/** Service requests being answered now, and the most at once since the last reset (concurrency tests). */
	inFlight = 0;

	maxInFlight = 0;

	private resetHandlers: Array<() => void> = [];

	origin = '';

	constructor(
		readonly service: ServiceDefinition,
		keys: ApiKeyConfig[],
		private readonly defaultConfig: Record<string, unknown> = {},
	) {
		for (const key of keys) this.keys.set(key.key, { ...key });
		this.initialKeys = keys.map((key) => ({ ...key }));
		this.config = structuredClone(defaultConfig);
	}

	private readonly initialKeys: ApiKeyConfig[];

	/** The URL a credential's Base URL should hold to reach this emulator. */
	get baseUrl(): string {
		return this.origin + (this.service.apiPrefix ?? '');
	}

	route(method: string, path: string, handler: Handler, options: { public?: boolean } = {}): this {
		const paramNames: string[] = [];
		const pattern = new RegExp(
			'^' +
				(this.service.apiPrefix ?? '') +
				path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
					paramNames.push(name);
					return '([^/]+)';
				}) +
				'/?$',
		);
		this.routes.push({ method, pattern, paramNames, handler, public: options.public ?? false });
		return this;
	}

	/**
	 * A job's failure text as the service writes it. Fault `failureEcho` (config) appends a text,
	 * standing in for a service that quotes its input (a URL with a token, a key) in its errors.
	 */
	failureText(text: string): string {
		const echo = this.config.failureEcho;
		return typeof echo === 'string' && echo ? `${text} (input: ${echo})` : text;
	}

	/** Moves the logical clock `count` steps: each step runs the stages that were waiting for it. */
	advance(count = 1): void {
		for (let step = 0; step < count; step++) {
			this.tick++;
			const due = this.steps.filter((entry) => entry.due <= this.tick);
			this.steps = this.steps.filter((entry) => entry.due > this.tick);
			for (const entry of due) entry.task();
		}
	}

	/** How many job stages wait for the logical clock. */
	get pendingSteps(): number {
		return this.steps.length;
	}

	/** Registers state that /__emulator/reset must clear. */
	onReset(handler: () => void): void {
		this.resetHandlers.push(handler);
	}

	addFault(spec: FaultSpec): string {
		const id = randomUUID();
		this.faults.push({ ...spec, id, seen: 0, answered: 0 });
		return id;
	}

	clearFaults(): void {
		this.faults = [];
	}

	clearLog(): void {
		this.log.length = 0;
	}

	reset(): void {
		this.clearFaults();
		this.clearLog();
		this.keys.clear();
		for (const key of this.initialKeys) this.keys.set(key.key, { ...key });
		this.config = structuredClone(this.defaultConfig);
		this.uploads.clear();
		this.deliveries.length = 0;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.steps = [];
		this.tick = 0;
		this.maxInFlight = this.inFlight;
		for (const handler of this.resetHandlers) handler();
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		const server = http.createServer((req, res) => {
			void this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'text/plain' });
				}
				res.end(`emulator error: ${String(error)}`);
			});
		});
		server.keepAliveTimeout = 5_000;
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => resolve());
		});
		this.server = server;
		const address = server.address() as AddressInfo;
		this.origin = `http://${host}:${address.port}`;
		return this.origin;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		for (const timer of this.timers) clearTimeout(timer);
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private matchFault(method: string, path: string): ActiveFault | undefined {
		for (const fault of this.faults) {
			if (fault.method && fault.method.toUpperCase() !== method) continue;
			if (fault.path) {
				const matches = fault.path.startsWith('^')
					? new RegExp(fault.path).test(path)
					: fault.path === path;
				if (!matches) continue;
			}
			fault.seen++;
			if (fault.seen <= (fault.after ?? 0)) continue;
			const times = fault.times ?? 1;
			if (times !== -1 && fault.answered >= times) continue;
			fault.answered++;
			return fault;
		}
		return undefined;
	}

	/** Service test hooks (hand a conversation off, book a meeting, …), called directly by tests. */
	readonly hooks: Record<string, (...args: never[]) => unknown> = {};

	/** Webhook/callback deliveries this emulator made, for assertions. */
	/** `sentAt`: when the job's end was sent (the job finishing); `at`: when the receiver had answered. */
	readonly deliveries: Array<{
		url: string;
		body: string;
		headers: Record<string, string>;
		status: number;
		sentAt: number;
		at: number;
	}> = [];

	/** POSTs exactly these bytes to a webhook URL and records the attempt (one attempt, like the services). */
	async deliver(url: string, body: string, headers: Record<string, string>): Promise<number> {
		let status = -1;
		const sentAt = Date.now();
		// The sandbox only talks to this machine: a delivery to any other host is recorded, not sent.
		if (!isLoopbackUrl(url)) {
			this.deliveries.push({ url, body, headers, status, sentAt, at: Date.now() });
			return status;
		}
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			status = response.status;
			await response.arrayBuffer();
		} catch {
			status = -1;
		}
		this.deliveries.push({ url, body, headers, status, sentAt, at: Date.now() });
		return status;
	}

	/** Timers of simulated jobs, cleared on reset and close. */
	readonly timers = new Set<ReturnType<typeof setTimeout>>();

	/** Job stages waiting for a step of the logical clock (config `clock`: `requests` or `manual`). */
	private steps: Array<{ due: number; task: () => void }> = [];

	private tick = 0;

	/**
	 * Runs a job's next stage later. With config `clock: 'timers'` (the default) after `ms` of wall
	 * time; with `clock: 'requests'` on the next API request (a poll steps the job one stage, so a
	 * test sees every intermediate state however fast or slow the machine is); with
	 * `clock: 'manual'` only when the test calls `advance()` (or POST /__emulator/advance).
	 */
	schedule(ms: number, task: () => void): void {
		if (this.config.clock === 'requests' || this.config.clock === 'manual') {
			this.steps.push({ due: this.tick + 1, task });
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			task();
		}, ms);
		this.timers.add(timer);
	}

	/** Uploads received on /__emulator/uploads/<name>: size and sha256 of what arrived. */
	readonly uploads = new Map<string, { size: number; sha256: string; contentType?: string }>();

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://emulator');
		if (await this.streamRoutes(req, res, url)) return;
		const rawBody = await readBody(req);
		const method = (req.method ?? 'GET').toUpperCase();

		if (url.pathname.startsWith('/__emulator/')) {
			const answer = this.control(method, url, rawBody);
			send(res, answer);
			return;
		}

		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.once('close', () => this.inFlight--);
		// Config `latencyMs`: a real API's time to answer (benchmarks of concurrency and pacing).
		const latencyMs = Number(this.config.latencyMs) || 0;
		if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));

		if (this.config.clock === 'requests') this.advance();

		const request: EmulatorRequest = {
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body: parseJson(rawBody, req.headers['content-type']),
			params: {},
			clientAddress: req.socket.remoteAddress ?? 'unknown',
		};
		const entry: LoggedRequest = {
			seq: ++this.seq,
			at: Date.now(),
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: rawBody.toString('utf8'),
			status: 0,
			source: 'route',
		};
		this.log.push(entry);

		const common = this.service.commonHeaders?.() ?? {};
		const finish = (answer: EmulatorResponse, source: LoggedRequest['source']) => {
			entry.status = answer.status;
			entry.source = source;
			entry.responseBody = describeBody(answer.body);
			send(res, { ...answer, headers: { ...common, ...(answer.headers ?? {}) } });
		};

		// A literal path beats one with parameters (`/v2/generations/count` before `/v2/generations/{id}`).
		const route = this.routes
			.filter((candidate) => candidate.method === method && candidate.pattern.test(url.pathname))
			.sort((a, b) => a.paramNames.length - b.paramNames.length)[0];
		if (route) {
			const match = route.pattern.exec(url.pathname)!;
			route.paramNames.forEach((name, index) => {
				request.params[name] = decodeURIComponent(match[index + 1]);
			});
		}

		if (!route?.public) {
			const auth = this.service.authenticate(request, this.keys);
			if ('refuse' in auth) {
				finish(auth.refuse, 'auth');
				return;
			}
			request.key = auth.key;
		}

		const fault = this.matchFault(method, url.pathname);
		if (fault) {
			entry.faultId = fault.id;
			const answered = await this.applyFault(fault, res, entry, common);
			if (answered) return;
		}

		if (!route) {
			finish(
				this.service.errorResponse(404, { message: `No route ${method} ${url.pathname}` }),
				'not_found',
			);
			return;
		}

		const gate = route.public ? undefined : this.service.beforeRoute?.(request);
		if (gate) {
			finish(gate, 'route');
			return;
		}
		let answer = await route.handler(request);
		if (!route.public && this.service.afterRoute) answer = this.service.afterRoute(request, answer);
		if (fault?.kind === 'committed_reset') {
			entry.status = -1;
			entry.source = 'fault';
			entry.responseBody = describeBody(answer.body);
			res.socket?.destroy();
			return;
		}
		if (fault?.kind === 'committed_status') {
			finish(this.service.errorResponse(fault.status ?? 502, {}), 'fault');
			return;
		}
		if (fault?.kind === 'slow_body') {
			entry.status = answer.status;
			entry.responseBody = describeBody(answer.body);
			await sendSlowly(
				res,
				{ ...answer, headers: { ...common, ...(answer.headers ?? {}) } },
				fault.delayMs ?? 1000,
			);
			return;
		}
		finish(answer, 'route');
	}

	/**
	 * Presigned-style file routes, no key needed: GET /__emulator/files/<bytes>[.ext] streams
	 * that many generated bytes (a stand-in for output URLs of any size); PUT
	 * /__emulator/uploads/<name> hashes what arrives without keeping it.
	 */
	private async streamRoutes(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		url: URL,
	): Promise<boolean> {
		const file = /^\/__emulator\/files\/(\d+)(\.\w+)?$/.exec(url.pathname);
		if (file && req.method === 'GET') {
			req.resume();
			const total = Number(file[1]);
			res.writeHead(200, {
				'content-type': FILE_TYPES[file[2] ?? ''] ?? 'application/octet-stream',
				'content-length': String(total),
			});
			const chunk = Buffer.alloc(64 * 1024);
			for (let index = 0; index < chunk.length; index++) chunk[index] = index % 251;
			let sent = 0;
			while (sent < total) {
				const piece =
					sent === 0 && file[2] === '.mp4'
						? Buffer.concat([MP4_HEADER, chunk.subarray(MP4_HEADER.length)]).subarray(
								0,
								Math.min(chunk.length, total),
							)
						: chunk.subarray(0, Math.min(chunk.length, total - sent));
				sent += piece.length;
				if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve));
			}
			res.end();
			return true;
		}
		const upload = /^\/__emulator\/uploads\/([\w.-]+)$/.exec(url.pathname);
		if (upload && req.method === 'PUT') {
			const hash = createHash('sha256');
			let size = 0;
			for await (const chunk of req) {
				hash.update(chunk as Buffer);
				size += (chunk as Buffer).length;
			}
			this.uploads.set(upload[1], {
				size,
				sha256: hash.digest('hex'),
				contentType: req.headers['content-type'],
			});
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ received: size }));
			return true;
		}
		return false;
	}

	/** Answers the request per the fault; returns false when normal handling should go on. */
	private async applyFault(
		fault: ActiveFault,
		res: http.ServerResponse,
		entry: LoggedRequest,
		common: Record<string, string>,
	): Promise<boolean> {
		switch (fault.kind) {
			case 'reset':
				entry.status = -1;
				entry.source = 'fault';
				res.socket?.destroy();
				return true;
			case 'delay':
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
				return false;
			case 'slow_body':
			case 'committed_status':
			case 'committed_reset':
				return false;
			case 'malformed_json':
				entry.status = 200;
				entry.source = 'fault';
				res.writeHead(200, { ...common, 'content-type': 'application/json' });
				res.end('{"data": [{"id": "truncated"');
				return true;
			case 'status': {
				const status = fault.status ?? 500;
				const base = this.service.errorResponse(status, {
					retryAfterSeconds: fault.retryAfterSeconds ?? 1,
				});
				const headers: Record<string, string> = { ...common, ...(base.headers ?? {}) };
				if (status === 429 || fault.retryAfter) {
					delete headers['retry-after'];
					const seconds = fault.retryAfterSeconds ?? 1;
					if (fault.retryAfter === 'date') {
						headers['retry-after'] = HTTP_DATE_FORMAT(new Date(Date.now() + seconds * 1000));
					} else if (fault.retryAfter !== 'absent') {
						headers['retry-after'] = String(seconds);
					}
				}
				Object.assign(headers, fault.headers ?? {});
				entry.status = status;
				entry.source = 'fault';
				entry.responseBody = describeBody(fault.body ?? base.body);
				send(res, { status, headers, body: fault.body ?? base.body });
				return true;
			}
		}
	}

	private control(method: string, url: URL, rawBody: Buffer): EmulatorResponse {
		const body = (parseJson(rawBody, 'application/json') ?? {}) as Record<string, unknown>;
		const path = url.pathname.slice('/__emulator'.length);
		if (path === '/health' && method === 'GET') {
			return { status: 200, body: { service: this.service.name, ok: true } };
		}
		if (path === '/requests' && method === 'GET') {
			const since = Number(url.searchParams.get('since') ?? 0);
			return {
				status: 200,
				body: this.log.filter((entry) => entry.seq > since) as unknown as Json,
			};
		}
		if (path === '/requests' && method === 'DELETE') {
			this.clearLog();
			return { status: 200, body: { cleared: true } };
		}
		if (path === '/deliveries' && method === 'GET') {
			return { status: 200, body: this.deliveries as unknown as Json };
		}
		if (path === '/faults' && method === 'POST') {
			return { status: 201, body: { id: this.addFault(body as unknown as FaultSpec) } };
		}
		if (path === '/faults' && method === 'DELETE') {
			this.clearFaults();
			return { status: 200, body: { cleared: true } };
		}
		if (path === '/faults' && method === 'GET') {
			return { status: 200, body: this.faults as unknown as Json };
		}
		if (path === '/keys' && method === 'POST') {
			const key = body as ApiKeyConfig;
			if (typeof key.key !== 'string' || key.key === '') {
				return { status: 400, body: { error: 'key must be a non-empty string' } };
			}
			this.keys.set(key.key, { ...(this.keys.get(key.key) ?? {}), ...key });
			return { status: 200, body: this.keys.get(key.key) as unknown as Json };
		}
		if (path === '/config' && method === 'POST') {
			Object.assign(this.config, body);
			return { status: 200, body: this.config as Json };
		}
		if (path === '/advance' && method === 'POST') {
			this.advance(Number((body as { steps?: number } | undefined)?.steps ?? 1));
			return { status: 200, body: { pending: this.pendingSteps } };
		}
		if (path === '/config' && method === 'GET') {
			return { status: 200, body: this.config as Json };
		}
		if (path === '/reset' && method === 'POST') {
			this.reset();
			return { status: 200, body: { reset: true } };
		}
		return { status: 404, body: { error: `unknown control route ${method} ${url.pathname}` } };
	}
}

/** An ISO-BMFF `ftyp` box, so a generated file is recognised as MP4 by type sniffing. */
export const MP4_HEADER = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

/** What a CDN labels each output file as, by its extension. */
const FILE_TYPES: Record<string, string> = {
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.mp3': 'audio/mpeg',
	'.wav': 'audio/wav',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
};

/** The bytes GET /__emulator/files/<size>[.mp4] serves, for comparing downloads. */
export function emulatorFileBytes(size: number, mp4: boolean): Buffer {
	const bytes = Buffer.alloc(size);
	for (let index = 0; index < size; index++) bytes[index] = (index % (64 * 1024)) % 251;
	if (mp4) MP4_HEADER.copy(bytes, 0, 0, Math.min(size, MP4_HEADER.length));
	return bytes;
}

function describeBody(body: unknown): string | undefined {
	if (body === undefined) return undefined;
	if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return text.slice(0, 4096);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	if (contentType && !contentType.includes('json')) return undefined;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
}

function encode(answer: EmulatorResponse): { headers: Record<string, string>; payload: Buffer } {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(answer.headers ?? {}))
		headers[name.toLowerCase()] = value;
	let payload: Buffer;
	if (answer.body === undefined) {
		payload = Buffer.alloc(0);
	} else if (Buffer.isBuffer(answer.body)) {
		payload = answer.body;
	} else if (typeof answer.body === 'string') {
		payload = Buffer.from(answer.body);
		headers['content-type'] ??= 'text/plain; charset=utf-8';
	} else {
		payload = Buffer.from(JSON.stringify(answer.body));
		headers['content-type'] ??= 'application/json; charset=utf-8';
	}
	headers['content-length'] = String(payload.length);
	return { headers, payload };
}

function send(res: http.ServerResponse, answer: EmulatorResponse): void {
	const { headers, payload } = encode(answer);
	res.writeHead(answer.status, headers);
	res.end(payload);
}

async function sendSlowly(
	res: http.ServerResponse,
	answer: EmulatorResponse,
	totalMs: number,
): Promise<void> {
	const { headers, payload } = encode(answer);
	res.writeHead(answer.status, headers);
	const pieces = Math.max(1, Math.min(10, payload.length));
	const size = Math.ceil(payload.length / pieces);
	for (let index = 0; index < pieces; index++) {
		if (index > 0) await new Promise((resolve) => setTimeout(resolve, totalMs / (pieces - 1)));
		res.write(payload.subarray(index * size, (index + 1) * size));
	}
	res.end();
}

/** `Authorization: Bearer <token>` → token; anything else → undefined. */
export function bearerToken(headers: http.IncomingHttpHeaders): string | undefined {
	const value = headers.authorization;
	if (typeof value !== 'string') return undefined;
	const match = /^Bearer\s+(.+)$/i.exec(value.trim());
	return match ? match[1].trim() : undefined;
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return value[0];
	return value;
}

export const REASON_PHRASES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	402: 'Payment Required',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Payload Too Large',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};
