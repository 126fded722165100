/**
 * Sync voices, text-to-speech and dubbing (../shared/api/sync.md §9 and §10), registered on the Sync
 * emulator by createSyncEmulator. What the contract marks [A] is our assumption and says so here.
 */
import { randomUUID } from 'node:crypto';

import { headerValue, type Emulator, type EmulatorRequest, type EmulatorResponse } from './core';
import { SlidingWindowLimiter } from './limiters';

type ErrorFn = (
	status: number,
	detail?: { code?: string; message?: string; field?: string; suggestion?: string },
) => EmulatorResponse;

export interface VoiceRouteDeps {
	/** The §4 error body of the Sync emulator. */
	syncError: ErrorFn;
	/** A 400 whose `message` is an array (§4 validation errors). */
	validationError: (messages: string[], field?: string) => EmulatorResponse;
	/** The assets of the Sync emulator (an asset id → its url and type). */
	assetById: (id: string) => { url?: unknown; type?: string } | undefined;
	/** Bytes stored at a URL of the emulator's own storage; undefined for any other URL. */
	storedBytes: (url: string) => number | undefined;
}

type Voice = Record<string, unknown> & { id: string; provider: string; name: string };
type Clone = Voice & { owner: string };
type TtsJob = Record<string, unknown> & { id: string; status: string; owner: string };

/** Sync voices hook into POST /v2/generate: §9.1 #5 (text inputs) and §10.3 #4 (dubParams). */
export interface VoiceHooks {
	/** A refusal for a create body, or undefined when it may go on. */
	checkGeneration(body: Record<string, unknown>, ownerKey: string): EmulatorResponse | undefined;
}

const PROVIDER = 'elevenlabs';
const TTS_TERMINAL = ['SUCCESS', 'FAILED'];

/**
 * Magic script text → the ElevenLabs errors of §10.1 (§10.3 #3). `elevenlabs_api_key_invalid`'s
 * status is not captured: 400 [A].
 */
const SCRIPT_FAULTS: Array<[string, number, string, string]> = [
	['[quota]', 402, 'elevenlabs_quota_exceeded', 'The ElevenLabs quota of this account is used up.'],
	['[unavailable]', 503, 'elevenlabs_service_unavailable', 'ElevenLabs is unavailable.'],
	['[timeout]', 504, 'elevenlabs_service_unavailable', 'ElevenLabs did not answer in time.'],
	['[badkey]', 400, 'elevenlabs_api_key_invalid', 'The connected ElevenLabs API key is invalid.'],
	['[denied]', 400, 'voice_access_denied', 'This key may not use the voice.'],
	['[blocked]', 422, 'voice_blocked', 'The voice is blocked.'],
];

export function registerVoiceRoutes(emulator: Emulator, deps: VoiceRouteDeps): VoiceHooks {
	const { syncError, validationError } = deps;
	Object.assign(emulator.config, {
		/** Clone slots of the plan (§9.1 #3: configurable; 403 voice_clone_limit_reached beyond). */
		voiceCloneSlots: 30,
		/** Clone requests per hour per key (§9: 10). */
		voiceClonesPerHour: 10,
		/** Samples under this many bytes count as too short (stands in for "under 30 s") [A]. */
		voiceMinSampleBytes: 1024,
		/** §10.3 #2 switch: false → POST /v2/tts/jobs answers 503 (org not in the rollout). */
		asyncTtsEnabled: true,
		/** Bytes of a synthesized audio file. */
		ttsAudioBytes: 32 * 1024,
		/** §10.3 #4 switch: true → an audio/text input beside dubParams is ignored instead of a 422. */
		dubIgnoreAudioInputs: false,
	});
	// reset() restores the constructor's config; these keys are ours, so set them again after it.
	const defaults = { ...emulator.config };
	const ours = [
		'voiceCloneSlots',
		'voiceClonesPerHour',
		'voiceMinSampleBytes',
		'asyncTtsEnabled',
		'ttsAudioBytes',
		'dubIgnoreAudioInputs',
	];

	const cloneLimiter = new SlidingWindowLimiter();
	let clones = new Map<string, Clone>();
	let jobs = new Map<string, TtsJob>();
	let jobKeys = new Map<string, { body: string; jobId: string }>();
	emulator.onReset(() => {
		for (const key of ours) emulator.config[key] ??= defaults[key];
		cloneLimiter.reset();
		clones = new Map();
		jobs = new Map();
		jobKeys = new Map();
	});

	const previewUrl = (id: string) => `${emulator.origin}/__emulator/files/16000.mp3?voice=${id}`;
	// §9.1 #1: three built-in voices with ElevenLabs-style ids, and one with `restriction` set.
	const builtIns = (): Voice[] =>
		[
			['EXAVITQu4vr4xnSDxMaL', 'Sarah'],
			['21m00Tcm4TlvDq8ikWAM', 'Rachel'],
			['pNInz6obpgDQGcFmaJgB', 'Adam'],
			['N2lVS1w4EtoT3dr4eOWO', 'Callum (verification pending)'],
		].map(([id, name], index) => ({
			id,
			voiceId: id,
			provider: PROVIDER,
			name,
			previewUrl: previewUrl(id),
			...(index === 3 ? { restriction: { code: 'voice_verification_required' } } : {}),
		}));

	const ownerOf = (req: EmulatorRequest) => req.key?.key ?? '';
	const publicVoice = (voice: Voice): Voice => {
		const copy = { ...voice } as Record<string, unknown>;
		delete copy.owner;
		return copy as Voice;
	};
	/** A built-in voice, or a clone of this key's org; other orgs' clones do not exist for it (§9). */
	const findVoice = (id: string, owner: string): Voice | undefined => {
		const builtIn = builtIns().find((voice) => voice.id === id);
		if (builtIn) return builtIn;
		const clone = clones.get(id);
		return clone && clone.owner === owner ? clone : undefined;
	};
	const voiceNotFound = (id: string) =>
		syncError(404, { code: 'voice_not_found', message: `Voice ${id} not found` });

	/** §9.1 #5 and §10.3 #1: the voice must exist (422) and not be restricted (422) [A for generate]. */
	function checkVoice(voiceId: unknown, owner: string): EmulatorResponse | undefined {
		const voice = typeof voiceId === 'string' ? findVoice(voiceId, owner) : undefined;
		if (!voice)
			return syncError(422, {
				code: 'voice_not_found',
				message: `Voice ${String(voiceId)} not found`,
				field: 'voiceId',
			});
		if (voice.restriction)
			return syncError(422, {
				code: 'voice_verification_required',
				message: `Voice ${voice.id} needs verification before it can synthesize`,
				field: 'voiceId',
			});
		return undefined;
	}

	// §9.1 #2: a bare array, built-ins first, then the org's clones; `provider` filter.
	emulator.route('GET', '/v2/voices', (req) => {
		const provider = req.query.get('provider');
		if (provider !== null && provider !== PROVIDER)
			return validationError([`provider must be ${PROVIDER}`], 'provider');
		const owner = ownerOf(req);
		const own = [...clones.values()].filter((clone) => clone.owner === owner).map(publicVoice);
		return { status: 200, body: [...builtIns(), ...own] };
	});

	// §9.1 #4.
	emulator.route('GET', '/v2/voices/{id}', (req) => {
		const provider = req.query.get('provider');
		if (provider !== null && provider !== PROVIDER)
			return validationError([`provider must be ${PROVIDER}`], 'provider');
		const voice = findVoice(req.params.id, ownerOf(req));
		return voice ? { status: 200, body: publicVoice(voice) } : voiceNotFound(req.params.id);
	});
	emulator.route('DELETE', '/v2/voices/{id}', (req) => {
		const clone = clones.get(req.params.id);
		// A built-in id is "not found" too [A]: only clones can be deleted.
		if (!clone || clone.owner !== ownerOf(req)) return voiceNotFound(req.params.id);
		clones.delete(clone.id);
		return { status: 200, body: true };
	});

	// §9.1 #3: clone.
	emulator.route('POST', '/v2/voices', (req) => {
		const owner = ownerOf(req);
		const body = (req.body ?? {}) as Record<string, unknown>;
		const problems: string[] = [];
		if (typeof body.name !== 'string' || body.name.trim() === '') problems.push('name is required');
		if (body.provider !== PROVIDER) problems.push(`provider must be ${PROVIDER}`);
		const hasUrl = typeof body.url === 'string' && body.url !== '';
		const hasAsset = typeof body.assetId === 'string' && body.assetId !== '';
		if (hasUrl === hasAsset) problems.push('exactly one of url or assetId is required');
		if (problems.length > 0) return validationError(problems);
		// §9: 10 requests per hour per key (counted once the request is well-formed [A]).
		const limit = Number(emulator.config.voiceClonesPerHour);
		if (!cloneLimiter.take(`clone:${owner}`, limit, 3600_000).allowed)
			return syncError(429, {
				code: 'rate_limit_exceeded',
				message: `Voice cloning is limited to ${limit} requests per hour.`,
			});
		let url: string;
		let type: string | undefined;
		if (hasAsset) {
			const asset = deps.assetById(body.assetId as string);
			if (!asset)
				return syncError(404, {
					code: 'asset_not_found',
					message: `Asset ${String(body.assetId)} not found`,
				});
			url = String(asset.url ?? '');
			type = asset.type;
		} else {
			url = body.url as string;
			type = /\.(mp3|wav|m4a|aac|ogg)(\?|$)/i.test(url) ? 'AUDIO' : undefined;
		}
		const bytes = deps.storedBytes(url);
		if (bytes === undefined)
			return syncError(422, {
				code: 'voice_sample_upload_required',
				message: 'The voice sample must be uploaded to Sync storage first.',
				suggestion: 'Upload the file as an asset and pass its url or assetId.',
				field: hasAsset ? 'assetId' : 'url',
			});
		if (type === 'IMAGE')
			return syncError(422, {
				code: 'voice_sample_type_unsupported',
				message: 'The voice sample must be audio or video.',
			});
		if (bytes < Number(emulator.config.voiceMinSampleBytes))
			return syncError(400, {
				code: 'voice_sample_too_short',
				message: 'The voice sample is too short.',
				suggestion: 'Use 30 seconds to 2 minutes of clean speech from one speaker.',
			});
		const name = (body.name as string).trim();
		const mine = [...clones.values()].filter((clone) => clone.owner === owner);
		if (mine.some((clone) => clone.name.toLowerCase() === name.toLowerCase()))
			return syncError(409, {
				code: 'voice_name_conflict',
				message: `A voice named "${name}" already exists.`,
				field: 'name',
			});
		if (mine.length >= Number(emulator.config.voiceCloneSlots))
			return syncError(403, {
				code: 'voice_clone_limit_reached',
				message: 'All clone slots of your plan are in use.',
			});
		// [A] the clone's ids are all the same new UUID.
		const id = randomUUID();
		clones.set(id, {
			id,
			voiceId: id,
			internalVoiceId: id,
			provider: PROVIDER,
			name,
			previewUrl: previewUrl(id),
			owner,
		});
		return { status: 201, body: { voiceId: id, name, internalVoiceId: id } };
	});

	/** §10.3 #1: the TTS body rules; the refusal, or undefined. */
	function checkTts(body: Record<string, unknown>, owner: string): EmulatorResponse | undefined {
		const problems: string[] = [];
		if (typeof body.script !== 'string' || body.script.length < 1 || body.script.length > 5000)
			problems.push('script must be 1 to 5000 characters');
		if (body.provider !== PROVIDER) problems.push(`provider must be ${PROVIDER}`);
		for (const field of ['stability', 'similarityBoost']) {
			const value = body[field];
			if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1))
				problems.push(`${field} must be a number between 0 and 1`);
		}
		if (typeof body.voiceId !== 'string' || body.voiceId === '')
			problems.push('voiceId is required');
		if (problems.length > 0) return validationError(problems);
		const refused = checkVoice(body.voiceId, owner);
		if (refused) return refused;
		const fault = SCRIPT_FAULTS.find(([marker]) => String(body.script).includes(marker));
		if (fault) return syncError(fault[1], { code: fault[2], message: fault[3] });
		return undefined;
	}
	const audioFor = (id: string) =>
		`${emulator.origin}/__emulator/files/${Number(emulator.config.ttsAudioBytes)}.mp3?tts=${id}`;
	// [A] duration ≈ characters / 15 seconds.
	const durationOf = (script: string) => Math.round((script.length / 15) * 10) / 10;

	// §10.3 #1: synchronous TTS.
	emulator.route('POST', '/v2/tts', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const refused = checkTts(body, ownerOf(req));
		if (refused) return refused;
		const id = randomUUID();
		return {
			status: 200,
			body: { id, url: audioFor(id), duration: durationOf(String(body.script)) },
		};
	});

	// §10.3 #2: async TTS jobs, PENDING → PROCESSING → SUCCESS | FAILED on the emulator clock.
	emulator.route('POST', '/v2/tts/jobs', (req) => {
		if (!emulator.config.asyncTtsEnabled)
			return syncError(503, {
				code: 'tts_jobs_not_enabled',
				message: 'Async text-to-speech is not enabled for this organization yet.',
			});
		const owner = ownerOf(req);
		const key = headerValue(req.headers, 'idempotency-key');
		if (key !== undefined && !/^[A-Za-z0-9._~-]{1,128}$/.test(key))
			return syncError(400, {
				code: 'INVALID_IDEMPOTENCY_KEY',
				message: 'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ ~ -',
			});
		const raw = req.rawBody.toString('utf8');
		if (key !== undefined) {
			const seen = jobKeys.get(`${owner}:${key}`);
			if (seen && seen.body !== raw)
				return syncError(409, {
					code: 'idempotency_key_reused',
					message: 'This Idempotency-Key was used with a different body.',
				});
			const job = seen ? jobs.get(seen.jobId) : undefined;
			if (job) return jobAccepted(job);
		}
		const body = (req.body ?? {}) as Record<string, unknown>;
		const refused = checkTts(body, owner);
		if (refused) return refused;
		const job: TtsJob = {
			id: randomUUID(),
			status: 'PENDING',
			createdAt: new Date().toISOString(),
			owner,
		};
		jobs.set(job.id, job);
		if (key !== undefined) jobKeys.set(`${owner}:${key}`, { body: raw, jobId: job.id });
		const script = String(body.script);
		const stageMs = Number(emulator.config.stageMs);
		emulator.schedule(stageMs, () => {
			Object.assign(job, { status: 'PROCESSING', startedAt: new Date().toISOString() });
			emulator.schedule(stageMs, () => {
				const finishedAt = new Date().toISOString();
				// Failure injection: a script containing "[fail]".
				if (script.includes('[fail]'))
					Object.assign(job, {
						status: 'FAILED',
						error: emulator.failureText('Speech synthesis failed.'),
						finishedAt,
					});
				else
					Object.assign(job, {
						status: 'SUCCESS',
						url: audioFor(job.id),
						duration: durationOf(script),
						finishedAt,
					});
			});
		});
		return jobAccepted(job);
	});
	function jobAccepted(job: TtsJob): EmulatorResponse {
		return {
			status: 202,
			headers: { location: `/v2/tts/jobs/${job.id}` },
			body: publicJob(job),
		};
	}
	function publicJob(job: TtsJob): Record<string, unknown> {
		const copy: Record<string, unknown> = { ...job };
		delete copy.owner;
		return copy;
	}
	emulator.route('GET', '/v2/tts/jobs/{id}', (req) => {
		const job = jobs.get(req.params.id);
		if (!job || job.owner !== ownerOf(req))
			return syncError(404, {
				code: 'tts_job_not_found',
				message: `Job ${req.params.id} not found`,
			});
		return {
			status: 200,
			...(TTS_TERMINAL.includes(job.status) ? {} : { headers: { 'retry-after': '3' } }),
			body: publicJob(job),
		};
	});

	return {
		checkGeneration(body, owner) {
			const items = Array.isArray(body.input) ? (body.input as Array<Record<string, unknown>>) : [];
			// §10.3 #4: dubParams.
			if (body.dubParams !== undefined) {
				const dub = (body.dubParams ?? {}) as Record<string, unknown>;
				const problems: string[] = [];
				// [A] any 2–3 letter code (optionally with a region) is a DubLanguage.
				const language = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
				if (typeof dub.targetLang !== 'string' || !language.test(dub.targetLang))
					problems.push('dubParams.targetLang is required (a language code such as es)');
				if (
					dub.sourceLang !== undefined &&
					!(dub.sourceLang === 'auto' || language.test(String(dub.sourceLang)))
				)
					problems.push('dubParams.sourceLang must be auto or a language code');
				if (
					dub.numSpeakers !== undefined &&
					!(
						Number.isInteger(dub.numSpeakers) &&
						Number(dub.numSpeakers) >= 0 &&
						Number(dub.numSpeakers) <= 50
					)
				)
					problems.push('dubParams.numSpeakers must be an integer from 0 to 50');
				for (const field of ['providerName', 'provider'])
					if (dub[field] !== undefined && dub[field] !== PROVIDER)
						problems.push(`dubParams.${field} must be ${PROVIDER}`);
				if (problems.length > 0) return validationError(problems, 'dubParams');
				const sounds = items.filter((item) => item.type === 'audio' || item.type === 'text');
				if (sounds.length > 0 && !emulator.config.dubIgnoreAudioInputs)
					return syncError(422, {
						code: 'generation_input_dub_audio_conflict',
						message: 'A dubbing generation takes one video and no audio or text input.',
						field: 'input',
					});
				if (!items.some((item) => item.type === 'video'))
					return validationError(['dubbing needs a video input'], 'input');
				return undefined;
			}
			// §9.1 #5.
			for (const item of items) {
				if (item.type !== 'text') continue;
				const refused = checkVoice((item.provider as Record<string, unknown>)?.voiceId, owner);
				if (refused) return refused;
			}
			return undefined;
		},
	};
}
