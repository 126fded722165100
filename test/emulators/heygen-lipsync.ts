/**
 * HeyGen Lipsync (`/v3/lipsyncs`) for the HeyGen emulator, from ../shared/api/heygen.md §12:
 * create (one job or a batch of ≤100), the job clock, get, list, rename, delete, bulk statuses,
 * batch progress, and the per-job and per-batch callbacks. Registered from heygen.ts.
 */
import { randomUUID } from 'node:crypto';

import type { Emulator, EmulatorRequest, EmulatorResponse } from './core';
import { heygenError, page } from './heygen';

type Row = Record<string, unknown>;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = () => randomUUID().replace(/-/g, '');
const bad = (message: string, param: string) =>
	heygenError(400, { code: 'invalid_parameter', message, param });

/** §12.3: get says pending/running; statuses and batch items use the video-batch words (§12.5). */
const BATCH_WORDS: Record<string, string> = { pending: 'queued', running: 'processing' };

/**
 * §12.2 / §12.4 rule 2: `video` and `audio` are AssetInputs of type url or asset_id (base64 is
 * refused, naming the field), `mode` speed|precision, `fps_mode` vfr|cfr|passthrough,
 * `0 ≤ start_time < end_time`. `where` prefixes the param of a batch row (`lipsyncs[2].`).
 */
function validateLipsync(body: Row, where = ''): EmulatorResponse | undefined {
	for (const field of ['video', 'audio']) {
		const input = body[field] as Row | undefined;
		if (!input || typeof input !== 'object') return bad(`${field} is required`, where + field);
		if (input.type === 'base64')
			return bad(`${field} does not accept base64; use url or asset_id`, where + field);
		if (input.type === 'url' && (typeof input.url !== 'string' || !input.url))
			return bad(`${field}.url is required`, `${where}${field}.url`);
		else if (input.type === 'asset_id' && (typeof input.asset_id !== 'string' || !input.asset_id))
			return bad(`${field}.asset_id is required`, `${where}${field}.asset_id`);
		else if (!['url', 'asset_id'].includes(String(input.type)))
			return bad(`${field} must be {type: url|asset_id}`, `${where}${field}.type`);
	}
	if (body.mode !== undefined && !['speed', 'precision'].includes(String(body.mode)))
		return bad('mode must be speed or precision', `${where}mode`);
	if (body.fps_mode !== undefined && !['vfr', 'cfr', 'passthrough'].includes(String(body.fps_mode)))
		return bad('fps_mode must be vfr, cfr or passthrough', `${where}fps_mode`);
	const start = body.start_time;
	const end = body.end_time;
	if (start !== undefined && !(typeof start === 'number' && start >= 0))
		return bad('start_time must be a number of seconds, at least 0', `${where}start_time`);
	if (end !== undefined && !(typeof end === 'number' && end > Number(start ?? 0)))
		return bad('end_time must be after start_time', `${where}end_time`);
	if (body.title !== undefined && typeof body.title !== 'string')
		return bad('title must be a string', `${where}title`);
	return undefined;
}

export function addLipsyncRoutes(emulator: Emulator): void {
	let lipsyncs: Row[] = [];
	let batches: Row[] = [];
	emulator.onReset(() => {
		lipsyncs = [];
		batches = [];
	});
	const idempotent = emulator.hooks.idempotent as unknown as (
		req: EmulatorRequest,
		create: () => EmulatorResponse,
	) => EmulatorResponse;
	const ended = (job: Row) => job.status === 'completed' || job.status === 'failed';

	/** §12.1 `Lipsync`: what HeyGen answers (the request and batch bookkeeping stay internal). */
	const shown = ({
		request: _request,
		batch_id: _batch,
		item_index: _index,
		callback_url: _url,
		...job
	}: Row) => job;

	/**
	 * §12.4 rule 6: the unsigned per-job callback `{event_type, event_data}`; registered endpoints
	 * get the same body (signed, §13) only with config `lipsyncEndpointEvents` on.
	 */
	function announce(job: Row) {
		const success = job.status === 'completed';
		const eventType = success ? 'lipsync.success' : 'lipsync.fail';
		const eventData: Row = {
			lipsync_id: job.id,
			url: job.video_url ?? null,
			video_url: job.video_url ?? null,
			caption_url: job.caption_url ?? null,
			callback_id: job.callback_id ?? null,
			...(success ? {} : { message: job.failure_message }),
		};
		if (emulator.config.lipsyncEndpointEvents) {
			// Recorded in the event history and sent signed to subscribed endpoints, plus the callback.
			emulator.hooks.emitEvent?.(eventType as never, eventData as never, job.callback_url as never);
			return;
		}
		if (typeof job.callback_url === 'string' && job.callback_url)
			void emulator.deliver(
				job.callback_url,
				JSON.stringify({ event_type: eventType, event_data: eventData }),
				{},
			);
	}

	/** §12.4 rule 5: a batch's callback_url once, when every item has ended [A: the body]. */
	function maybeFinishBatch(batchId: unknown) {
		const batch = batches.find((candidate) => candidate.batch_id === batchId);
		if (!batch || batch.status !== 'processing') return;
		const items = lipsyncs.filter((job) => job.batch_id === batchId);
		if (!items.every(ended)) return;
		batch.status = items.every((job) => job.status === 'failed') ? 'failed' : 'completed';
		if (typeof batch.callback_url === 'string' && batch.callback_url)
			void emulator.deliver(
				batch.callback_url,
				JSON.stringify({
					event_type: 'batch.finished',
					event_data: {
						batch_id: batch.batch_id,
						status: batch.status,
						total_items: items.length,
						counts_by_status: countsOf(items),
					},
				}),
				{},
			);
	}

	const countsOf = (items: Row[]) => {
		const counts: Record<string, number> = {};
		for (const job of items) {
			const word = BATCH_WORDS[String(job.status)] ?? String(job.status);
			counts[word] = (counts[word] ?? 0) + 1;
		}
		return counts;
	};

	/**
	 * §12.4 rule 3: `pending` → `running` → `completed` (video_url, duration, caption_url with
	 * enable_caption) or `failed` (failure_message). Failure injection: an input URL (or asset id)
	 * containing "fail".
	 */
	function run(job: Row) {
		const stage = Number(emulator.config.stageMs);
		const request = job.request as Row;
		const failing = (['video', 'audio'] as const).find((field) =>
			JSON.stringify(request[field]).includes('fail'),
		);
		emulator.schedule(stage, () => {
			if (!lipsyncs.includes(job)) return;
			job.status = 'running';
			emulator.schedule(stage, () => {
				if (!lipsyncs.includes(job)) return;
				if (failing) {
					Object.assign(job, {
						status: 'failed',
						failure_message: emulator.failureText(`The input ${failing} could not be downloaded.`),
					});
				} else {
					const url = `${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?lipsync=${String(job.id)}`;
					Object.assign(job, {
						status: 'completed',
						duration: 6.4,
						video_url: url,
						caption_url: request.enable_caption
							? `${emulator.origin}/__emulator/files/512.srt?lipsync=${String(job.id)}`
							: null,
					});
				}
				announce(job);
				if (job.batch_id) maybeFinishBatch(job.batch_id);
			});
		});
	}

	/** §7 rule 7: 429 when active jobs would exceed the concurrency limit. */
	const tooBusy = (adding: number) =>
		lipsyncs.filter((job) => !ended(job)).length + adding > Number(emulator.config.concurrency)
			? heygenError(429, {
					code: 'rate_limit_exceeded',
					message: 'Too many concurrent jobs',
					retryAfterSeconds: 5,
				})
			: undefined;

	function start(body: Row, batch?: { id: string; index: number }): Row {
		const job: Row = {
			id: newId(),
			status: 'pending',
			title: typeof body.title === 'string' ? body.title : null,
			created_at: nowSeconds(),
			duration: null,
			callback_id: body.callback_id ?? null,
			video_url: null,
			caption_url: null,
			failure_message: null,
			callback_url: body.callback_url ?? null,
			request: body,
			...(batch ? { batch_id: batch.id, item_index: batch.index } : {}),
		};
		lipsyncs.unshift(job);
		run(job);
		return job;
	}

	const find = (id: string) => lipsyncs.find((job) => job.id === id);
	const notFound = (id: string) =>
		heygenError(404, { code: 'not_found', message: `Lipsync ${id} not found` });

	// §12.4 rule 1: literal segments (statuses, batches) before `{lipsync_id}`.
	emulator.route('GET', '/v3/lipsyncs/statuses', (req) => {
		const lipsyncIds = (req.query.get('lipsync_ids') ?? '').split(',').filter(Boolean);
		const batchIds = (req.query.get('batch_ids') ?? '').split(',').filter(Boolean);
		if (lipsyncIds.length + batchIds.length > 100)
			return bad('at most 100 ids', lipsyncIds.length > 100 ? 'lipsync_ids' : 'batch_ids');
		const status = (job: Row) => ({
			video_id: job.id,
			status: BATCH_WORDS[String(job.status)] ?? job.status,
			...(job.failure_message ? { error: job.failure_message } : {}),
			...(job.batch_id ? { batch_id: job.batch_id, item_index: job.item_index } : {}),
		});
		const rows: Row[] = lipsyncIds.map((id) => {
			const job = find(id);
			return job ? status(job) : { video_id: id, status: 'not_found' };
		});
		for (const batchId of batchIds)
			rows.push(
				...lipsyncs
					.filter((job) => job.batch_id === batchId)
					.sort((a, b) => Number(a.item_index) - Number(b.item_index))
					.map(status),
			);
		return { status: 200, body: { data: rows as never } };
	});

	emulator.route('POST', '/v3/lipsyncs/batches', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			const rows = body.lipsyncs;
			if (!Array.isArray(rows) || rows.length < 1 || rows.length > 100)
				return bad('lipsyncs must hold 1 to 100 create bodies', 'lipsyncs');
			for (const [index, row] of (rows as Row[]).entries()) {
				const problem = validateLipsync(row ?? {}, `lipsyncs[${index}].`);
				if (problem) return problem;
			}
			if (body.callback_url !== undefined && typeof body.callback_url !== 'string')
				return bad('callback_url must be a string', 'callback_url');
			const busy = tooBusy(rows.length);
			if (busy) return busy;
			const batch: Row = {
				batch_id: `batch_${newId()}`,
				status: 'processing',
				title: typeof body.title === 'string' ? body.title : null,
				created_at: nowSeconds(),
				callback_url: body.callback_url ?? null,
			};
			batches.unshift(batch);
			(rows as Row[]).forEach((row, index) => start(row, { id: String(batch.batch_id), index }));
			// §12.5: 202 with a batch_id; the response schema is ours [A].
			return { status: 202, body: { data: { batch_id: batch.batch_id } } };
		}),
	);

	emulator.route('GET', '/v3/lipsyncs/batches/{id}', (req) => {
		const batch = batches.find((candidate) => candidate.batch_id === req.params.id);
		if (!batch) return heygenError(404, { code: 'not_found', message: 'Batch not found' });
		const items = lipsyncs
			.filter((job) => job.batch_id === batch.batch_id)
			.sort((a, b) => Number(a.item_index) - Number(b.item_index))
			.map((job) => ({
				item_index: job.item_index,
				status: BATCH_WORDS[String(job.status)] ?? job.status,
				video_id: job.id,
				...(job.failure_message ? { error: job.failure_message } : {}),
			}));
		// §5: batch detail pages its items inside `data` (default 100, max 100).
		const paged = page(req, items, { limit: 100, max: 100 });
		if (paged.status !== 200) return paged;
		const pageBody = paged.body as { data: Row[]; has_more: boolean; next_token: string | null };
		const { callback_url: _url, ...shownBatch } = batch;
		return {
			status: 200,
			body: {
				data: {
					...shownBatch,
					total_items: items.length,
					counts_by_status: countsOf(lipsyncs.filter((job) => job.batch_id === batch.batch_id)),
					items: pageBody.data,
					has_more: pageBody.has_more,
					next_token: pageBody.next_token,
				} as never,
			},
		};
	});

	emulator.route('POST', '/v3/lipsyncs', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			const problem = validateLipsync(body);
			if (problem) return problem;
			const busy = tooBusy(1);
			if (busy) return busy;
			const job = start(body);
			return { status: 200, body: { data: { lipsync_id: job.id } } };
		}),
	);

	emulator.route('GET', '/v3/lipsyncs', (req) =>
		page(req, lipsyncs.map(shown), { limit: 10, max: 100 }),
	);

	emulator.route('GET', '/v3/lipsyncs/{id}', (req) => {
		const job = find(req.params.id);
		return job ? { status: 200, body: { data: shown(job) as never } } : notFound(req.params.id);
	});

	// §12.4 rule 4: PATCH needs `title`; DELETE answers `{id}`, and the id is gone after.
	emulator.route('PATCH', '/v3/lipsyncs/{id}', (req) => {
		const job = find(req.params.id);
		if (!job) return notFound(req.params.id);
		const title = ((req.body ?? {}) as Row).title;
		if (typeof title !== 'string' || !title.trim()) return bad('title is required', 'title');
		job.title = title;
		return { status: 200, body: { data: shown(job) as never } };
	});

	emulator.route('DELETE', '/v3/lipsyncs/{id}', (req) => {
		const job = find(req.params.id);
		if (!job) return notFound(req.params.id);
		lipsyncs = lipsyncs.filter((candidate) => candidate !== job);
		return { status: 200, body: { data: { id: job.id } } };
	});
}
