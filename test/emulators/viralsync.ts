/** ViralSync v1 emulator, from the API contract that docs/api/viralsync.md summarises. */
import { createHmac, randomBytes } from 'node:crypto';

import {
	Emulator,
	bearerToken,
	headerValue,
	type EmulatorRequest,
	type EmulatorResponse,
	type ErrorDetail,
} from './core';
import { SlidingWindowLimiter } from './limiters';
import { TEST_KEYS } from './keys';

/** docs/api/sync.md "Errors": `{error, code}`. */
export function viralSyncError(status: number, detail: ErrorDetail = {}): EmulatorResponse {
	const seconds = detail.retryAfterSeconds ?? 1;
	const defaults: Record<number, [string, string]> = {
		400: ['VALIDATION_ERROR', 'Invalid request.'],
		401: ['UNAUTHORIZED', 'Missing or invalid API key.'],
		402: [
			'RENDER_QUOTA_EXCEEDED',
			'Monthly render minutes exhausted. Quota resets on the 1st (UTC).',
		],
		403: ['FORBIDDEN', 'API access is not available on the Free plan. Upgrade to Pro.'],
		404: ['NOT_FOUND', 'Job not found.'],
		409: [
			'CONCURRENCY_LIMIT_EXCEEDED',
			'Concurrent job limit reached. Wait for a running job to complete.',
		],
		429: ['RATE_LIMITED', `Rate limit exceeded. Retry after ${seconds} seconds.`],
		500: ['INTERNAL_ERROR', 'Internal server error.'],
		503: ['SERVICE_UNAVAILABLE', 'Render infrastructure unavailable.'],
	};
	const [code, message] = defaults[status] ?? ['INTERNAL_ERROR', 'Unexpected error.'];
	const answer: EmulatorResponse = {
		status,
		body: { error: detail.message ?? message, code: detail.code ?? code },
	};
	if (status === 429) answer.headers = { 'retry-after': String(seconds) };
	return answer;
}

export function createViralSyncEmulator(): Emulator {
	const limiter = new SlidingWindowLimiter();
	const emulator = new Emulator(
		{
			name: 'viralsync',
			authenticate(req, keys) {
				// docs/api/sync.md "Auth": x-api-key wins over Bearer when both are present.
				const key = headerValue(req.headers, 'x-api-key')?.trim() ?? bearerToken(req.headers);
				const config = key ? keys.get(key) : undefined;
				if (!config || config.deleted) return { refuse: viralSyncError(401) };
				if (config.revoked) {
					return {
						refuse: viralSyncError(401, {
							code: 'API_KEY_REVOKED',
							message: 'This API key has been revoked.',
						}),
					};
				}
				// docs/api/sync.md "Rate limits" check order: 401 → 403 (API plan) → 429 …; Free has no API access on any route.
				if (config.plan === 'free') return { refuse: viralSyncError(403) };
				return { key: config };
			},
			errorResponse: (status, detail) => viralSyncError(status, detail),
			beforeRoute(req) {
				const decision = limiter.take(
					req.key!.key,
					Number(emulator.config.requestsPerWindow),
					Number(emulator.config.windowMs),
				);
				return decision.allowed
					? undefined
					: viralSyncError(429, { retryAfterSeconds: decision.retryAfterSeconds });
			},
		},
		[
			{
				key: TEST_KEYS.viralsync.valid,
				plan: 'pro',
				userId: 'user_emu001',
				email: 'pro@example.com',
			},
			{
				key: TEST_KEYS.viralsync.revoked,
				plan: 'pro',
				revoked: true,
				userId: 'user_emu002',
				email: 'old@example.com',
			},
			{
				key: TEST_KEYS.viralsync.free,
				plan: 'free',
				userId: 'user_emu003',
				email: 'free@example.com',
			},
			{
				key: TEST_KEYS.viralsync.enterprise,
				plan: 'enterprise',
				userId: 'user_emu004',
				email: 'studio@example.com',
			},
		],
		{
			requestsPerWindow: 120,
			windowMs: 60_000,
			/** Milliseconds per pipeline stage; tests speed the clock up. */
			stageMs: 2000,
			callbackSecret: 'vs_cb_secret_emulator_0123456789',
			/** Render minutes already used this month, per account (test hook). */
			usedMinutes: 0,
			outputBytes: 128 * 1024,
		},
	);

	type Job = Record<string, unknown> & {
		jobId: string;
		status: string;
		owner: string;
		createdAt: string;
		updatedAt: string;
	};
	let jobs: Job[] = [];
	emulator.onReset(() => {
		limiter.reset();
		jobs = [];
	});
	const TERMINAL = ['done', 'failed', 'cancelled'];
	const RUNNING = ['running', 'waiting'];
	const publicJob = (job: Job) => {
		const { owner: _owner, ...rest } = job;
		return rest;
	};

	/** docs/api/sync.md "Jobs" pipeline: status/phase per stage, progress rising to 1.0. */
	const STAGES: Array<{ status: string; phase: string | null; progress: number }> = [
		{ status: 'running', phase: 'planning', progress: 0.05 },
		{ status: 'running', phase: 'dispatching', progress: 0.1 },
		{ status: 'waiting', phase: 'rendering', progress: 0.5 },
		{ status: 'running', phase: 'assembling', progress: 0.85 },
		{ status: 'running', phase: 'uploading', progress: 0.95 },
	];

	async function callback(job: Job, event: Record<string, unknown>) {
		const url = (job.payload as Record<string, unknown>).callbackUrl as string | undefined;
		if (!url) return;
		const body = JSON.stringify({
			jobId: job.jobId,
			...event,
			timestamp: new Date().toISOString(),
		});
		const signature = createHmac('sha256', String(emulator.config.callbackSecret))
			.update(body)
			.digest('hex');
		await emulator.deliver(url, body, { 'x-render-signature': signature });
	}

	function movieMinutes(movie: Record<string, unknown>): number {
		return (
			((movie.scenes as Array<Record<string, unknown>>) ?? []).reduce(
				(sum, scene) => sum + Number(scene.duration ?? 0),
				0,
			) / 60
		);
	}

	/** Plan page: the limit counts render jobs in running state (running, or waiting on its scenes), not queued ones. */
	const runningJobs = (owner: string) =>
		jobs.filter((job) => job.owner === owner && RUNNING.includes(job.status)).length;

	function run(job: Job, stage = 0) {
		emulator.schedule(Number(emulator.config.stageMs), () => {
			if (TERMINAL.includes(job.status)) return;
			// A queued job starts only when a slot of the plan's concurrency is free.
			if (stage === 0 && runningJobs(job.owner) >= planOf(job.owner).concurrency) {
				run(job, 0);
				return;
			}
			const scenes = ((job.payload as Record<string, unknown>).movie as Record<string, unknown>)
				.scenes as Array<Record<string, unknown>>;
			const failing = scenes.find((scene) => JSON.stringify(scene).includes('fail'));
			const now = new Date().toISOString();
			if (stage === STAGES.length) {
				const movie = (job.payload as Record<string, unknown>).movie as Record<string, unknown>;
				const minutes = movieMinutes(movie);
				const account = job.owner;
				usage.set(account, (usage.get(account) ?? 0) + minutes);
				Object.assign(job, {
					status: 'done',
					phase: null,
					progress: 1,
					outputUrl: `${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?job=${job.jobId}`,
					mediaData: {
						duration: Number((minutes * 60).toFixed(2)),
						width: movie.width ?? 1920,
						height: movie.height ?? 1080,
						fileSize: Number(emulator.config.outputBytes),
					},
					children: {
						total: scenes.length,
						succeeded: scenes.length,
						running: 0,
						queued: 0,
						failed: 0,
					},
					updatedAt: now,
				});
				void callback(job, {
					status: 'done',
					progress: 1,
					outputUrl: job.outputUrl,
					mediaData: job.mediaData,
				});
				return;
			}
			const next = STAGES[stage];
			if (next.phase === 'rendering' && failing) {
				Object.assign(job, {
					status: 'failed',
					phase: null,
					error: emulator.failureText(
						`SCENE_RENDER_FAILED: FFmpeg exited with code 1 on ${String(failing.id)}`,
					),
					children: {
						total: scenes.length,
						succeeded: 0,
						running: 0,
						queued: scenes.length - 1,
						failed: 1,
					},
					updatedAt: now,
				});
				void callback(job, {
					status: 'failed',
					progress: job.progress,
					error: job.error,
					outputUrl: null,
				});
				return;
			}
			Object.assign(job, {
				status: next.status,
				phase: next.phase,
				progress: next.progress,
				updatedAt: now,
			});
			if (next.phase === 'rendering')
				job.children = {
					total: scenes.length,
					succeeded: 0,
					running: scenes.length,
					queued: 0,
					failed: 0,
				};
			void callback(job, {
				status: job.status,
				phase: job.phase,
				progress: job.progress,
				...(job.children ? { children: job.children } : {}),
				outputUrl: null,
			});
			run(job, stage + 1);
		});
	}

	const usage = new Map<string, number>();
	emulator.onReset(() => usage.clear());
	const PLAN = {
		free: { minutes: 30, maxMinutes: 10, maxSide: 720, concurrency: 1 },
		pro: { minutes: 200, maxMinutes: 10, maxSide: 1080, concurrency: 3 },
		business: { minutes: 600, maxMinutes: 20, maxSide: 1440, concurrency: 6 },
		enterprise: {
			minutes: Number.POSITIVE_INFINITY,
			maxMinutes: 120,
			maxSide: 2160,
			concurrency: Number.POSITIVE_INFINITY,
		},
	} as const;
	const usedBy = (owner: string) => (usage.get(owner) ?? 0) + Number(emulator.config.usedMinutes);
	const planOf = (owner: string) =>
		PLAN[(emulator.keys.get(owner)?.plan as keyof typeof PLAN | undefined) ?? 'pro'];

	function validateRender(body: Record<string, unknown>): string | undefined {
		if (body.kind !== 'movie') return 'kind must be "movie"';
		if (typeof body.projectId !== 'string' || body.projectId === '') return 'projectId is required';
		const movie = body.movie as Record<string, unknown> | undefined;
		if (!movie || typeof movie !== 'object') return 'movie is required';
		const width = movie.width ?? 1920;
		const height = movie.height ?? 1080;
		const fps = movie.fps ?? 30;
		if (typeof width !== 'number' || width < 360 || width > 3840)
			return 'movie.width must be between 360 and 3840';
		if (typeof height !== 'number' || height < 360 || height > 2160)
			return 'movie.height must be between 360 and 2160';
		if (typeof fps !== 'number' || fps < 1 || fps > 60) return 'movie.fps must be between 1 and 60';
		if (!Array.isArray(movie.scenes) || movie.scenes.length === 0)
			return 'movie.scenes must contain at least one scene';
		const ids = new Set<string>();
		for (const [index, scene] of (movie.scenes as Array<Record<string, unknown>>).entries()) {
			if (typeof scene.id !== 'string' || scene.id === '')
				return `movie.scenes[${index}].id is required`;
			if (ids.has(scene.id)) return `movie.scenes[${index}].id "${scene.id}" is not unique`;
			ids.add(scene.id);
			if (
				scene.duration !== undefined &&
				!(typeof scene.duration === 'number' && scene.duration > 0)
			)
				return `movie.scenes[${index}].duration must be above 0`;
			if (scene.layers !== undefined && !Array.isArray(scene.layers))
				return `movie.scenes[${index}].layers must be an array`;
			for (const [layerIndex, layer] of (
				(scene.layers as Array<Record<string, unknown>>) ?? []
			).entries()) {
				if (!['video', 'image', 'audio', 'text'].includes(String(layer?.type)))
					return `movie.scenes[${index}].layers[${layerIndex}].type must be video, image, audio or text`;
			}
		}
		const options = (body.renderOptions ?? {}) as Record<string, unknown>;
		if (
			options.qualityPreset !== undefined &&
			!['stable', 'balanced', 'fast', 'turbo'].includes(String(options.qualityPreset))
		) {
			return 'renderOptions.qualityPreset must be stable, balanced, fast or turbo';
		}
		if (
			options.requestedConcurrency !== undefined &&
			!(
				Number.isInteger(options.requestedConcurrency) &&
				Number(options.requestedConcurrency) >= 1 &&
				Number(options.requestedConcurrency) <= 32
			)
		) {
			return 'renderOptions.requestedConcurrency must be between 1 and 32';
		}
		if (body.callbackUrl !== undefined && !/^https?:\/\//.test(String(body.callbackUrl)))
			return 'callbackUrl must be an http(s) URL';
		return undefined;
	}

	// docs/api/sync.md "Rate limits" #2, docs/api/sync.md "Rate limits" check order: 400 → 403 plan limits → 402 quota → 409 concurrency.
	emulator.route('POST', '/v1/render/jobs', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problem = validateRender(body);
		if (problem) return viralSyncError(400, { message: problem });
		const plan = PLAN[(req.key!.plan as keyof typeof PLAN) ?? 'pro'];
		const movie = body.movie as Record<string, unknown>;
		const shorter = Math.min(Number(movie.width ?? 1920), Number(movie.height ?? 1080));
		if (shorter > plan.maxSide)
			return viralSyncError(403, {
				message: `Resolution above your plan's maximum (${plan.maxSide}p).`,
			});
		const minutes = movieMinutes(movie);
		if (minutes > plan.maxMinutes)
			return viralSyncError(403, {
				message: `Job duration above your plan's maximum (${plan.maxMinutes} min).`,
			});
		if (usedBy(req.key!.key) + minutes > plan.minutes) return viralSyncError(402);
		// The documented 409 (rate-limits page): the account's running jobs are at the plan's limit.
		if (runningJobs(req.key!.key) >= plan.concurrency) return viralSyncError(409);
		const now = new Date().toISOString();
		const job: Job = {
			jobId: `job_${randomBytes(6).toString('hex')}`,
			type: 'render',
			status: 'queued',
			phase: null,
			progress: 0,
			parentJobId: null,
			outputUrl: null,
			error: null,
			mediaData: null,
			payload: {
				projectId: body.projectId,
				movie: body.movie,
				renderOptions: body.renderOptions ?? { qualityPreset: 'balanced' },
				...(body.callbackUrl ? { callbackUrl: body.callbackUrl } : {}),
			},
			children: {
				total: (movie.scenes as unknown[]).length,
				succeeded: 0,
				running: 0,
				queued: (movie.scenes as unknown[]).length,
				failed: 0,
			},
			createdAt: now,
			updatedAt: now,
			owner: req.key!.key,
		};
		jobs.unshift(job);
		run(job);
		return { status: 202, body: { jobId: job.jobId, status: 'queued' } };
	});

	const findJob = (req: EmulatorRequest) =>
		jobs.find((job) => job.jobId === req.params.id && job.owner === req.key!.key);

	emulator.route('GET', '/v1/jobs/{id}', (req) => {
		const job = findJob(req);
		return job ? { status: 200, body: publicJob(job) } : viralSyncError(404);
	});

	// docs/api/sync.md "Endpoints" #3, docs/api/sync.md "Pagination": newest first, status/type filters, opaque cursor, nextCursor null at the end.
	emulator.route('GET', '/v1/jobs', (req) => {
		const limit = Number(req.query.get('limit') ?? 25);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100)
			return viralSyncError(400, { message: 'limit must be between 1 and 100' });
		const status = req.query.get('status');
		const type = req.query.get('type');
		const list = jobs.filter(
			(job) =>
				job.owner === req.key!.key &&
				(!status || job.status === status) &&
				(!type || job.type === type),
		);
		const cursor = req.query.get('cursor');
		let offset = 0;
		if (cursor) {
			offset = Number(Buffer.from(cursor, 'base64url').toString().replace(/^o:/, ''));
			if (!Number.isInteger(offset) || offset < 0)
				return viralSyncError(400, { message: 'cursor is invalid' });
		}
		const page = list.slice(offset, offset + limit);
		const nextCursor =
			offset + limit < list.length
				? Buffer.from(`o:${offset + limit}`).toString('base64url')
				: null;
		return { status: 200, body: { jobs: page.map(publicJob), nextCursor } };
	});

	emulator.route('POST', '/v1/jobs/{id}/cancel', (req) => {
		const job = findJob(req);
		if (!job) return viralSyncError(404);
		if (TERMINAL.includes(job.status))
			return viralSyncError(409, {
				code: 'INVALID_STATE_TRANSITION',
				message: `Job is ${job.status} and cannot be cancelled.`,
			});
		Object.assign(job, { status: 'cancelled', phase: null, updatedAt: new Date().toISOString() });
		void callback(job, { status: 'cancelled', progress: job.progress, outputUrl: null });
		return { status: 200, body: publicJob(job) };
	});

	emulator.route('DELETE', '/v1/jobs/{id}', (req) => {
		const job = findJob(req);
		if (!job) return viralSyncError(404);
		if (!TERMINAL.includes(job.status))
			return viralSyncError(409, {
				code: 'INVALID_STATE_TRANSITION',
				message: `Job is ${job.status}; only finished jobs can be deleted.`,
			});
		jobs = jobs.filter((candidate) => candidate !== job);
		return { status: 204 };
	});

	emulator.route('GET', '/v1/usage', (req) => {
		const plan = String(req.key!.plan ?? 'pro') as keyof typeof PLAN;
		const limits = PLAN[plan];
		const used = Number(usedBy(req.key!.key).toFixed(2));
		const now = new Date();
		const limit = Number.isFinite(limits.minutes) ? limits.minutes : null;
		return {
			status: 200,
			body: {
				plan,
				periodStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
				periodEnd: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
				renderMinutesUsed: used,
				renderMinutesLimit: limit,
				renderMinutesRemaining:
					limit === null ? null : Number(Math.max(0, limit - used).toFixed(2)),
				dailyMinutesUsed: used,
				dailyMinutesLimit: plan === 'free' ? 5 : null,
				runningJobs: jobs.filter(
					(job) => job.owner === req.key!.key && !TERMINAL.includes(job.status),
				).length,
				concurrencyLimit: Number.isFinite(limits.concurrency) ? limits.concurrency : null,
			},
		};
	});

	emulator.route('GET', '/v1/me', (req) => ({
		status: 200,
		body: { userId: req.key!.userId, plan: req.key!.plan, email: req.key!.email },
	}));
	return emulator;
}
