/** HeyGen API v3 emulator, from the API contract that docs/api/heygen.md summarises. */
import { createHmac, randomUUID } from 'node:crypto';

import {
	Emulator,
	bearerToken,
	headerValue,
	type EmulatorRequest,
	type EmulatorResponse,
	type ErrorDetail,
} from './core';
import { TokenBucketLimiter } from './limiters';
import { TEST_KEYS } from './keys';
import { addOAuthServer, type HeyGenOAuthServer } from './heygen-oauth';
import { addLipsyncRoutes } from './heygen-lipsync';
import { addVideoAgentRoutes } from './heygen-agent';

const DOCS = 'https://developers.heygen.com/docs/error-codes';

/** docs/api/heygen.md "Errors": `{error: {code, message, param, doc_url}}`; 401s as `{error: "Invalid API key", data: null}`. */
export function heygenError(
	status: number,
	detail: ErrorDetail & { param?: string } = {},
): EmulatorResponse {
	const defaults: Record<number, [string, string]> = {
		400: ['invalid_parameter', 'Invalid parameter'],
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
	// docs/api/heygen.md "Errors" "Second shape": HeyGen's authentication page answers key errors with `error` as a string.
	if (status === 401)
		return { status, body: { error: detail.message ?? 'Invalid API key', data: null } };
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
	// docs/api/heygen.md "Rate limits": 429 always carries Retry-After.
	if (status === 429) answer.headers = { 'retry-after': String(detail.retryAfterSeconds ?? 1) };
	return answer;
}

export function createHeyGenEmulator(): Emulator {
	const limiter = new TokenBucketLimiter();
	const emulator = new Emulator(
		{
			name: 'heygen',
			authenticate(req, keys) {
				// docs/api/heygen.md "Auth": X-Api-Key, or an OAuth access token as Bearer, never both.
				const apiKey = headerValue(req.headers, 'x-api-key')?.trim();
				const bearer = bearerToken(req.headers);
				if (apiKey !== undefined && bearer !== undefined) {
					return {
						refuse: heygenError(400, {
							message: 'Send either X-Api-Key or an OAuth Bearer token, not both.',
							param: 'Authorization',
						}),
					};
				}
				if (bearer !== undefined) {
					const access = oauth.check(bearer);
					if (!access?.ok)
						return {
							refuse: heygenError(401, {
								message:
									access?.reason === 'expired' ? 'Access token expired' : 'Invalid access token',
							}),
						};
					return { key: { key: `oauth:${access.token.clientId}` } };
				}
				const config = apiKey ? keys.get(apiKey) : undefined;
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
		// No requests-per-minute figure is published (docs/api/heygen.md "Errors"): unlimited unless a test sets one.
		{
			requestsPerMinute: 0,
			walletBalance: 120.5,
			/** Milliseconds per job stage (waiting → pending → processing → done); tests speed it up. */
			stageMs: 3000,
			outputBytes: 96 * 1024,
			/** docs/api/heygen.md "Assumptions": v2-only fields on /v3/videos answer 400 when on; off by default, as HeyGen's own node sends `test`/`folder_id` and its CLI schema ignores unknown fields. */
			rejectV2Fields: false,
			/** docs/api/heygen.md "Webhooks": which signature header names registered-endpoint deliveries carry: v3 | legacy | all. */
			signatureHeaders: 'v3',
			/** docs/api/heygen.md "Rate limits": 10 concurrent jobs on Pay-As-You-Go. */
			concurrency: 10,
			/** Test hook: answer every keyed create with 409 request_in_progress. */
			holdIdempotentRequests: false,
			/** OAuth2: lifetime of new access tokens; every token issued before `accessTokensExpiredBefore` (epoch ms) counts as expired. */
			accessTokenTtlSeconds: 3600,
			accessTokensExpiredBefore: 0,
		},
	);
	emulator.onReset(() => limiter.reset());
	// The auth step above reads it when a request arrives, after this line has run.
	const oauth: HeyGenOAuthServer = addOAuthServer(emulator);

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
	addWebhookTemplateTranslationAssetRoutes(emulator);
	addLipsyncRoutes(emulator);
	addVideoAgentRoutes(emulator);
	return emulator;
}

type Row = Record<string, unknown>;

/** docs/api/heygen.md "Pagination": cursor pages: `limit` (default, max) + opaque `token`; `has_more` + `next_token` beside `data`. */
export function page(
	req: EmulatorRequest,
	rows: unknown[],
	defaults: { limit: number; max: number },
): EmulatorResponse {
	const limit = Number(req.query.get('limit') ?? defaults.limit);
	if (!Number.isInteger(limit) || limit < 1)
		return heygenError(400, {
			code: 'invalid_parameter',
			message: 'limit must be a positive integer',
			param: 'limit',
		});
	if (limit > defaults.max)
		return heygenError(400, {
			code: 'invalid_parameter',
			message: `limit must be at most ${defaults.max}`,
			param: 'limit',
		});
	const token = req.query.get('token');
	const offset = token ? Number(Buffer.from(token, 'base64url').toString().replace(/^t:/, '')) : 0;
	if (!Number.isInteger(offset) || offset < 0)
		return heygenError(400, {
			code: 'invalid_parameter',
			message: 'token is invalid',
			param: 'token',
		});
	const slice = rows.slice(offset, offset + limit);
	const hasMore = offset + limit < rows.length;
	return {
		status: 200,
		body: {
			data: slice as never,
			has_more: hasMore,
			next_token: hasMore ? Buffer.from(`t:${offset + limit}`).toString('base64url') : null,
		},
	};
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function seedGroups(): Row[] {
	return [
		{
			id: 'grp_public_anna',
			name: 'Anna',
			created_at: 1_760_000_000,
			looks_count: 2,
			gender: 'female',
			default_voice_id: 'voice_en_sara',
			preview_image_url: null,
			preview_video_url: null,
			status: null,
			consent_status: null,
			error: null,
			ownership: 'public',
		},
		{
			id: 'grp_public_tom',
			name: 'Tom',
			created_at: 1_760_000_100,
			looks_count: 1,
			gender: 'male',
			default_voice_id: 'voice_en_mark',
			preview_image_url: null,
			preview_video_url: null,
			status: null,
			consent_status: null,
			error: null,
			ownership: 'public',
		},
	];
}

function seedLooks(): Row[] {
	const look = (
		id: string,
		name: string,
		groupId: string,
		type: string,
		gender: string,
		voice: string,
		engines: string[],
	) => ({
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
		look(
			'Anna_public_office',
			'Anna in the office',
			'grp_public_anna',
			'studio_avatar',
			'female',
			'voice_en_sara',
			['avatar_iv', 'avatar_iii'],
		),
		look(
			'Anna_public_casual',
			'Anna casual',
			'grp_public_anna',
			'studio_avatar',
			'female',
			'voice_en_sara',
			['avatar_iv', 'avatar_v'],
		),
		look(
			'Tom_public_studio',
			'Tom in the studio',
			'grp_public_tom',
			'studio_avatar',
			'male',
			'voice_en_mark',
			['avatar_iv'],
		),
	];
}

function seedVoices(): Row[] {
	const voice = (
		voice_id: string,
		name: string,
		language: string,
		gender: string,
		type = 'public',
	) => ({
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

	emulator.route('GET', '/v3/avatars', (req) =>
		page(req, groups.filter((group) => visible(group, req)).map(strip), { limit: 20, max: 50 }),
	);
	emulator.route('GET', '/v3/avatars/looks', (req) => {
		const groupId = req.query.get('group_id');
		const type = req.query.get('avatar_type');
		return page(
			req,
			looks
				.filter(
					(look) =>
						visible(look, req) &&
						(!groupId || look.group_id === groupId) &&
						(!type || look.avatar_type === type),
				)
				.map(strip),
			{ limit: 20, max: 50 },
		);
	});
	emulator.route('GET', '/v3/avatars/looks/{id}', (req) => {
		const look = looks.find((candidate) => candidate.id === req.params.id);
		return look
			? { status: 200, body: { data: strip(look) } }
			: heygenError(404, {
					code: 'avatar_not_found',
					message: `Avatar look ${req.params.id} not found`,
				});
	});
	emulator.route('GET', '/v3/avatars/{id}', (req) => {
		const group = groups.find((candidate) => candidate.id === req.params.id);
		return group
			? { status: 200, body: { data: strip(group) } }
			: heygenError(404, {
					code: 'avatar_not_found',
					message: `Avatar group ${req.params.id} not found`,
				});
	});

	emulator.route('GET', '/v3/voices', (req) => {
		const type = req.query.get('type') ?? 'public';
		const language = req.query.get('language');
		const gender = req.query.get('gender');
		const engine = req.query.get('engine');
		return page(
			req,
			voices
				.filter(
					(voice) =>
						voice.type === type &&
						(!language || voice.language === language) &&
						(!gender || voice.gender === gender) &&
						(!engine || (voice.engines as string[]).includes(engine)),
				)
				.map(({ engines: _engines, ...voice }) => voice),
			{ limit: 20, max: 100 },
		);
	});
	emulator.route('GET', '/v3/voices/{id}', (req) => {
		const voice = voices.find((candidate) => candidate.voice_id === req.params.id);
		if (!voice)
			return heygenError(404, {
				code: 'voice_not_found',
				message: `Voice ${req.params.id} not found`,
			});
		// docs/api/heygen.md "Endpoints": the get shape has no `type` or `support_locale` (the list shape does).
		const { engines: _engines, type: _type, support_locale: _locale, ...shown } = voice;
		return { status: 200, body: { data: { ...shown, support_interactive_avatar: false } } };
	});

	const stage = () => Number(emulator.config.stageMs);

	// docs/api/heygen.md "Endpoints": speech, design, clone, delete.
	emulator.route('POST', '/v3/voices/speech', (req) => {
		const body = (req.body ?? {}) as Row;
		if (typeof body.text !== 'string' || body.text.length < 1 || body.text.length > 5000)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'text must be 1 to 5000 characters',
				param: 'text',
			});
		const voice = voices.find((candidate) => candidate.voice_id === body.voice_id);
		if (!voice)
			return heygenError(404, {
				code: 'voice_not_found',
				message: `Voice ${String(body.voice_id)} not found`,
			});
		if (!((voice.engines as string[] | undefined) ?? []).includes('starfish'))
			return heygenError(400, {
				code: 'voice_not_usable',
				message: 'This voice does not support the starfish engine',
				param: 'voice_id',
			});
		if (body.speed !== undefined && !(Number(body.speed) >= 0.5 && Number(body.speed) <= 2))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'speed must be 0.5 to 2.0',
				param: 'speed',
			});
		const words = body.text.split(/\s+/).filter(Boolean);
		return {
			status: 200,
			body: {
				data: {
					audio_url: `${emulator.origin}/__emulator/files/${2000 + body.text.length * 100}.mp3`,
					duration: Number((words.length * 0.4).toFixed(2)),
					request_id: randomUUID(),
					word_timestamps: words.map((word, index) => ({
						word,
						start: index * 0.4,
						end: index * 0.4 + 0.35,
					})),
				},
			},
		};
	});
	emulator.route('POST', '/v3/voices', (req) => {
		const body = (req.body ?? {}) as Row;
		if (typeof body.prompt !== 'string' || !body.prompt)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'prompt is required',
				param: 'prompt',
			});
		const matches = voices
			.filter((voice) => voice.type === 'public' && (!body.gender || voice.gender === body.gender))
			.slice(0, 3)
			.map(({ engines: _engines, ...voice }) => voice);
		return { status: 200, body: { data: { seed: body.seed ?? 0, voices: matches } } };
	});
	emulator.route('POST', '/v3/voices/clone', (req) =>
		(
			emulator.hooks.idempotent as unknown as (
				req: EmulatorRequest,
				create: () => EmulatorResponse,
			) => EmulatorResponse
		)(req, () => {
			const body = (req.body ?? {}) as Row;
			if (typeof body.voice_name !== 'string' || !body.voice_name)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'voice_name is required',
					param: 'voice_name',
				});
			const audio = (body.audio ?? {}) as Row;
			if (!['url', 'asset_id', 'base64'].includes(String(audio.type)))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'audio must be an AssetInput',
					param: 'audio',
				});
			const clone: Row = {
				voice_id: `clone_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
				name: body.voice_name,
				language: body.language ?? 'English',
				gender: null,
				type: 'private',
				status: 'processing',
				preview_audio_url: null,
				support_pause: true,
				support_locale: false,
				engines: ['starfish'],
				created_at: nowSeconds(),
			};
			voices.push(clone);
			emulator.schedule(stage(), () => {
				if (JSON.stringify(audio).includes('fail'))
					Object.assign(clone, {
						status: 'failed',
						failure_message: emulator.failureText('The sample has too much background noise.'),
					});
				else
					Object.assign(clone, {
						status: 'complete',
						preview_audio_url: `${emulator.origin}/__emulator/files/4000.mp3?voice=${String(clone.voice_id)}`,
					});
			});
			return { status: 200, body: { data: { voice_clone_id: clone.voice_id } } };
		}),
	);
	emulator.route('DELETE', '/v3/voices/{id}', (req) => {
		const voice = voices.find(
			(candidate) => candidate.voice_id === req.params.id && candidate.type === 'private',
		);
		if (!voice)
			return heygenError(404, {
				code: 'voice_not_found',
				message: `Voice ${req.params.id} not found`,
			});
		voices = voices.filter((candidate) => candidate !== voice);
		return { status: 200, body: { data: { voice_id: voice.voice_id } } };
	});

	// docs/api/heygen.md "Endpoints": photo avatars, digital twins, avatars from a prompt; rename and delete.
	emulator.route('POST', '/v3/avatars', (req) =>
		(
			emulator.hooks.idempotent as unknown as (
				req: EmulatorRequest,
				create: () => EmulatorResponse,
			) => EmulatorResponse
		)(req, () => {
			const body = (req.body ?? {}) as Row;
			if (!['photo', 'digital_twin', 'prompt'].includes(String(body.type)))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'type must be photo, digital_twin or prompt',
					param: 'type',
				});
			if (typeof body.name !== 'string' || !body.name)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'name is required',
					param: 'name',
				});
			if (
				body.type === 'prompt'
					? typeof body.prompt !== 'string' || !body.prompt
					: !body.file || typeof body.file !== 'object'
			) {
				return heygenError(400, {
					code: 'invalid_parameter',
					message: body.type === 'prompt' ? 'prompt is required' : 'file is required',
					param: body.type === 'prompt' ? 'prompt' : 'file',
				});
			}
			let group = groups.find((candidate) => candidate.id === body.avatar_group_id);
			if (body.avatar_group_id && !group)
				return heygenError(404, {
					code: 'avatar_not_found',
					message: `Avatar group ${String(body.avatar_group_id)} not found`,
				});
			if (!group) {
				group = {
					id: `grp_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
					name: body.name,
					created_at: nowSeconds(),
					looks_count: 0,
					gender: null,
					default_voice_id: null,
					preview_image_url: null,
					preview_video_url: null,
					status: 'processing',
					consent_status: null,
					error: null,
					ownership: 'private',
				};
				groups.push(group);
			}
			const type = body.type === 'digital_twin' ? 'digital_twin' : 'photo_avatar';
			const look: Row = {
				id: `look_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
				name: body.name,
				avatar_type: type,
				supported_api_engines: ['avatar_iv'],
				tags: [],
				group_id: group.id,
				gender: null,
				default_voice_id: null,
				preview_image_url: null,
				preview_video_url: null,
				image_width: null,
				image_height: null,
				preferred_orientation: null,
				status: 'processing',
				error: null,
				ownership: 'private',
			};
			looks.push(look);
			group.looks_count = Number(group.looks_count) + 1;
			emulator.schedule(stage(), () => {
				look.status = type === 'digital_twin' ? 'pending_consent' : 'completed';
				// A CDN image whose type only its Content-Type tells (HeyGen serves JPEG previews as well as PNG).
				if (look.status === 'completed')
					look.preview_image_url = `${emulator.origin}/__emulator/files/3000.jpg?look=${String(look.id)}`;
				group!.status = look.status;
			});
			return {
				status: 200,
				body: { data: { avatar_group: strip(group), avatar_item: strip(look) } },
			};
		}),
	);
	emulator.route('PATCH', '/v3/avatars/looks/{id}', (req) => {
		const look = looks.find((candidate) => candidate.id === req.params.id);
		if (!look)
			return heygenError(404, {
				code: 'avatar_not_found',
				message: `Avatar look ${req.params.id} not found`,
			});
		if (look.avatar_type === 'studio_avatar')
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'Studio avatars cannot be renamed',
				param: 'look_id',
			});
		const name = ((req.body ?? {}) as Row).name;
		if (typeof name !== 'string' || !name)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'name is required',
				param: 'name',
			});
		look.name = name;
		return { status: 200, body: { data: strip(look) } };
	});
	emulator.route('DELETE', '/v3/avatars/looks/{id}', (req) => {
		const look = looks.find((candidate) => candidate.id === req.params.id);
		if (!look)
			return heygenError(404, {
				code: 'avatar_not_found',
				message: `Avatar look ${req.params.id} not found`,
			});
		if (look.avatar_type === 'studio_avatar')
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'Studio avatars cannot be deleted',
				param: 'look_id',
			});
		looks = looks.filter((candidate) => candidate !== look);
		const group = groups.find((candidate) => candidate.id === look.group_id);
		if (group) {
			group.looks_count = Number(group.looks_count) - 1;
			if (Number(group.looks_count) <= 0)
				groups = groups.filter((candidate) => candidate !== group);
		}
		return { status: 200, body: { data: { id: look.id } } };
	});
	emulator.route('DELETE', '/v3/avatars/{id}', (req) => {
		const group = groups.find((candidate) => candidate.id === req.params.id);
		if (!group)
			return heygenError(404, {
				code: 'avatar_not_found',
				message: `Avatar group ${req.params.id} not found`,
			});
		if (group.ownership === 'public')
			return heygenError(403, { code: 'forbidden', message: 'Public avatars cannot be deleted' });
		groups = groups.filter((candidate) => candidate !== group);
		looks = looks.filter((look) => look.group_id !== group.id);
		return { status: 200, body: { data: { id: group.id } } };
	});

	// docs/api/heygen.md "Endpoints": create per type, then the job clock (docs/api/heygen.md "Endpoints").
	function validateVideo(body: Row): EmulatorResponse | undefined {
		const bad = (message: string, param: string) =>
			heygenError(400, { code: 'invalid_parameter', message, param });
		if (emulator.config.rejectV2Fields) {
			for (const field of ['video_inputs', 'dimension', 'test'])
				if (field in body) return bad(`${field} is not supported in API v3`, field);
		}
		if (!VIDEO_TYPES.includes(String(body.type)))
			return bad(`type must be one of ${VIDEO_TYPES.join(', ')}`, 'type');
		if (body.aspect_ratio !== undefined && !ASPECT_RATIOS.includes(String(body.aspect_ratio)))
			return bad('aspect_ratio is not supported', 'aspect_ratio');
		if (body.resolution !== undefined && !['4k', '1080p', '720p'].includes(String(body.resolution)))
			return bad('resolution must be 4k, 1080p or 720p', 'resolution');
		if (body.output_format === 'webm' && body.background !== undefined)
			return bad('webm output cannot have a background', 'background');
		const audio = (
			input: Row,
			where: string,
			requireVoice: boolean,
		): EmulatorResponse | undefined => {
			const sources = [
				input.script !== undefined,
				input.audio_url !== undefined,
				input.audio_asset_id !== undefined,
			].filter(Boolean).length;
			if (sources !== 1)
				return bad(
					`${where}: exactly one of script, audio_url or audio_asset_id is required`,
					`${where}script`,
				);
			if (typeof input.script === 'string' && input.script.length > 5000)
				return bad('script must be at most 5000 characters', `${where}script`);
			if (input.script !== undefined && requireVoice && !input.voice_id)
				return bad('voice_id is required with script', `${where}voice_id`);
			if (
				input.voice_id !== undefined &&
				!voices.some((voice) => voice.voice_id === input.voice_id)
			)
				return heygenError(404, {
					code: 'voice_not_found',
					message: `Voice ${String(input.voice_id)} not found`,
				});
			return undefined;
		};
		if (body.type === 'avatar') {
			if (typeof body.avatar_id !== 'string') return bad('avatar_id is required', 'avatar_id');
			if (!looks.some((look) => look.id === body.avatar_id))
				return heygenError(404, {
					code: 'avatar_not_found',
					message: `Avatar ${body.avatar_id} not found`,
				});
			return audio(body, '', false);
		}
		if (body.type === 'image') {
			if (!body.image || typeof body.image !== 'object') return bad('image is required', 'image');
			return audio(body, '', true);
		}
		if (body.type === 'studio') {
			if (!Array.isArray(body.scenes) || body.scenes.length < 1 || body.scenes.length > 50)
				return bad('scenes must hold 1 to 50 scenes', 'scenes');
			for (const [index, scene] of (body.scenes as Row[]).entries()) {
				const where = `scenes[${index}].`;
				if (scene.type === 'avatar_video') {
					const input = (scene.input ?? {}) as Row;
					if (input.type === 'avatar' && !looks.some((look) => look.id === input.avatar_id))
						return heygenError(404, {
							code: 'avatar_not_found',
							message: `Avatar ${String(input.avatar_id)} not found`,
						});
					const problem = audio(input, `${where}input.`, input.type === 'image');
					if (problem) return problem;
				} else if (scene.type === 'image') {
					if (!scene.source) return bad('source is required', `${where}source`);
					const silent = scene.duration !== undefined;
					if (silent && !(Number(scene.duration) > 0 && Number(scene.duration) <= 300))
						return bad('duration must be above 0 and at most 300', `${where}duration`);
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
					if (failing)
						Object.assign(video, {
							status: 'failed',
							failure_code: 'download_failed',
							failure_message: emulator.failureText('An input URL could not be downloaded.'),
						});
					else {
						const url = `${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?video=${String(video.id)}`;
						Object.assign(video, {
							status: 'completed',
							duration: 4.2,
							video_url: url,
							thumbnail_url: `${url}&thumb=1`,
							gif_url: null,
							captioned_video_url: null,
							subtitle_url: null,
							video_page_url: `https://app.heygen.example/videos/${String(video.id)}`,
						});
					}
					emulator.hooks.onVideoDone?.(video as never);
				});
			});
		});
	}
	/** docs/api/heygen.md "Endpoints" `Video`: what HeyGen answers; the per-job callback fields stay internal (the schema has no `callback_id`). */
	const publicVideo = ({ request: _request, callback_id: _callbackId, ...video }: Row) => video;
	/** A new video job's row: the `Video` object's fields, plus the request and callback it came with. */
	const newVideo = (request: Row, status: 'pending' | 'waiting'): Row => ({
		id: randomUUID().replace(/-/g, ''),
		status,
		title: request.title ?? null,
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
		callback_id: request.callback_id ?? null,
		request,
	});
	/** Template generation starts a video job too (docs/api/heygen.md "Endpoints"); answers the `Video` object. */
	emulator.hooks.startVideo = ((request: Row) => {
		const video = newVideo(request, 'pending');
		videos.unshift(video);
		runVideo(video);
		return publicVideo(video);
	}) as never;
	emulator.hooks.getVideo = ((id: string) => {
		const video = videos.find((candidate) => candidate.id === id);
		return video && publicVideo(video);
	}) as never;

	/** docs/api/heygen.md "Endpoints": Idempotency-Key pattern, 24 h replay of the first answer, 409 while the first is in flight. */
	const replays = new Map<string, { at: number; answer?: EmulatorResponse }>();
	emulator.onReset(() => replays.clear());
	const idempotent = (req: EmulatorRequest, create: () => EmulatorResponse): EmulatorResponse => {
		const key = headerValue(req.headers, 'idempotency-key');
		if (key === undefined) return create();
		if (!/^[A-Za-z0-9_\-:.]{1,255}$/.test(key))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'Idempotency-Key is malformed',
				param: 'Idempotency-Key',
			});
		const scope = `${req.method} ${req.path} ${key}`;
		const seen = replays.get(scope);
		if (seen && Date.now() - seen.at < 24 * 3600_000) {
			return (
				seen.answer ??
				heygenError(409, {
					code: 'request_in_progress',
					message: 'A request with this Idempotency-Key is still in progress',
				})
			);
		}
		if (emulator.config.holdIdempotentRequests) {
			replays.set(scope, { at: Date.now() });
			return heygenError(409, {
				code: 'request_in_progress',
				message: 'A request with this Idempotency-Key is still in progress',
			});
		}
		const answer = create();
		if (answer.status < 300) replays.set(scope, { at: Date.now(), answer });
		return answer;
	};
	emulator.hooks.idempotent = idempotent as never;

	emulator.route('POST', '/v3/videos', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			const problem = validateVideo(body);
			if (problem) return problem;
			const active = videos.filter(
				(video) => !['completed', 'failed'].includes(String(video.status)),
			).length;
			if (active >= Number(emulator.config.concurrency))
				return heygenError(429, {
					code: 'rate_limit_exceeded',
					message: 'Too many concurrent jobs',
					retryAfterSeconds: 5,
				});
			const video = newVideo(body, 'waiting');
			videos.unshift(video);
			runVideo(video);
			return {
				status: 200,
				body: {
					data: {
						video_id: video.id,
						status: 'waiting',
						output_format: body.output_format ?? 'mp4',
					},
				},
			};
		}),
	);
	emulator.route('GET', '/v3/videos/statuses', (req) => {
		const ids = (req.query.get('video_ids') ?? '').split(',').filter(Boolean);
		if (ids.length > 100)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'at most 100 video_ids',
				param: 'video_ids',
			});
		return {
			status: 200,
			body: {
				data: ids.map((id) => {
					const video = videos.find((candidate) => candidate.id === id);
					if (!video) return { video_id: id, status: 'not_found' };
					const status =
						video.status === 'waiting' || video.status === 'pending' ? 'queued' : video.status;
					return {
						video_id: id,
						status,
						...(video.failure_message ? { error: video.failure_message } : {}),
					};
				}) as never,
			},
		};
	});
	emulator.route('GET', '/v3/videos/{id}', (req) => {
		const video = videos.find((candidate) => candidate.id === req.params.id);
		if (!video)
			return heygenError(404, {
				code: 'video_not_found',
				message: `Video ${req.params.id} not found`,
			});
		// The create answer says "waiting"; GET reports it as pending (docs/api/heygen.md "Assumptions").
		const shown = publicVideo(video);
		if (shown.status === 'waiting') shown.status = 'pending';
		return { status: 200, body: { data: shown } };
	});
	emulator.route('GET', '/v3/videos', (req) => {
		const title = req.query.get('title')?.toLowerCase();
		const folder = req.query.get('folder_id');
		return page(
			req,
			videos
				.filter(
					(video) =>
						(!title ||
							String(video.title ?? '')
								.toLowerCase()
								.includes(title)) &&
						(!folder || video.folder_id === folder),
				)
				.map(publicVideo),
			{ limit: 10, max: 100 },
		);
	});
	emulator.route('DELETE', '/v3/videos/{id}', (req) => {
		const video = videos.find((candidate) => candidate.id === req.params.id);
		if (!video)
			return heygenError(404, {
				code: 'video_not_found',
				message: `Video ${req.params.id} not found`,
			});
		videos = videos.filter((candidate) => candidate !== video);
		return { status: 200, body: { data: { id: video.id, deleted: true } } };
	});
}

export const HEYGEN_EVENT_TYPES = [
	'avatar_video.success',
	'avatar_video.fail',
	'avatar_video_gif.success',
	'avatar_video_gif.fail',
	'avatar_video_caption.success',
	'avatar_video_caption.fail',
	'video_translate.success',
	'video_translate.fail',
	'video_translate.preflight.validation_failed',
	'video_translate.preflight.download_failed',
	'personalized_video',
	'instant_avatar.success',
	'instant_avatar.fail',
	'photo_avatar_generation.success',
	'photo_avatar_generation.fail',
	'photo_avatar_train.success',
	'photo_avatar_train.fail',
	'photo_avatar_add_motion.success',
	'photo_avatar_add_motion.fail',
	'proofread_creation.success',
	'proofread_creation.fail',
	'live_avatar.success',
	'live_avatar.fail',
	'video_agent.success',
	'video_agent.fail',
	'hyperframes_video.success',
	'hyperframes_video.fail',
	'ai_clipping.success',
	'ai_clipping.fail',
	'batch.finished',
];

/** docs/api/heygen.md "Endpoints" `/languages`: names with a region and plain names, as HeyGen lists them. */
const LANGUAGES = [
	'English',
	'English (United States)',
	'Spanish',
	'Spanish (Spain)',
	'German',
	'German (Germany)',
	'French',
	'French (France)',
	'Japanese (Japan)',
];

function addWebhookTemplateTranslationAssetRoutes(emulator: Emulator): void {
	let endpoints: Row[] = [];
	let events: Row[] = [];
	let translations: Row[] = [];
	let assets: Row[] = [];
	emulator.onReset(() => {
		endpoints = [];
		events = [];
		translations = [];
		assets = [];
	});
	const idempotent = emulator.hooks.idempotent as unknown as (
		req: EmulatorRequest,
		create: () => EmulatorResponse,
	) => EmulatorResponse;
	const newSecret = () => `whsec_${randomUUID().replace(/-/g, '')}`;
	const shown = ({ secret: _secret, ...endpoint }: Row) => ({ ...endpoint, secret: null });

	/** docs/api/heygen.md "Webhooks", docs/api/heygen.md "Endpoints": to every enabled endpoint subscribed to the type, signed (both header names), plus the unsigned per-job callback. */
	function emit(eventType: string, eventData: Row, callbackUrl?: unknown) {
		const event = {
			event_id: `evt_${randomUUID().replace(/-/g, '')}`,
			event_type: eventType,
			event_data: eventData,
			created_at: new Date().toISOString(),
		};
		events.unshift(event);
		const body = JSON.stringify(event);
		deliverToEndpoints(event, body);
		// docs/api/heygen.md "Webhooks": the per-job callback carries none of the signature headers.
		if (typeof callbackUrl === 'string' && callbackUrl)
			void emulator.deliver(callbackUrl, body, {});
	}
	/**
	 * docs/api/heygen.md "Webhooks": registered endpoints get `Heygen-Signature` (hex HMAC-SHA256 of exactly these
	 * bytes), `Heygen-Timestamp` and `Heygen-Event-Id`; config `signatureHeaders` `legacy` sends
	 * `X-HeyGen-Signature` and `signature` instead, `all` sends every name. Test switches (rule 3):
	 * `deliveryClockSkewSeconds` (a stale timestamp), `deliverySigningSecret` (a wrong or rotated-away secret).
	 */
	function deliverToEndpoints(event: Row, body: string) {
		for (const endpoint of endpoints) {
			if (endpoint.status !== 'enabled') continue;
			if (
				Array.isArray(endpoint.events) &&
				!(endpoint.events as string[]).includes(String(event.event_type))
			)
				continue;
			const secret =
				typeof emulator.config.deliverySigningSecret === 'string'
					? emulator.config.deliverySigningSecret
					: String(endpoint.secret);
			const signature = createHmacSha256(secret, body);
			const style = String(emulator.config.signatureHeaders);
			const v3 = {
				'heygen-signature': signature,
				'heygen-timestamp': String(
					Math.floor(Date.now() / 1000) - Number(emulator.config.deliveryClockSkewSeconds ?? 0),
				),
				'heygen-event-id': String(event.event_id),
			};
			const legacy = { 'x-heygen-signature': signature, signature };
			void emulator.deliver(
				String(endpoint.url),
				body,
				style === 'legacy' ? legacy : style === 'all' ? { ...v3, ...legacy } : v3,
			);
		}
	}
	/** docs/api/heygen.md "Webhooks": delivers the newest event again, same bytes and event id (a redelivery). */
	emulator.hooks.redeliverLatest = (() => {
		const [latest] = events;
		if (latest) deliverToEndpoints(latest, JSON.stringify(latest));
	}) as never;
	emulator.hooks.emitEvent = emit as never;
	emulator.hooks.onVideoDone = ((video: Row) => {
		const request = (video.request ?? {}) as Row;
		const data =
			video.status === 'completed'
				? {
						video_id: video.id,
						url: video.video_url,
						video_url: video.video_url,
						gif_download_url: null,
						folder_id: null,
						callback_id: video.callback_id ?? null,
					}
				: {
						video_id: video.id,
						msg: video.failure_message,
						callback_id: video.callback_id ?? null,
					};
		emit(
			video.status === 'completed' ? 'avatar_video.success' : 'avatar_video.fail',
			data,
			request.callback_url,
		);
	}) as never;

	// docs/api/heygen.md "Endpoints": webhook endpoints.
	const checkUrl = (url: unknown) =>
		typeof url === 'string' &&
		(/^https:\/\/\S+$/.test(url) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url));
	const checkEvents = (list: unknown) =>
		list === undefined ||
		list === null ||
		(Array.isArray(list) && list.every((event) => HEYGEN_EVENT_TYPES.includes(String(event))));
	emulator.route('POST', '/v3/webhooks/endpoints', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			if (!checkUrl(body.url))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'url must be a public HTTPS URL',
					param: 'url',
				});
			if (!checkEvents(body.events))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'events contains an unknown event type',
					param: 'events',
				});
			const endpoint: Row = {
				endpoint_id: `ep_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
				url: body.url,
				events: body.events ?? null,
				status: 'enabled',
				created_at: new Date().toISOString(),
				secret: newSecret(),
			};
			endpoints.push(endpoint);
			return { status: 200, body: { data: endpoint } };
		}),
	);
	emulator.route('GET', '/v3/webhooks/endpoints', (req) =>
		page(req, endpoints.map(shown), { limit: 10, max: 100 }),
	);
	const findEndpoint = (req: EmulatorRequest) =>
		endpoints.find((endpoint) => endpoint.endpoint_id === req.params.id);
	emulator.route('PATCH', '/v3/webhooks/endpoints/{id}', (req) => {
		const endpoint = findEndpoint(req);
		if (!endpoint) return heygenError(404, { message: `Endpoint ${req.params.id} not found` });
		const body = (req.body ?? {}) as Row;
		if (body.url !== undefined && !checkUrl(body.url))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'url must be a public HTTPS URL',
				param: 'url',
			});
		if (!checkEvents(body.events))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'events contains an unknown event type',
				param: 'events',
			});
		if (body.url !== undefined) endpoint.url = body.url;
		if (body.events !== undefined) endpoint.events = body.events;
		return { status: 200, body: { data: shown(endpoint) } };
	});
	emulator.route('DELETE', '/v3/webhooks/endpoints/{id}', (req) => {
		const endpoint = findEndpoint(req);
		if (!endpoint) return heygenError(404, { message: `Endpoint ${req.params.id} not found` });
		endpoints = endpoints.filter((candidate) => candidate !== endpoint);
		return { status: 200, body: { data: {} } };
	});
	emulator.route('POST', '/v3/webhooks/endpoints/{id}/rotate-secret', (req) =>
		idempotent(req, () => {
			const endpoint = findEndpoint(req);
			if (!endpoint) return heygenError(404, { message: `Endpoint ${req.params.id} not found` });
			endpoint.secret = newSecret();
			return {
				status: 200,
				body: { data: { endpoint_id: endpoint.endpoint_id, secret: endpoint.secret } },
			};
		}),
	);
	emulator.route('GET', '/v3/webhooks/event-types', () => ({
		status: 200,
		body: {
			data: HEYGEN_EVENT_TYPES.map((event_type) => ({
				event_type,
				description: event_type.replace(/[._]/g, ' '),
			})) as never,
		},
	}));
	emulator.route('GET', '/v3/webhooks/events', (req) => {
		const type = req.query.get('event_type');
		return page(
			req,
			events.filter((event) => !type || event.event_type === type),
			{ limit: 10, max: 100 },
		);
	});

	// docs/api/heygen.md "Endpoints": templates (one seeded, with variables).
	const template = {
		id: 'tpl_product_update',
		name: 'Product update',
		aspect_ratio: '16:9',
		thumbnail_url: null,
		created_at: 1_760_000_000,
		updated_at: 1_760_000_000,
		scene_ids: ['scene_1'],
		scenes: [
			{
				scene_id: 'scene_1',
				script: 'Hi {{first_name}}, here is what is new.',
				variables: [{ name: 'first_name', variable_type: 'text' }],
			},
		],
		variables: {
			first_name: { name: 'first_name', type: 'text', properties: { content: 'there' } },
		},
	};
	emulator.route('GET', '/v3/templates', (req) =>
		page(
			req,
			[
				{
					id: template.id,
					name: template.name,
					aspect_ratio: template.aspect_ratio,
					thumbnail_url: null,
					created_at: template.created_at,
					updated_at: template.updated_at,
				},
			],
			{ limit: 10, max: 100 },
		),
	);
	emulator.route('GET', '/v3/templates/{id}', (req) =>
		req.params.id === template.id
			? { status: 200, body: { data: template } }
			: heygenError(404, { message: `Template ${req.params.id} not found` }),
	);
	emulator.route('POST', '/v3/templates/{id}', (req) =>
		idempotent(req, () => {
			if (req.params.id !== template.id)
				return heygenError(404, { message: `Template ${req.params.id} not found` });
			const body = (req.body ?? {}) as Row;
			if (!body.variables || typeof body.variables !== 'object')
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'variables is required',
					param: 'variables',
				});
			const unknown = Object.keys(body.variables as Row).filter(
				(name) => !(name in template.variables),
			);
			if (unknown.length)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: `unknown variables: ${unknown.join(', ')}`,
					param: 'variables',
				});
			// Generate starts a video job: reuse the video route's clock through a studio-shaped request.
			const answer = (emulator.hooks.startVideo as unknown as (request: Row) => Row)({
				type: 'template',
				title: body.title ?? null,
				callback_url: body.callback_url,
				callback_id: body.callback_id,
				template_id: template.id,
				variables: body.variables,
			});
			return { status: 200, body: { data: answer } };
		}),
	);

	// docs/api/heygen.md "Endpoints": translations, one job per output language.
	emulator.route('GET', '/v3/video-translations/languages', () => ({
		status: 200,
		body: { data: { languages: LANGUAGES } },
	}));
	emulator.route('POST', '/v3/video-translations', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			// HeyGen's CLI schema: `video` required (an AssetInput of url or asset_id), `mode` speed|precision, `srt` an AssetInput.
			const isAssetInput = (value: unknown) =>
				Boolean(value) &&
				typeof value === 'object' &&
				['url', 'asset_id'].includes(String((value as Row).type));
			if (!body.video)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'video is required',
					param: 'video',
				});
			if (!isAssetInput(body.video))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'video must be {type: url|asset_id}',
					param: 'video',
				});
			if (body.mode !== undefined && !['speed', 'precision'].includes(String(body.mode)))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'mode must be speed or precision',
					param: 'mode',
				});
			if (body.srt !== undefined && !isAssetInput(body.srt))
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'srt must be {type: url|asset_id}',
					param: 'srt',
				});
			if (!Array.isArray(body.output_languages) || body.output_languages.length === 0)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: 'output_languages is required',
					param: 'output_languages',
				});
			const unknown = (body.output_languages as string[]).filter(
				(language) => !LANGUAGES.includes(language),
			);
			if (unknown.length)
				return heygenError(400, {
					code: 'invalid_parameter',
					message: `unsupported output_languages: ${unknown.join(', ')}`,
					param: 'output_languages',
				});
			const ids = (body.output_languages as string[]).map((language) => {
				const translation: Row = {
					id: `vt_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
					status: 'pending',
					title: body.title ?? null,
					input_language: body.input_language ?? null,
					output_language: language,
					created_at: nowSeconds(),
					callback_id: body.callback_id ?? null,
					video_url: null,
					failure_message: null,
				};
				translations.unshift(translation);
				const stage = Number(emulator.config.stageMs);
				emulator.schedule(stage, () => {
					translation.status = 'running';
					emulator.schedule(stage, () => {
						const failing = JSON.stringify(body.video).includes('fail');
						if (failing)
							Object.assign(translation, {
								status: 'failed',
								failure_message: emulator.failureText('The source video could not be read.'),
							});
						else
							Object.assign(translation, {
								status: 'completed',
								duration: 12.5,
								video_url: `${emulator.origin}/__emulator/files/${Number(emulator.config.outputBytes)}.mp4?translation=${String(translation.id)}`,
							});
						emit(
							failing ? 'video_translate.fail' : 'video_translate.success',
							failing
								? {
										video_translate_id: translation.id,
										message: translation.failure_message,
										output_language: language,
										callback_id: translation.callback_id,
									}
								: {
										video_translate_id: translation.id,
										url: translation.video_url,
										output_language: language,
										callback_id: translation.callback_id,
									},
							body.callback_url,
						);
					});
				});
				return translation.id;
			});
			return { status: 200, body: { data: { video_translation_ids: ids } } };
		}),
	);
	const findTranslation = (req: EmulatorRequest) =>
		translations.find((translation) => translation.id === req.params.id);
	emulator.route('GET', '/v3/video-translations', (req) =>
		page(req, translations, { limit: 10, max: 100 }),
	);
	emulator.route('GET', '/v3/video-translations/{id}', (req) => {
		const translation = findTranslation(req);
		return translation
			? { status: 200, body: { data: translation } }
			: heygenError(404, { message: `Translation ${req.params.id} not found` });
	});
	emulator.route('PATCH', '/v3/video-translations/{id}', (req) => {
		const translation = findTranslation(req);
		if (!translation)
			return heygenError(404, { message: `Translation ${req.params.id} not found` });
		const title = ((req.body ?? {}) as Row).title;
		if (typeof title !== 'string' || !title)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'title is required',
				param: 'title',
			});
		translation.title = title;
		return { status: 200, body: { data: translation } };
	});
	emulator.route('DELETE', '/v3/video-translations/{id}', (req) => {
		const translation = findTranslation(req);
		if (!translation)
			return heygenError(404, { message: `Translation ${req.params.id} not found` });
		translations = translations.filter((candidate) => candidate !== translation);
		return { status: 200, body: { data: { id: translation.id } } };
	});

	// docs/api/heygen.md "Endpoints": assets. HeyGen sniffs the type from the bytes ("MIME sniffed from bytes"), not the part's label.
	const ASSET_KINDS: Record<string, string> = {
		'image/png': 'image',
		'image/jpeg': 'image',
		'video/mp4': 'video',
		'video/quicktime': 'video',
		'video/webm': 'video',
		'audio/mpeg': 'audio',
		'audio/wav': 'audio',
		'application/pdf': 'document',
		'application/x-subrip': 'subtitle',
	};
	/** docs/api/heygen.md "Endpoints" asset object: `{id, name, owner, space_id, type, uploaded_at, url?, folder_id?}` (no MIME type or size). */
	const addAsset = (name: string, mime: string, size: number, folderId: unknown = null): Row => {
		const asset: Row = {
			id: `asset_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
			name,
			owner: 'emulator_user',
			space_id: 'space_1',
			type: ASSET_KINDS[mime] ?? 'file',
			uploaded_at: nowSeconds(),
			url: `${emulator.origin}/__emulator/files/${size}`,
			folder_id: folderId,
		};
		assets.unshift(asset);
		return asset;
	};
	emulator.route('POST', '/v3/assets', async (req) => {
		const contentType = String(req.headers['content-type'] ?? '');
		if (!contentType.startsWith('multipart/form-data'))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'send the file as multipart/form-data part "file"',
				param: 'file',
			});
		if (req.rawBody.length > 32 * 1024 * 1024)
			return heygenError(413, {
				code: 'payload_too_large',
				message: 'Files above 32 MB need the direct upload',
			});
		const form = await new Request('http://emulator/', {
			method: 'POST',
			headers: { 'content-type': contentType },
			body: req.rawBody,
		}).formData();
		const file = form.get('file');
		if (!file || typeof file === 'string')
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'part "file" is required',
				param: 'file',
			});
		const mime = sniffMediaType(Buffer.from(await file.slice(0, 512).arrayBuffer()));
		if (!mime)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'unsupported file type: png, jpeg, mp4, webm, mp3, wav, pdf or srt',
				param: 'file',
			});
		const asset = addAsset(file.name, mime, file.size);
		return {
			status: 200,
			body: {
				data: { asset_id: asset.id, url: asset.url, mime_type: mime, size_bytes: file.size },
			},
		};
	});
	const slots = new Map<
		string,
		{
			asset_id: string;
			filename: string;
			content_type: string;
			size_bytes: number;
			received?: number;
			head?: Buffer;
		}
	>();
	emulator.onReset(() => slots.clear());
	emulator.route('POST', '/v3/assets/direct-uploads', (req) => {
		const body = (req.body ?? {}) as Row;
		if (
			typeof body.filename !== 'string' ||
			typeof body.content_type !== 'string' ||
			typeof body.size_bytes !== 'number'
		)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'filename, content_type and size_bytes are required',
				param: 'filename',
			});
		const assetId = `asset_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
		slots.set(assetId, {
			asset_id: assetId,
			filename: body.filename,
			content_type: body.content_type,
			size_bytes: body.size_bytes,
		});
		return {
			status: 200,
			body: {
				data: {
					asset_id: assetId,
					upload_url: `${emulator.origin}/__heygen-upload/${assetId}`,
					upload_headers: { 'Content-Type': body.content_type, 'x-amz-meta-asset': assetId },
					expires_in_seconds: 3600,
					max_bytes: 5 * 1024 ** 3,
					status: 'pending_upload',
				},
			},
		};
	});
	emulator.route(
		'PUT',
		'/__heygen-upload/{id}',
		(req) => {
			const slot = slots.get(req.params.id);
			if (!slot) return { status: 404, body: 'NoSuchUpload' };
			if (
				req.headers['content-type'] !== slot.content_type ||
				req.headers['x-amz-meta-asset'] !== slot.asset_id
			)
				return { status: 403, body: 'SignatureDoesNotMatch' };
			if (req.headers['x-api-key']) return { status: 400, body: 'no API key on the upload URL' };
			slot.received = req.rawBody.length;
			slot.head = req.rawBody.subarray(0, 512);
			return { status: 200, body: '' };
		},
		{ public: true },
	);
	emulator.route('POST', '/v3/assets/{id}/complete', (req) => {
		const slot = slots.get(req.params.id);
		if (!slot) return heygenError(404, { message: `Asset ${req.params.id} not found` });
		if (slot.received !== slot.size_bytes)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'the upload is missing or incomplete',
				param: 'asset_id',
			});
		const mime = sniffMediaType(slot.head ?? Buffer.alloc(0));
		if (!mime)
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'unsupported file type: png, jpeg, mp4, webm, mp3, wav, pdf or srt',
				param: 'asset_id',
			});
		if (!assets.some((asset) => asset.id === slot.asset_id)) {
			const asset = addAsset(slot.filename, mime, slot.size_bytes);
			asset.id = slot.asset_id;
		}
		return {
			status: 200,
			body: {
				data: {
					asset_id: slot.asset_id,
					url: `${emulator.origin}/__emulator/files/${slot.size_bytes}`,
					mime_type: mime,
					size_bytes: slot.size_bytes,
					status: 'processing',
				},
			},
		};
	});
	const findAsset = (req: EmulatorRequest) => assets.find((asset) => asset.id === req.params.id);
	emulator.route('GET', '/v3/assets', (req) => {
		if (!req.query.get('username'))
			return heygenError(400, {
				code: 'invalid_parameter',
				message: 'username is required',
				param: 'username',
			});
		// docs/api/heygen.md "Endpoints": `folder_id` narrows the list to one folder.
		const folder = req.query.get('folder_id');
		return page(
			req,
			assets.filter(
				(asset) =>
					asset.owner === req.query.get('username') && (!folder || asset.folder_id === folder),
			),
			{ limit: 20, max: 100 },
		);
	});
	emulator.route('GET', '/v3/assets/{id}', (req) => {
		const asset = findAsset(req);
		return asset
			? { status: 200, body: { data: asset } }
			: heygenError(404, { message: `Asset ${req.params.id} not found` });
	});
	emulator.route('DELETE', '/v3/assets/{id}', (req) => {
		const asset = findAsset(req);
		if (!asset) return heygenError(404, { message: `Asset ${req.params.id} not found` });
		assets = assets.filter((candidate) => candidate !== asset);
		return { status: 200, body: { data: { id: asset.id } } };
	});
}

/** The media type HeyGen would sniff from a file's first bytes, among the types it takes; undefined otherwise. */
function sniffMediaType(head: Buffer): string | undefined {
	const text = (from: number, to: number) => head.subarray(from, to).toString('latin1');
	if (head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 'image/png';
	if (head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex'))) return 'image/jpeg';
	if (text(4, 8) === 'ftyp') return text(8, 12) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
	if (head.subarray(0, 4).equals(Buffer.from('1a45dfa3', 'hex'))) return 'video/webm';
	if (text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'audio/wav';
	if (text(0, 3) === 'ID3' || (head[0] === 0xff && head.length > 1 && (head[1] & 0xe0) === 0xe0))
		return 'audio/mpeg';
	if (text(0, 5) === '%PDF-') return 'application/pdf';
	if (/^\uFEFF?\s*\d+\r?\n[\d:,.]+ --> /.test(head.toString('utf8'))) return 'application/x-subrip';
	return undefined;
}

function createHmacSha256(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}
