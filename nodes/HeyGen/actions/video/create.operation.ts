import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { scoped } from '../../../shared/operation';
import { jobWaitFields } from '../../../shared/jobWait';
import type { TransportOptions } from '../../../shared/transport';
import { finishVideoJob, heyGenRequest, idempotencyKeyFor } from '../../helpers';
import { unwrapData } from '../../transport';
import { planHeyGenResume } from '../resume.webhook';

const show = { resource: ['video'], operation: ['create'] };
const SCRIPT_LIMIT = 5000;

export const description: INodeProperties[] = [
	{
		displayName: 'Video Type',
		name: 'videoType',
		type: 'options',
		options: [
			{ name: 'Avatar', value: 'avatar', description: 'A HeyGen avatar look speaks' },
			{ name: 'Image', value: 'image', description: 'A photo is animated to speak' },
			{ name: 'Studio (Several Scenes)', value: 'studio', description: 'Up to 50 scenes: avatar, image and video scenes' },
		],
		default: 'avatar',
		displayOptions: { show },
	},
	{
		displayName: 'Avatar Look Name or ID',
		name: 'avatarId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAvatarLooks' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { ...show, videoType: ['avatar'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/portrait.png',
		displayOptions: { show: { ...show, videoType: ['image'] } },
	},
	{
		displayName: 'Scenes (JSON)',
		name: 'scenes',
		type: 'json',
		default: '[\n  {\n    "type": "avatar_video",\n    "input": { "type": "avatar", "avatar_id": "", "script": "Hello!", "voice_id": "" }\n  }\n]',
		description: 'HeyGen studio scenes (1–50): avatar_video, image and video scenes',
		displayOptions: { show: { ...show, videoType: ['studio'] } },
	},
	{
		displayName: 'Audio',
		name: 'audioSource',
		type: 'options',
		options: [
			{ name: 'Script (Text to Speech)', value: 'script' },
			{ name: 'Audio URL', value: 'audioUrl' },
			{ name: 'Audio Asset', value: 'audioAssetId' },
		],
		default: 'script',
		displayOptions: { show: { ...show, videoType: ['avatar', 'image'] } },
	},
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'What the avatar says, up to 5,000 characters',
		displayOptions: { show: { ...show, videoType: ['avatar', 'image'], audioSource: ['script'] } },
	},
	{
		displayName: 'Voice Name or ID',
		name: 'voiceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVoices' },
		default: '',
		description: "Required for image videos; avatar videos use the look's default voice when empty. Choose from the list, or specify an ID using an <a href=\"https://docs.n8n.io/code/expressions/\">expression</a>.",
		displayOptions: { show: { ...show, videoType: ['avatar', 'image'], audioSource: ['script'] } },
	},
	{ displayName: 'Audio URL', name: 'audioUrl', type: 'string', default: '', displayOptions: { show: { ...show, videoType: ['avatar', 'image'], audioSource: ['audioUrl'] } } },
	{ displayName: 'Audio Asset ID', name: 'audioAssetId', type: 'string', default: '', displayOptions: { show: { ...show, videoType: ['avatar', 'image'], audioSource: ['audioAssetId'] } } },
	{
		displayName: 'Video Options',
		name: 'videoOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Aspect Ratio',
				name: 'aspect_ratio',
				type: 'options',
				options: ['16:9', '9:16', '1:1', '4:5', '5:4', 'auto'].map((value) => ({ name: value, value })),
				default: '16:9',
			},
			{ displayName: 'Background Color', name: 'backgroundColor', type: 'color', default: '#ffffff', description: 'Not for studio videos or WebM output' },
			{ displayName: 'Background Image URL', name: 'backgroundImageUrl', type: 'string', default: '' },
			{ displayName: 'Callback ID', name: 'callback_id', type: 'string', default: '', description: 'Sent back with the per-video callback, to match it' },
			{ displayName: 'Callback URL', name: 'callback_url', type: 'string', default: '', description: 'Gets an (unsigned) POST when the video ends' },
			{ displayName: 'Captions', name: 'captions', type: 'boolean', default: false, description: 'Whether to make an SRT subtitle file' },
			{ displayName: 'Burn In Captions', name: 'burnCaptions', type: 'boolean', default: false, description: 'Whether to draw the captions into the video' },
			{
				displayName: 'Engine',
				name: 'engine',
				type: 'options',
				options: [
					{ name: 'Avatar III', value: 'avatar_iii' },
					{ name: 'Avatar IV (Default)', value: 'avatar_iv' },
					{ name: 'Avatar V', value: 'avatar_v' },
				],
				default: 'avatar_iv',
				description: 'Avatar videos only; must be one the look supports',
			},
			{
				displayName: 'Output Format',
				name: 'output_format',
				type: 'options',
				options: [
					{ name: 'MP4', value: 'mp4' },
					{ name: 'WebM (Transparent)', value: 'webm' },
				],
				default: 'mp4',
			},
			{
				displayName: 'Resolution',
				name: 'resolution',
				type: 'options',
				options: [
					{ name: '4K', value: '4k' },
					{ name: '1080p', value: '1080p' },
					{ name: '720p', value: '720p' },
				],
				default: '1080p',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Voice Speed', name: 'speed', type: 'number', typeOptions: { minValue: 0.5, maxValue: 1.5, numberPrecision: 2 }, default: 1 },
		],
	},
	...scoped(show, jobWaitFields({
		offDescription: 'Return {video_id, status} at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Renders take 5–20+ minutes; every check is a request',
		outputLabel: 'video',
		webhookResume: 'HeyGen',
	})),
];

function fail(ctx: IExecuteFunctions, message: string, itemIndex: number, description?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/** The create body per type (§2.3), checked before anything is sent. */
function buildBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = ctx.getNodeParameter('videoType', itemIndex, 'avatar') as string;
	const options = ctx.getNodeParameter('videoOptions', itemIndex, {}) as IDataObject;
	const body: IDataObject = { type };
	for (const key of ['title', 'aspect_ratio', 'resolution', 'callback_url', 'callback_id']) if (options[key]) body[key] = options[key];
	if (options.captions || options.burnCaptions) body.caption = { file_format: 'srt', ...(options.burnCaptions ? { style: 'default' } : {}) };

	if (type === 'studio') {
		let scenes: unknown;
		try {
			const raw = ctx.getNodeParameter('scenes', itemIndex, '[]');
			scenes = typeof raw === 'string' ? JSON.parse(raw) : raw;
		} catch {
			throw fail(ctx, 'Scenes (JSON) is not valid JSON', itemIndex);
		}
		if (!Array.isArray(scenes) || scenes.length === 0) throw fail(ctx, 'Scenes (JSON): a studio video needs at least one scene', itemIndex);
		if (scenes.length > 50) throw fail(ctx, `Scenes (JSON): at most 50 scenes (got ${scenes.length})`, itemIndex);
		(scenes as IDataObject[]).forEach((scene, index) => {
			const script = ((scene.input as IDataObject | undefined)?.script ?? scene.script) as string | undefined;
			if (typeof script === 'string' && script.length > SCRIPT_LIMIT) throw fail(ctx, `Scenes (JSON): the script of scene ${index + 1} is over ${SCRIPT_LIMIT} characters`, itemIndex);
		});
		body.scenes = scenes as IDataObject[];
		return body;
	}

	if (type === 'avatar') {
		const avatarId = String(ctx.getNodeParameter('avatarId', itemIndex, '') ?? '').trim();
		if (!avatarId) throw fail(ctx, 'Avatar Look is required', itemIndex);
		body.avatar_id = avatarId;
		if (options.engine) body.engine = { type: options.engine };
	} else {
		const imageUrl = String(ctx.getNodeParameter('imageUrl', itemIndex, '') ?? '').trim();
		if (!/^https?:\/\/\S+$/i.test(imageUrl)) throw fail(ctx, 'Image URL must be a public http(s) URL', itemIndex);
		body.image = { type: 'url', url: imageUrl };
	}
	const source = ctx.getNodeParameter('audioSource', itemIndex, 'script') as string;
	if (source === 'script') {
		const script = String(ctx.getNodeParameter('script', itemIndex, '') ?? '');
		if (!script.trim()) throw fail(ctx, 'Script is required', itemIndex);
		if (script.length > SCRIPT_LIMIT) throw fail(ctx, `Script is ${script.length} characters; HeyGen allows at most ${SCRIPT_LIMIT}`, itemIndex, 'Split it into studio scenes, or shorten it.');
		body.script = script;
		const voiceId = String(ctx.getNodeParameter('voiceId', itemIndex, '') ?? '').trim();
		if (voiceId) body.voice_id = voiceId;
		else if (type === 'image') throw fail(ctx, 'Voice is required for an image video with a script', itemIndex);
		if (options.speed !== undefined && Number(options.speed) !== 1) body.voice_settings = { speed: options.speed };
	} else {
		const value = String(ctx.getNodeParameter(source, itemIndex, '') ?? '').trim();
		if (!value) throw fail(ctx, `${source === 'audioUrl' ? 'Audio URL' : 'Audio Asset ID'} is required`, itemIndex);
		body[source === 'audioUrl' ? 'audio_url' : 'audio_asset_id'] = value;
	}
	if (options.output_format) body.output_format = options.output_format;
	const background = options.backgroundImageUrl ? { type: 'image', url: options.backgroundImageUrl } : options.backgroundColor ? { type: 'color', value: options.backgroundColor } : undefined;
	if (background) {
		if (body.output_format === 'webm') throw fail(ctx, 'A background cannot be combined with WebM (transparent) output', itemIndex);
		body.background = background;
	}
	return body;
}

/** POST /v3/videos with an Idempotency-Key; an unknown avatar or voice names its field. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const body = buildBody(this, itemIndex);
	const resume = await planHeyGenResume(this, itemIndex, this.getNodeParameter('videoOptions', itemIndex, {}) as IDataObject);
	if (resume) Object.assign(body, resume);
	let created: IDataObject;
	try {
		const response = await heyGenRequest(this, { method: 'POST', path: '/v3/videos', body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'video'), itemIndex }, transport);
		created = unwrapData<IDataObject>(response.body);
	} catch (error) {
		const code = (error as NodeApiError).message ?? '';
		if (code.includes('avatar_not_found')) throw new NodeOperationError(this.getNode(), `Avatar Look: HeyGen has no look "${String(body.avatar_id ?? '')}"`, { itemIndex, description: 'Pick a look from the list, or check the ID with Avatar → List Looks.' });
		if (code.includes('voice_not_found')) throw new NodeOperationError(this.getNode(), `Voice: HeyGen has no voice "${String(body.voice_id ?? '')}"`, { itemIndex, description: 'Pick a voice from the list, or check the ID with Voice → List.' });
		throw asNodeError(this.getNode(), error);
	}
	return await finishVideoJob(this, itemIndex, { ...created, id: String(created.video_id) }, resume, transport);
}
