/**
 * HeyGen Video Agent routes (docs/api/heygen.md §11, "Video Agent"), registered from heygen.ts.
 * Built from §11.1 (routes), §11.2 (create body), §11.3 (session, statuses) and §11.4 ("Emulator must").
 *
 * Switches (emulator.config, unset = default):
 * - `agentVideoIdAtCreate` (default true): §11.4 rule 3, the create answer already carries `video_id`
 *   (as in the CLI / quick-start examples); false = `video_id` stays null until `generating`.
 * - `agentAvatarVideoEvents` (default false): §11.4 rule 6, the agent's video also fires `avatar_video.*`.
 */
import { randomUUID } from 'node:crypto';

import type { Emulator, EmulatorRequest, EmulatorResponse } from './core';
import { heygenError } from './heygen';

type Row = Record<string, unknown>;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '')}`;

/** §11.4 rule 7: at least three styles with tags. */
const STYLES: Row[] = [
	{
		style_id: 'style_cinematic_noir',
		name: 'Cinematic Noir',
		aspect_ratio: '16:9',
		preview_video_url: 'https://static.heygen.example/styles/noir.mp4',
		thumbnail_url: 'https://static.heygen.example/styles/noir.jpg',
		tags: ['cinematic'],
	},
	{
		style_id: 'style_retro_terminal',
		name: 'Retro Terminal',
		aspect_ratio: '16:9',
		preview_video_url: 'https://static.heygen.example/styles/terminal.mp4',
		thumbnail_url: 'https://static.heygen.example/styles/terminal.jpg',
		tags: ['retro-tech'],
	},
	{
		style_id: 'style_paper_cutout',
		name: 'Paper Cutout',
		aspect_ratio: '9:16',
		preview_video_url: 'https://static.heygen.example/styles/paper.mp4',
		thumbnail_url: 'https://static.heygen.example/styles/paper.jpg',
		tags: ['handmade', 'print'],
	},
	{
		style_id: 'style_pop_poster',
		name: 'Pop Poster',
		preview_video_url: 'https://static.heygen.example/styles/pop.mp4',
		thumbnail_url: 'https://static.heygen.example/styles/pop.jpg',
		tags: ['pop-culture', 'iconic-artist'],
	},
];
const STYLE_TAGS = ['cinematic', 'retro-tech', 'iconic-artist', 'pop-culture', 'handmade', 'print'];

/** §5 cursor pages, as heygen.ts serves them (opaque token, `has_more`, `next_token`; limit above max → 400). */
function page(
	req: EmulatorRequest,
	rows: unknown[],
	defaults: { limit: number; max: number },
): EmulatorResponse {
	const limit = Number(req.query.get('limit') ?? defaults.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > defaults.max)
		return heygenError(400, {
			code: 'invalid_parameter',
			message: `limit must be an integer from 1 to ${defaults.max}`,
			param: 'limit',
		});
	const token = req.query.get('token');
	const offset = token ? Number(Buffer.from(token, 'base64url').toString().replace(/^a:/, '')) : 0;
	if (!Number.isInteger(offset) || offset < 0)
		return heygenError(400, {
			code: 'invalid_parameter',
			message: 'token is invalid',
			param: 'token',
		});
	const hasMore = offset + limit < rows.length;
	return {
		status: 200,
		body: {
			data: rows.slice(offset, offset + limit) as never,
			has_more: hasMore,
			next_token: hasMore ? Buffer.from(`a:${offset + limit}`).toString('base64url') : null,
		},
	};
}

const bad = (message: string, param: string) =>
	heygenError(400, { code: 'invalid_parameter', message, param });

/** §1 AssetInput: `{type:"url", url}` | `{type:"asset_id", asset_id}` | `{type:"base64", media_type, data}`. */
function checkFiles(files: unknown): EmulatorResponse | undefined {
	if (files === undefined) return undefined;
	if (!Array.isArray(files) || files.length > 20)
		return bad('files must be an array of at most 20 AssetInput objects', 'files');
	for (const [index, file] of files.entries()) {
		const row = (file ?? {}) as Row;
		const ok =
			(row.type === 'url' && typeof row.url === 'string' && /^https?:\/\//.test(row.url)) ||
			(row.type === 'asset_id' && typeof row.asset_id === 'string' && row.asset_id !== '') ||
			(row.type === 'base64' &&
				typeof row.media_type === 'string' &&
				typeof row.data === 'string' &&
				row.data !== '');
		if (!ok) return bad('not a valid AssetInput', `files[${index}]`);
	}
	return undefined;
}

function checkText(value: unknown, param: string): EmulatorResponse | undefined {
	if (typeof value !== 'string' || value.length < 1 || value.length > 10000)
		return bad(`${param} must be 1 to 10000 characters`, param);
	return undefined;
}

export function addVideoAgentRoutes(emulator: Emulator): void {
	let sessions: Row[] = [];
	let resources: Row[] = [];
	emulator.onReset(() => {
		sessions = [];
		resources = [];
	});
	const idempotent = emulator.hooks.idempotent as unknown as (
		req: EmulatorRequest,
		create: () => EmulatorResponse,
	) => EmulatorResponse;
	const startVideo = emulator.hooks.startVideo as unknown as (request: Row) => Row;
	const emit = emulator.hooks.emitEvent as unknown as (
		eventType: string,
		eventData: Row,
		callbackUrl?: unknown,
	) => void;
	const stage = () => Number(emulator.config.stageMs);
	const find = (id: string) => sessions.find((session) => session.session_id === id);
	const notFound = (id: string) =>
		heygenError(404, { code: 'not_found', message: `Video agent session ${id} not found` });

	/** §11.3 `Session`: what GET answers (internal fields stay here). */
	const shown = (session: Row): Row => ({
		session_id: session.session_id,
		status: session.status,
		created_at: session.created_at,
		progress: session.progress,
		title: session.title,
		video_id: session.video_id,
		messages: (session.messages as Row[]).slice(0, 40),
	});
	const say = (session: Row, message: Row) =>
		(session.messages as Row[]).unshift({ created_at: nowSeconds(), ...message });

	/** A §2.3 video job for this run; its request holds the prompt and the message, so the magic word in either fails it (§11.4 rule 5). */
	function startRender(session: Row, text: string) {
		const video = startVideo({
			type: 'video_agent',
			title: session.title,
			prompt: (session.request as Row).prompt,
			message: text,
		});
		session.video_id = video.id;
		(session.videoIds as string[]).unshift(String(video.id));
	}

	/** §11.4 rule 3: thinking → generating (video_id, progress) → completed/failed with the video. */
	function run(session: Row, text: string, mode: 'generate' | 'chat') {
		session.status = 'thinking';
		session.progress = 5;
		const early = mode === 'generate' && emulator.config.agentVideoIdAtCreate !== false;
		if (early) startRender(session, text);
		emulator.schedule(stage(), () => {
			if (session.status !== 'thinking') return;
			// §11.4 rule 7: a draft resource referenced from a message.
			const draft: Row = {
				resource_id: newId('res_'),
				session_id: session.session_id,
				resource_type: 'draft',
				source_type: 'generated',
				url: `${emulator.origin}/__emulator/files/2048.json?draft=1`,
				preview_url: null,
				thumbnail_url: null,
				metadata: { scenes: 3 },
				created_at: nowSeconds(),
			};
			resources.push(draft);
			say(session, {
				role: 'model',
				type: 'resource',
				content: 'Storyboard draft: 3 scenes.',
				resource_ids: [draft.resource_id],
			});
			if (mode === 'chat') {
				// §11.4 rule 4: chat stops at the storyboard checkpoint with one model text message.
				session.status = 'reviewing';
				session.progress = 30;
				say(session, {
					role: 'model',
					type: 'text',
					content: 'Here is the storyboard. Which voice should I use, or shall I go ahead?',
				});
				return;
			}
			session.status = 'generating';
			session.progress = 60;
			if (!early) startRender(session, text);
		});
	}

	// §11.4 rule 3/5/6: the session ends together with its video; then the video_agent.* events.
	const onVideoDone = emulator.hooks.onVideoDone as unknown as (video: Row) => void;
	emulator.hooks.onVideoDone = ((video: Row) => {
		const session = sessions.find((candidate) =>
			(candidate.videoIds as string[]).includes(String(video.id)),
		);
		if (!session) return onVideoDone(video);
		if (emulator.config.agentAvatarVideoEvents === true) onVideoDone(video);
		const ok = video.status === 'completed';
		session.status = ok ? 'completed' : 'failed';
		session.progress = 100;
		if (ok) say(session, { role: 'model', type: 'text', content: 'Your video is ready.' });
		else
			say(session, {
				role: 'model',
				type: 'error',
				content: `Video generation failed: ${String(video.failure_message)}`,
			});
		emit(
			ok ? 'video_agent.success' : 'video_agent.fail',
			{
				session_id: session.session_id,
				video_id: video.id,
				url: ok ? video.video_url : null,
				video_url: ok ? video.video_url : null,
				callback_id: session.callback_id ?? null,
			},
			session.callback_url,
		);
	}) as never;

	// §11.4 rule 1: `/styles` before `/{session_id}`.
	emulator.route('GET', '/v3/video-agents/styles', (req) => {
		const tag = req.query.get('tag');
		if (tag !== null && !STYLE_TAGS.includes(tag))
			return bad(`tag must be one of ${STYLE_TAGS.join(', ')}`, 'tag');
		return page(
			req,
			STYLES.filter((style) => !tag || (style.tags as string[]).includes(tag)),
			{ limit: 20, max: 100 },
		);
	});

	emulator.route('POST', '/v3/video-agents', (req) =>
		idempotent(req, () => {
			const body = (req.body ?? {}) as Row;
			// §11.4 rule 2; unknown fields (duration_sec, auto_proceed, skip_agentic_stop) are ignored.
			const problem =
				checkText(body.prompt, 'prompt') ??
				(body.mode !== undefined && !['generate', 'chat'].includes(String(body.mode))
					? bad('mode must be generate or chat', 'mode')
					: undefined) ??
				(body.orientation !== undefined &&
				!['landscape', 'portrait'].includes(String(body.orientation))
					? bad('orientation must be landscape or portrait', 'orientation')
					: undefined) ??
				(body.style_id !== undefined && !STYLES.some((style) => style.style_id === body.style_id)
					? heygenError(404, {
							code: 'not_found',
							message: `Style ${String(body.style_id)} not found`,
						})
					: undefined) ??
				checkFiles(body.files);
			if (problem) return problem;
			const mode = body.mode === 'chat' ? 'chat' : 'generate';
			const prompt = String(body.prompt);
			const session: Row = {
				session_id: newId('sess_'),
				status: 'thinking',
				created_at: nowSeconds(),
				progress: 0,
				title: prompt.slice(0, 40),
				video_id: null,
				messages: [],
				mode,
				request: body,
				callback_url: body.callback_url,
				callback_id: body.callback_id,
				videoIds: [],
			};
			for (const file of (body.files as Row[] | undefined) ?? []) {
				resources.push({
					resource_id: newId('res_'),
					session_id: session.session_id,
					resource_type: String(file.media_type ?? 'file').split('/')[0],
					source_type: 'user_uploaded',
					url: file.url ?? null,
					created_at: nowSeconds(),
				});
			}
			say(session, { role: 'user', type: 'text', content: prompt });
			sessions.unshift(session);
			run(session, prompt, mode);
			return {
				status: 200,
				body: {
					data: {
						session_id: session.session_id,
						status: session.status,
						created_at: session.created_at,
						video_id: (session.video_id as string | null) ?? null,
					},
				},
			};
		}),
	);

	emulator.route('GET', '/v3/video-agents', (req) =>
		page(
			req,
			sessions.map((session) => ({
				session_id: session.session_id,
				created_at: session.created_at,
				title: session.title,
			})),
			{ limit: 20, max: 100 },
		),
	);

	emulator.route('GET', '/v3/video-agents/{id}', (req) => {
		const session = find(req.params.id);
		return session
			? { status: 200, body: { data: shown(session) as never } }
			: notFound(req.params.id);
	});

	// §11.1 follow-up message, chat sessions only (§11.4 rule 4).
	emulator.route('POST', '/v3/video-agents/{id}', (req) =>
		idempotent(req, () => {
			const session = find(req.params.id);
			if (!session) return notFound(req.params.id);
			const body = (req.body ?? {}) as Row;
			if (session.mode !== 'chat')
				return bad('messages can only be sent to chat sessions', 'session_id');
			const problem = checkText(body.message, 'message') ?? checkFiles(body.files);
			if (problem) return problem;
			const message = String(body.message);
			say(session, { role: 'user', type: 'text', content: message });
			const runId = newId('run_');
			run(session, message, 'generate');
			return {
				status: 200,
				body: { data: { session_id: session.session_id, run_id: runId, title: session.title } },
			};
		}),
	);

	// §11.4 rule 4 [A]: stop → `{session_id}`, status waiting_for_input; what was produced is kept.
	emulator.route('POST', '/v3/video-agents/{id}/stop', (req) => {
		const session = find(req.params.id);
		if (!session) return notFound(req.params.id);
		if (!['completed', 'failed'].includes(String(session.status))) {
			session.status = 'waiting_for_input';
			say(session, { role: 'model', type: 'text', content: 'Stopped. What should I change?' });
		}
		return { status: 200, body: { data: { session_id: session.session_id } } };
	});

	// §11.5: one page (has_more false) of the session's videos, newest first.
	emulator.route('GET', '/v3/video-agents/{id}/videos', (req) => {
		const session = find(req.params.id);
		if (!session) return notFound(req.params.id);
		return {
			status: 200,
			body: {
				data: (session.videoIds as string[]).map((id) => {
					const video = (emulator.hooks.getVideo as unknown as (id: string) => Row)(id);
					// As GET /v3/videos/{id} shows it: the create's "waiting" is "pending" (docs/api/heygen.md §8).
					return video.status === 'waiting' ? { ...video, status: 'pending' } : video;
				}) as never,
				has_more: false,
				next_token: null,
			},
		};
	});

	emulator.route('GET', '/v3/video-agents/{id}/resources/{resourceId}', (req) => {
		const session = find(req.params.id);
		if (!session) return notFound(req.params.id);
		const resource = resources.find(
			(candidate) =>
				candidate.resource_id === req.params.resourceId &&
				candidate.session_id === session.session_id,
		);
		if (!resource)
			return heygenError(404, {
				code: 'resource_not_found',
				message: `Resource ${req.params.resourceId} not found`,
			});
		const { session_id: _sessionId, ...answer } = resource;
		return { status: 200, body: { data: answer as never } };
	});
}
