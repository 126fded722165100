/**
 * Lipsync → Create's body (../shared/api/heygen.md §12.2): `video` and `audio` as AssetInputs of
 * type url or asset_id. Everything is checked first (no request yet); then binaries are uploaded
 * as assets and a script is spoken through POST /v3/voices/speech (§12: lipsync has no text
 * field), and their results become the inputs.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import type { RequestOptions } from '../../../shared/request';
import { assertUploadable, uploadAsset } from '../../assets';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';

const SCRIPT_LIMIT = 5000;

type InputPlan =
	| { kind: 'url'; url: string }
	| { kind: 'asset'; assetId: string }
	| { kind: 'binary'; property: string; label: string }
	| { kind: 'script'; text: string; voiceId: string };

export interface LipsyncPlan {
	video: InputPlan;
	audio: InputPlan;
	options: IDataObject;
}

async function planInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: 'video' | 'audio',
): Promise<InputPlan> {
	const Label = field === 'video' ? 'Video' : 'Audio';
	const from = ctx.getNodeParameter(`${field}From`, itemIndex, 'url') as string;
	if (from === 'url') {
		const url = requiredString(ctx, `${field}Url`, `${Label} URL`, itemIndex);
		return { kind: 'url', url: checkUrl(ctx, url, `${Label} URL`, itemIndex, 'public') };
	}
	if (from === 'asset') {
		const name = field === 'video' ? 'lipsyncVideoAsset' : 'lipsyncAudioAsset';
		return { kind: 'asset', assetId: requiredString(ctx, name, `${Label} Asset`, itemIndex) };
	}
	if (from === 'binary') {
		const label = `${Label} Binary Property`;
		const property = requiredString(ctx, `${field}BinaryProperty`, label, itemIndex);
		const { mimeType } = await assertUploadable(ctx, itemIndex, property, label);
		if (!mimeType.startsWith(`${field}/`))
			throw fieldError(
				ctx,
				`${label}: "${property}" holds ${mimeType}, not ${field === 'video' ? 'a video' : 'audio'}`,
				itemIndex,
				field === 'video'
					? 'Lipsync needs a video here (MP4, MOV or WebM).'
					: 'Lipsync needs audio here (MP3 or WAV).',
			);
		return { kind: 'binary', property, label };
	}
	if (from === 'script' && field === 'audio') {
		const text = requiredString(ctx, 'speechScript', 'Script', itemIndex);
		if (text.length > SCRIPT_LIMIT)
			throw fieldError(
				ctx,
				`Script is ${text.length} characters; HeyGen allows at most ${SCRIPT_LIMIT}`,
				itemIndex,
			);
		return {
			kind: 'script',
			text,
			voiceId: requiredString(ctx, 'speechVoiceId', 'Voice', itemIndex),
		};
	}
	throw fieldError(ctx, `${Label} From: "${from}" is not a source`, itemIndex);
}

/** Reads and checks every field (no request): the inputs and the §12.2 options. */
export async function planLipsync(ctx: IExecuteFunctions, itemIndex: number): Promise<LipsyncPlan> {
	const video = await planInput(ctx, itemIndex, 'video');
	const audio = await planInput(ctx, itemIndex, 'audio');
	const raw = ctx.getNodeParameter('lipsyncOptions', itemIndex, {}) as IDataObject;
	const options = Object.fromEntries(
		Object.entries(raw).filter(([, value]) => value !== '' && value !== undefined),
	);
	if (options.callback_url !== undefined)
		checkUrl(ctx, String(options.callback_url), 'Callback URL', itemIndex, 'public');
	const start = options.start_time === undefined ? undefined : Number(options.start_time);
	if (options.end_time !== undefined && !(Number(options.end_time) > (start ?? 0)))
		throw fieldError(
			ctx,
			`End Time (${String(options.end_time)} s) must be after Start Time (${start ?? 0} s)`,
			itemIndex,
		);
	return { video, audio, options };
}

async function resolveInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: 'video' | 'audio',
	plan: InputPlan,
	requestOptions: RequestOptions,
): Promise<IDataObject> {
	if (plan.kind === 'url') return { type: 'url', url: plan.url };
	if (plan.kind === 'asset') return { type: 'asset_id', asset_id: plan.assetId };
	if (plan.kind === 'binary') {
		const asset = await uploadAsset(
			ctx,
			itemIndex,
			plan.property,
			requestOptions,
			plan.label,
			`lipsync-${field}`,
		);
		return { type: 'asset_id', asset_id: String(asset.asset_id) };
	}
	// §12 / §2.2: synchronous text to speech; its audio_url is the lipsync's audio.
	const speech = unwrapData<IDataObject>(
		(
			await heyGenRequest(
				ctx,
				{
					method: 'POST',
					path: '/v3/voices/speech',
					body: { text: plan.text, voice_id: plan.voiceId },
					itemIndex,
				},
				requestOptions,
			)
		).body,
	);
	if (typeof speech?.audio_url !== 'string')
		throw fieldError(ctx, 'Script: HeyGen returned no audio for the script', itemIndex);
	return { type: 'url', url: speech.audio_url };
}

/** The create body: uploads and text to speech happen here, after planLipsync's checks. */
export async function buildLipsyncBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	plan: LipsyncPlan,
	requestOptions: RequestOptions,
): Promise<IDataObject> {
	return {
		video: await resolveInput(ctx, itemIndex, 'video', plan.video, requestOptions),
		audio: await resolveInput(ctx, itemIndex, 'audio', plan.audio, requestOptions),
		...plan.options,
	};
}
