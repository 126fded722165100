/** HeyGen API v3 emulator, from ../shared/api/heygen.md. */
import { randomUUID } from 'node:crypto';

import { Emulator, bearerToken, headerValue, type EmulatorRequest, type EmulatorResponse, type ErrorDetail } from './core';
import { TokenBucketLimiter } from './limiters';
import { TEST_KEYS } from './keys';

const DOCS = 'https://developers.heygen.com/docs/error-codes';

/** §4: `{error: {code, message, param, doc_url}}`. */
export function heygenError(status: number, detail: ErrorDetail & { param?: string } = {}): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['invalid_parameter', 'Invalid parameter'],
		401: ['unauthorized', 'Unauthorized: the API key is missing or invalid.'],
		402: ['insufficient_credit', 'Insufficient credit'],
		403: ['forbidden', 'Forbidden'],
		404: ['not_found', 'Resource not found'],
		409: ['request_in_progress', 'A request with this Idempotency-Key is still in progress'],
		413: ['payload_too_large', 'Payload too large'],
		429: ['rate_limit_exceeded', 'Rate limit exceeded'],
		500: ['internal_error', 'Internal error'],
		502: ['internal_error', 'Bad gateway'],
		503: ['internal_error', 'Service unavailable'],
		504: ['gateway_timeout', 'Gateway timeout'],
	};
	const [code, message] = defaults[status] ?? ['error', 'Error'];
	const errorCode = detail.code ?? code;
	const answer: EmulatorResponse = {
		status,
		body: {
			error: {
				code: errorCode,
				message: detail.message ?? message,
				param: detail.param ?? null,
				doc_url: `${DOCS}#${errorCode.replace(/_/g, '-')}`,
			},
		},
	};
	// §4: 429 always carries Retry-After.
	if (status === 429) answer.headers = { 'retry-after': String(detail.retryAfterSeconds ?? 1) };
	return answer;
}

export function createHeyGenEmulator(): Emulator {
	const limiter = new TokenBucketLimiter();
	const emulator = new Emulator(
		{
			name: 'heygen',
			authenticate(req, keys) {
				// §7.1: X-Api-Key, or an OAuth access token as Bearer.
				const apiKey = headerValue(req.headers, 'x-api-key')?.trim();
				const token = apiKey ?? bearerToken(req.headers);
				const config = token ? keys.get(token) : undefined;
				if (!config || config.revoked) return { refuse: heygenError(401) };
				return { key: config };
			},
			errorResponse: (status, detail) => heygenError(status, detail),
			commonHeaders: () => ({ 'x-request-id': `req_${randomUUID()}` }),
			beforeRoute(req) {
				const limit = Number(emulator.config.requestsPerMinute);
				if (!(limit > 0)) return undefined;
				const decision = limiter.take(req.key!.key, limit);
				return decision.allowed
					? undefined
					: heygenError(429, { retryAfterSeconds: decision.retryAfterSeconds });
			},
		},
		[{ key: TEST_KEYS.heygen.valid }, { key: TEST_KEYS.heygen.noUserRead, noUserRead: true }],
		// No requests-per-minute figure is published (§4): unlimited unless a test sets one.
		{
			requestsPerMinute: 0,
			walletBalance: 120.5,
			/** Milliseconds per job stage (waiting → pending → processing → done); tests speed it up. */
			stageMs: 3000,
			outputBytes: 96 * 1024,
			/** §8: v2-only fields on /v3/videos answer 400 (switch: ignore them). */
			rejectV2Fields: true,
			/** §4: 10 concurrent jobs on Pay-As-You-Go. */
			concurrency: 10,
			/** Test hook: answer every keyed create with 409 request_in_progress. */
			holdIdempotentRequests: false,
		},
	);
	emulator.onReset(() => limiter.reset());

	emulator.route('GET', '/v3/users/me', (req) => {
		if (req.key?.noUserRead) {
			return heygenError(403, { message: 'This API key is missing the user-read scope.' });
		}
		return {
			status: 200,
			body: {
				data: {
					username: 'emulator_user',
					email: 'emulator@example.com',
					first_name: 'Emu',
					last_name: 'Lator',
					billing_type: 'wallet',
					wallet: {
						currency: 'usd',
						remaining_balance: emulator.config.walletBalance,
						auto_reload: { enabled: false, amount_usd: null, threshold_usd: null },
					},
				},
			},
		};
	});
	addAvatarVoiceVideoRoutes(emulator);
	return emulator;
}

type Row = Record<string, unknown>;

/** §5: cursor pages: `limit` (default, max) + opaque `token`; `has_more` + `next_token` beside `data`. */
function page(req: EmulatorRequest, rows: unknown[], defaults: { limit: number; max: number }): EmulatorResponse {
	const limit = Number(req.query.get('limit') ?? defaults.limit);
	if (!Number.isInteger(limit) || limit < 1) return heygenError(400, { code: 'invalid_parameter', message: 'limit must be a positive integer', param: 'limit' });
	if (limit > defaults.max) return heygenError(400, { code: 'invalid_parameter', message: `limit must be at most ${defaults.max}`, param: 'limit' });
	const token = req.query.get('token');
	const offset = token ? Number(Buffer.from(token, 'base64url').toString().replace(/^t:/, '')) : 0;
	if (!Number.isInteger(offset) || offset < 0) return heygenError(400, { code: 'invalid_parameter', message: 'token is invalid', param: 'token' });
	const slice = rows.slice(offset, offset + limit);
	const hasMore = offset + limit < rows.length;
	return { status: 200, body: { data: slice as never, has_more: hasMore, next_token: hasMore ? Buffer.from(`t:${offset + limit}`).toString('base64url') : null } };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function seedGroups(): Row[] {
	return [
		{ id: 'grp_public_anna', name: 'Anna', created_at: 1_760_000_000, looks_count: 2, gender: 'female', default_voice_id: 'voice_en_sara', preview_image_url: null, preview_video_url: null, status: null, consent_status: null, error: null, ownership: 'public' },
		{ id: 'grp_public_tom', name: 'Tom', created_at: 1_760_000_100, looks_count: 1, gender: 'male', default_voice_id: 'voice_en_mark', preview_image_url: null, preview_video_url: null, status: null, consent_status: null, error: null, ownership: 'public' },
	];
}

function seedLooks(): Row[] {
	const look = (id: string, name: string, groupId: string, type: string, gender: string, voice: string, engines: string[]) => ({
		id,
		name,
		avatar_type: type,
		supported_api_engines: engines,
		tags: [],
		group_id: groupId,
		gender,
		default_voice_id: voice,
		preview_image_url: `https://files.heygen.example/${id}.png`,
		preview_video_url: null,
		image_width: 1920,
		image_height: 1080,
		preferred_orientation: 'landscape',
		status: 'completed',
		error: null,
		ownership: 'public',
	});
	return [
		look('Anna_public_office', 'Anna in the office', 'grp_public_anna', 'studio_avatar', 'female', 'voice_en_sara', ['avatar_iv', 'avatar_iii']),
		look('Anna_public_casual', 'Anna casual', 'grp_public_anna', 'studio_avatar', 'female', 'voice_en_sara', ['avatar_iv', 'avatar_v']),
		look('Tom_public_studio', 'Tom in the studio', 'grp_public_tom', 'studio_avatar', 'male', 'voice_en_mark', ['avatar_iv']),
	];
}

function seedVoices(): Row[] {
	const voice = (voice_id: string, name: string, language: string, gender: string, type = 'public') => ({
		voice_id,
		name,
		language,
		gender,
		type,
		preview_audio_url: `https://files.heygen.example/${voice_id}.mp3`,
		support_pause: true,
		support_locale: true,
		engines: ['starfish', 'elevenlabs'],
	});
	return [
		voice('voice_en_sara', 'Sara', 'English', 'female'),
		voice('voice_en_mark', 'Mark', 'English', 'male'),
		voice('voice_es_lucia', 'Lucía', 'Spanish', 'female'),
		voice('voice_de_jonas', 'Jonas', 'German', 'male'),
	];
}

const VIDEO_TYPES = ['avatar', 'image', 'studio', 'cinematic_avatar'];
const ASPECT_RATIOS = ['16:9', '9:16', '4:5', '5:4', '1:1', 'auto'];

function addAvatarVoiceVideoRoutes(emulator: Emulator): void {
	let groups = seedGroups();
	let looks = seedLooks();
	let voices = seedVoices();
	let videos: Row[] = [];
	emulator.onReset(() => {
		groups = seedGroups();
		looks = seedLooks();
		voices = seedVoices();
		videos = [];
	});

	const visible = (row: Row, req: EmulatorRequest) => {
		const ownership = req.query.get('ownership');
		return !ownership || row.ownership === ownership;
	};
	const strip = ({ ownership: _ownership, ...row }: Row) => row;

	emulator.route('GET', '/v3/avatars', (req) => page(req, groups.filter((group) => visible(group, req)).map(strip), { limit: 20, max: 50 }));
	emulator.route('GET', '/v3/avatars/looks', (req) => {
		const groupId = req.query.get('group_id');
		const type = req.query.get('avatar_type');
		return page(
			req,
			looks.filter((look) => visible(look, req) && (!groupId || look.group_id === groupId) && (!type || look.avatar_type === type)).map(strip),
			{ limit: 20, max: 50 },
		);
	});
	emulator.route('GET', '/v3/avatars/looks/{id}', (req) => {
		const look = looks.find((candidate) => candidate.id === req.params.id);
		return look ? { status: 200, body: { data: strip(look) } } : heygenError(404, { code: 'avatar_not_found', message: `Avatar look ${req.params.id} not found` });
	});
	emulator.route('GET', '/v3/avatars/{id}', (req) => {
		const group = groups.find((candidate) => candidate.id === req.params.id);
		return group ? { status: 200, body: { data: strip(group) } } : heygenError(404, { code: 'avatar_not_found', message: `Avatar group ${req.params.id} not found` });
	});

	emulator.route('GET', '/v3/voices', (req) => {
		const type = req.query.get('type') ?? 'public';
		const language = req.query.get('language');
		const gender = req.query.get('gender');
		const engine = req.query.get('engine');
		return page(
			req,
			voices
				.filter((voice) => voice.type === type && (!language || voice.language === language) && (!gender || voice.gender === gender) && (!engine || (voice.engines as string[]).includes(engine)))
				.map(({ engines: _engines, ...voice }) => voice),
			{ limit: 20, max: 100 },
		);
	});
	emulator.route('GET', '/v3/voices/{id}', (req) => {
		const voice = voices.find((candidate) => candidate.voice_id === req.params.id);
		return voice ? { status: 200, body: { data: { ...voice, engines: undefined, support_interactive_avatar: false } } } : heygenError(404, { code: 'voice_not_found', message: `Voice ${req.params.id} not found` });
	});

	// §2.3, §7.4: create per type, then the job clock (§7.5).
	function validateVideo(body: Row): EmulatorResponse | undefined {
		const bad = (message: string, param: string) => heygenError(400, { code: 'invalid_parameter', message, param });
		if (emulator.config.rejectV2Fields) {
			for (const field of ['video_inputs', 'dimension', 'test']) if (field in body) return bad(`${field} is not supported in API v3`, field);
		}
		if (!VIDEO_TYPES.includes(String(body.type))) return bad(`type must be one of ${VIDEO_TYPES.join(', ')}`, 'type');
		if (body.aspect_ratio !== undefined && !ASPECT_RATIOS.includes(String(body.aspect_ratio))) return bad('aspect_ratio is not supported', 'aspect_ratio');
		if (body.resolution !== undefined && !['4k', '1080p', '720p'].includes(String(body.resolution))) return bad('resolution must be 4k, 1080p or 720p', 'resolution');
		if (body.output_format === 'webm' && body.background !== undefined) return bad('webm output cannot have a background', 'background');
		const audio = (input: Row, where: string, requireVoice: boolean): EmulatorResponse | undefined => {
			const sources = [input.script !== undefined, input.audio_url !== undefined, input.audio_asset_id !== undefined].filter(Boolean).length;
			if (sources !== 1) return bad(`${where}: exactly one of script, audio_url or audio_asset_id is required`, `${where}script`);
			if (typeof input.script === 'string' && input.script.length > 5000) return bad('script must be at most 5000 characters', `${where}script`);
			if (input.script !== undefined && requireVoice && !input.voice_id) return bad('voice_id is required with script', `${where}voice_id`);
			if (input.voice_id !== undefined && !voices.some((voice) => voice.voice_id === input.voice_id)) return heygenError(404, { code: 'voice_not_found', message: `Voice ${String(input.voice_id)} not found` });
			return undefined;
		};
		if (body.type === 'avatar') {
			if (typeof body.avatar_id !== 'string') return bad('avatar_id is required', 'avatar_id');
			if (!looks.some((look) => look.id === body.avatar_id)) return heygenError(404, { code: 'avatar_not_found', message: `Avatar ${body.avatar_id} not found` });
			return audio(body, '', false);
		}
		if (body.type === 'image') {
			if (!body.image || typeof body.image !== 'object') return bad('image is required', 'image');
			return audio(body, '', true);
		}
		if (body.type === 'studio') {
			if (!Array.isArray(body.scenes) || body.scenes.length < 1 || body.scenes.length > 50) return bad('scenes must hold 1 to 50 scenes', 'scenes');
			for (const [index, scene] of (body.scenes as Row[]).entries()) {
				const where = `scenes[${index}].`;
				if (scene.type === 'avatar_video') {
					const input = (scene.input ?? {}) as Row;
					if (input.type === 'avatar' && !looks.some((look) => look.id === input.avatar_id)) return heygenError(404, { code: 'avatar_not_found', message: `Avatar ${String(input.avatar_id)} not found` });
					const problem = audio(input, `${where}input.`, input.type === 'image');
					if (problem) return problem;
				} else if (scene.type === 'image') {
					if (!scene.source) return bad('source is required', `${where}source`);
					const silent = scene.duration !== undefined;
					if (silent && !(Number(scene.duration) > 0 && Number(scene.duration) <= 300)) return bad('duration must be above 0 and at most 300', `${where}duration`);
					if (!silent) {
						const problem = audio(scene, where, true);
						if (problem) return problem;
					}
				} else if (scene.type === 'video') {
					if (!scene.source) return bad('source is required', `${where}source`);
				} else return bad('scene type must be avatar_video, image or video', `${where}type`);
			}
		}
		return undefined;
	}

	function runVideo(video: Row) {
		const stage = Number(emulator.config.stageMs);
		const failing = JSON.stringify(video.request).includes('fail');
		emulator.schedule(stage, () => {
			video.status = 'pending';
			emulator.schedule(stage, () => {
				video.status = 'processing';
				emulator.schedule(stage, () => {
					video.completed_at = nowSeconds();
					if (failing) Object.assign(video, { status: 'failed', failure_code: 'download_failed', failure_message: 'An input URL could not be downloaded.' });
					else {
						const url = `${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?video=${String(video.id)}`;
						Object.assign(video, { status: 'completed', duration: 4.2, video_url: url, thumbnail_url: `${url}&thumb=1`, gif_url: null, captioned_video_url: null, subtitle_url: null, video_page_url: `https://app.heygen.example/videos/${String(video.id)}` });
					}
					emulator.hooks.onVideoDone?.(video as never);
				});
			});
		});
	}
	const publicVideo = ({ request: _request, ...video }: Row) => video;

	/** §7.8: Idempotency-Key pattern, 24 h replay of the first answer, 409 while the first is in flight. */
	const replays = new Map<string, { at: number; answer?: EmulatorResponse }>();
	emulator.onReset(() => replays.clear());
	const idempotent = (req: EmulatorRequest, create: () => EmulatorResponse): EmulatorResponse => {
		const key = headerValue(req.headers, 'idempotency-key');
		if (key === undefined) return create();
		if (!/^[A-Za-z0-9_\-:.]{1,255}$/.test(key)) return heygenError(400, { code: 'invalid_parameter', message: 'Idempotency-Key is malformed', param: 'Idempotency-Key' });
		const scope = `${req.method} ${req.path} ${key}`;
		const seen = replays.get(scope);
		if (seen && Date.now() - seen.at < 24 * 3600_000) {
			return seen.answer ?? heygenError(409, { code: 'request_in_progress', message: 'A request with this Idempotency-Key is still in progress' });
		}
		if (emulator.config.holdIdempotentRequests) {
			replays.set(scope, { at: Date.now() });
			return heygenError(409, { code: 'request_in_progress', message: 'A request with this Idempotency-Key is still in progress' });
		}
		const answer = create();
		if (answer.status < 300) replays.set(scope, { at: Date.now(), answer });
		return answer;
	};
	emulator.hooks.idempotent = idempotent as never;

	emulator.route('POST', '/v3/videos', (req) => idempotent(req, () => {
		const body = (req.body ?? {}) as Row;
		const problem = validateVideo(body);
		if (problem) return problem;
		const active = videos.filter((video) => !['completed', 'failed'].includes(String(video.status))).length;
		if (active >= Number(emulator.config.concurrency)) return heygenError(429, { code: 'rate_limit_exceeded', message: 'Too many concurrent jobs', retryAfterSeconds: 5 });
		const video: Row = {
			id: randomUUID().replace(/-/g, ''),
			status: 'waiting',
			title: body.title ?? null,
			created_at: nowSeconds(),
			completed_at: null,
			duration: null,
			video_url: null,
			thumbnail_url: null,
			gif_url: null,
			captioned_video_url: null,
			subtitle_url: null,
			video_page_url: null,
			folder_id: null,
			callback_id: body.callback_id ?? null,
			request: body,
		};
		videos.unshift(video);
		runVideo(video);
		return { status: 200, body: { data: { video_id: video.id, status: 'waiting', output_format: body.output_format ?? 'mp4' } } };
	}));
	emulator.route('GET', '/v3/videos/statuses', (req) => {
		const ids = (req.query.get('video_ids') ?? '').split(',').filter(Boolean);
		if (ids.length > 100) return heygenError(400, { code: 'invalid_parameter', message: 'at most 100 video_ids', param: 'video_ids' });
		return {
			status: 200,
			body: {
				data: ids.map((id) => {
					const video = videos.find((candidate) => candidate.id === id);
					if (!video) return { video_id: id, status: 'not_found' };
					const status = video.status === 'waiting' || video.status === 'pending' ? 'queued' : video.status;
					return { video_id: id, status, ...(video.failure_message ? { error: video.failure_message } : {}) };
				}) as never,
			},
		};
	});
	emulator.route('GET', '/v3/videos/{id}', (req) => {
		const video = videos.find((candidate) => candidate.id === req.params.id);
		if (!video) return heygenError(404, { code: 'video_not_found', message: `Video ${req.params.id} not found` });
		// The create answer says "waiting"; GET reports it as pending (§8).
		const shown = publicVideo(video);
		if (shown.status === 'waiting') shown.status = 'pending';
		return { status: 200, body: { data: shown } };
	});
	emulator.route('GET', '/v3/videos', (req) => {
		const title = req.query.get('title')?.toLowerCase();
		const folder = req.query.get('folder_id');
		return page(req, videos.filter((video) => (!title || String(video.title ?? '').toLowerCase().includes(title)) && (!folder || video.folder_id === folder)).map(publicVideo), { limit: 10, max: 100 });
	});
	emulator.route('DELETE', '/v3/videos/{id}', (req) => {
		const video = videos.find((candidate) => candidate.id === req.params.id);
		if (!video) return heygenError(404, { code: 'video_not_found', message: `Video ${req.params.id} not found` });
		videos = videos.filter((candidate) => candidate !== video);
		return { status: 200, body: { data: { id: video.id, deleted: true } } };
	});
}
