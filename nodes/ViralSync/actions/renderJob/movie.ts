/** The movie definition of a render job, from fields or JSON, checked against the API's movie rules before anything is sent. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	fieldError,
	jsonObjectParameter,
	jsonParameter,
	stringParameter,
} from '../../../shared/parameters';
import { SIZE_PRESETS } from './movieFields';

export { movieFields } from './movieFields';

function fail(ctx: IExecuteFunctions, message: string, itemIndex: number): never {
	throw fieldError(ctx, message, itemIndex);
}

/** The movie definition's rules: width 360–3840, height 360–2160, fps 1–60, ≥1 scene, unique scene ids, known layer types. */
export function checkMovie(
	ctx: IExecuteFunctions,
	movie: IDataObject,
	itemIndex: number,
): IDataObject {
	const width = movie.width ?? 1920;
	const height = movie.height ?? 1080;
	const fps = movie.fps ?? 30;
	if (typeof width !== 'number' || width < 360 || width > 3840)
		fail(ctx, `Width must be between 360 and 3840 (got ${String(width)})`, itemIndex);
	if (typeof height !== 'number' || height < 360 || height > 2160)
		fail(ctx, `Height must be between 360 and 2160 (got ${String(height)})`, itemIndex);
	if (typeof fps !== 'number' || fps < 1 || fps > 60)
		fail(ctx, `FPS must be between 1 and 60 (got ${String(fps)})`, itemIndex);
	const scenes = movie.scenes;
	if (!Array.isArray(scenes) || scenes.length === 0)
		fail(ctx, 'Scenes: the movie needs at least one scene', itemIndex);
	const ids = new Set<string>();
	(scenes as IDataObject[]).forEach((scene, index) => {
		const id = typeof scene.id === 'string' ? scene.id.trim() : '';
		if (!id) fail(ctx, `Scenes: scene ${index + 1} needs a Scene ID`, itemIndex);
		if (ids.has(id)) fail(ctx, `Scenes: the Scene ID "${id}" is used twice`, itemIndex);
		ids.add(id);
		if (
			scene.duration !== undefined &&
			!(typeof scene.duration === 'number' && scene.duration > 0)
		) {
			fail(ctx, `Scenes: scene "${id}" needs a duration above 0 seconds`, itemIndex);
		}
		const layers = scene.layers ?? [];
		if (!Array.isArray(layers))
			fail(ctx, `Scenes: the layers of scene "${id}" must be a list`, itemIndex);
		(layers as IDataObject[]).forEach((layer, layerIndex) => {
			if (!['video', 'image', 'audio', 'text'].includes(String(layer?.type))) {
				fail(
					ctx,
					`Scenes: layer ${layerIndex + 1} of scene "${id}" has the unknown type "${String(layer?.type)}" (video, image, audio or text)`,
					itemIndex,
				);
			}
		});
	});
	return movie;
}

export function readMovie(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('movieSource', itemIndex, 'fields') === 'json') {
		const movie = jsonParameter(
			ctx,
			ctx.getNodeParameter('movieJson', itemIndex),
			'Movie (JSON)',
			itemIndex,
			'object',
		);
		if (!movie) fail(ctx, 'Movie (JSON) must be a JSON object', itemIndex);
		return checkMovie(ctx, movie as IDataObject, itemIndex);
	}
	const size = ctx.getNodeParameter('size', itemIndex, '1920x1080') as string;
	const [width, height] =
		size === 'custom'
			? [
					ctx.getNodeParameter('width', itemIndex) as number,
					ctx.getNodeParameter('height', itemIndex) as number,
				]
			: SIZE_PRESETS[size];
	const title = stringParameter(ctx, 'title', itemIndex);
	const rawScenes =
		((ctx.getNodeParameter('scenes', itemIndex, {}) as IDataObject).scene as
			IDataObject[] | undefined) ?? [];
	const scenes = rawScenes.map((scene) => ({
		id: String(scene.id ?? '').trim(),
		duration: scene.duration,
		backgroundColor: scene.backgroundColor,
		layers: (
			((scene.layers as IDataObject | undefined)?.layer as IDataObject[] | undefined) ?? []
		).map((layer) => {
			const extra = jsonObjectParameter(
				ctx,
				layer.extra,
				`More Settings (JSON) of a layer of scene "${String(scene.id)}"`,
				itemIndex,
			);
			return {
				type: layer.type,
				...(layer.type !== 'text' && layer.src ? { src: layer.src } : {}),
				...(layer.type === 'text' && layer.text ? { text: layer.text } : {}),
				...extra,
			};
		}),
	}));
	return checkMovie(
		ctx,
		{
			...(title ? { title } : {}),
			width,
			height,
			fps: ctx.getNodeParameter('fps', itemIndex, 30),
			scenes,
		},
		itemIndex,
	);
}
