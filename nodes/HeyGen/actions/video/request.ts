/** Video → Create's request body per video type (docs/api/heygen.md, "Endpoints"), checked before anything is sent. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	checkUrl,
	fieldError,
	jsonParameter,
	requiredString,
	stringParameter,
} from '../../../shared/parameters';

const SCRIPT_LIMIT = 5000;

function studioScenes(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const scenes = jsonParameter(
		ctx,
		ctx.getNodeParameter('scenes', itemIndex, '[]'),
		'Scenes (JSON)',
		itemIndex,
	);
	if (!Array.isArray(scenes) || scenes.length === 0)
		throw fieldError(ctx, 'Scenes (JSON): a studio video needs at least one scene', itemIndex);
	if (scenes.length > 50)
		throw fieldError(ctx, `Scenes (JSON): at most 50 scenes (got ${scenes.length})`, itemIndex);
	(scenes as IDataObject[]).forEach((scene, index) => {
		const script = ((scene.input as IDataObject | undefined)?.script ?? scene.script) as
			string | undefined;
		if (typeof script === 'string' && script.length > SCRIPT_LIMIT)
			throw fieldError(
				ctx,
				`Scenes (JSON): the script of scene ${index + 1} is over ${SCRIPT_LIMIT} characters`,
				itemIndex,
			);
	});
	return scenes as IDataObject[];
}

/** What the avatar or photo says: a script (with a voice), an audio URL or an audio asset. */
function addAudio(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	options: IDataObject,
): void {
	const source = ctx.getNodeParameter('audioSource', itemIndex, 'script') as string;
	if (source !== 'script') {
		const value = stringParameter(ctx, source, itemIndex);
		if (!value)
			throw fieldError(
				ctx,
				`${source === 'audioUrl' ? 'Audio URL' : 'Audio Asset ID'} is required`,
				itemIndex,
			);
		body[source === 'audioUrl' ? 'audio_url' : 'audio_asset_id'] = value;
		return;
	}
	const script = String(ctx.getNodeParameter('script', itemIndex, '') ?? '');
	if (!script.trim()) throw fieldError(ctx, 'Script is required', itemIndex);
	if (script.length > SCRIPT_LIMIT)
		throw fieldError(
			ctx,
			`Script is ${script.length} characters; HeyGen allows at most ${SCRIPT_LIMIT}`,
			itemIndex,
			'Split it into studio scenes, or shorten it.',
		);
	body.script = script;
	const voiceId = stringParameter(ctx, 'voiceId', itemIndex);
	if (voiceId) body.voice_id = voiceId;
	else if (body.type === 'image')
		throw fieldError(ctx, 'Voice is required for an image video with a script', itemIndex);
	if (options.speed !== undefined && Number(options.speed) !== 1)
		body.voice_settings = { speed: options.speed };
}

export function buildVideoBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = ctx.getNodeParameter('videoType', itemIndex, 'avatar') as string;
	const options = ctx.getNodeParameter('videoOptions', itemIndex, {}) as IDataObject;
	const body: IDataObject = { type };
	for (const key of ['title', 'aspect_ratio', 'resolution', 'callback_url', 'callback_id'])
		if (options[key]) body[key] = options[key];
	if (options.captions || options.burnCaptions)
		body.caption = { file_format: 'srt', ...(options.burnCaptions ? { style: 'default' } : {}) };

	if (type === 'studio') {
		body.scenes = studioScenes(ctx, itemIndex);
		return body;
	}
	if (type === 'avatar') {
		body.avatar_id = requiredString(ctx, 'avatarId', 'Avatar Look', itemIndex);
		if (options.engine) body.engine = { type: options.engine };
	} else {
		body.image = {
			type: 'url',
			url: checkUrl(
				ctx,
				stringParameter(ctx, 'imageUrl', itemIndex),
				'Image URL',
				itemIndex,
				'public',
			),
		};
	}
	addAudio(ctx, itemIndex, body, options);
	if (options.output_format) body.output_format = options.output_format;
	const background = options.backgroundImageUrl
		? { type: 'image', url: options.backgroundImageUrl }
		: options.backgroundColor
			? { type: 'color', value: options.backgroundColor }
			: undefined;
	if (background) {
		if (body.output_format === 'webm')
			throw fieldError(
				ctx,
				'A background cannot be combined with WebM (transparent) output',
				itemIndex,
			);
		body.background = background;
	}
	return body;
}
