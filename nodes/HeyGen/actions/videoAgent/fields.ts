/** Video Agent fields shared by its operations (docs/api/heygen.md §11). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jobWaitFields } from '../../../shared/jobWait';
import { resourceLocator } from '../../../shared/locator';
import { fieldError, requiredString } from '../../../shared/parameters';
import { assertUploadable } from '../../assets';
import { lookLocator, voiceLocator } from '../../methods/locators';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'sess_…',
	description: 'The session_id a Video Agent → Create answered',
};

export const sessionId = (ctx: IExecuteFunctions, itemIndex: number) =>
	encodeURIComponent(requiredString(ctx, 'sessionId', 'Session ID', itemIndex));

export const agentLookField = (description: string): INodeProperties =>
	lookLocator({ name: 'avatarId', required: false, description });

export const agentVoiceField = (description: string): INodeProperties =>
	voiceLocator({ required: false, description });

export const styleLocator = (): INodeProperties =>
	resourceLocator({
		name: 'styleId',
		displayName: 'Style',
		searchMethod: 'searchVideoAgentStyles',
		idPlaceholder: 'style_…',
		required: false,
		description:
			'A curated visual style; empty lets the agent choose. A style made for one aspect ratio looks best with the matching Orientation.',
	});

/** §11.2 `files`: up to 20 AssetInputs. */
export const filesField: INodeProperties = {
	displayName: 'Files',
	name: 'files',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add file',
	default: {},
	description:
		'Up to 20 reference files for the agent: PNG/JPEG images, MP4/WebM videos, MP3/WAV audio or PDF (web pages are refused)',
	options: [
		{
			displayName: 'File',
			name: 'file',
			values: [
				{
					displayName: 'Source',
					name: 'source',
					type: 'options',
					options: [
						{
							name: 'Asset ID',
							value: 'assetId',
							description: 'A file uploaded with Asset → Upload (safest)',
						},
						{
							name: 'URL',
							value: 'url',
							description: 'A public link with the right file extension',
						},
						{
							name: 'Binary Data',
							value: 'binary',
							description: "The input item's binary data, sent inline (small files)",
						},
					],
					default: 'assetId',
				},
				{
					displayName: 'Asset ID',
					name: 'assetId',
					type: 'string',
					default: '',
					displayOptions: { show: { source: ['assetId'] } },
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/brief.pdf',
					displayOptions: { show: { source: ['url'] } },
				},
				{
					displayName: 'Input Binary Field',
					name: 'binaryProperty',
					type: 'string',
					default: 'data',
					displayOptions: { show: { source: ['binary'] } },
				},
			],
		},
	],
};

const AGENT_FILE_TYPES = [
	'image/png',
	'image/jpeg',
	'video/mp4',
	'video/webm',
	'audio/mpeg',
	'audio/wav',
	'application/pdf',
];

/** The `files` AssetInputs, checked before any request (≤20, URLs http(s) and not web pages, binary types sniffed). */
export async function buildFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[] | undefined> {
	const rows =
		((ctx.getNodeParameter('files', itemIndex, {}) as IDataObject).file as
			IDataObject[] | undefined) ?? [];
	if (!rows.length) return undefined;
	if (rows.length > 20)
		throw fieldError(ctx, `Files: HeyGen takes at most 20 files (got ${rows.length})`, itemIndex);
	const files: IDataObject[] = [];
	for (const [index, row] of rows.entries()) {
		const label = `Files → File ${index + 1}`;
		if (row.source === 'url') {
			const url = String(row.url ?? '').trim();
			if (!/^https?:\/\/[^\s/]+/.test(url))
				throw fieldError(ctx, `${label}: URL must be an http(s) URL (got "${url}")`, itemIndex);
			if (/\.html?(\?|#|$)/i.test(new URL(url).pathname))
				throw fieldError(
					ctx,
					`${label}: HeyGen refuses web pages as files`,
					itemIndex,
					'Link the image, video, audio or PDF itself.',
				);
			files.push({ type: 'url', url });
		} else if (row.source === 'binary') {
			const property = String(row.binaryProperty ?? 'data').trim() || 'data';
			const { mimeType } = await assertUploadable(ctx, itemIndex, property, label);
			if (!AGENT_FILE_TYPES.includes(mimeType))
				throw fieldError(
					ctx,
					`${label}: the Video Agent does not take ${mimeType} files`,
					itemIndex,
				);
			const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
			files.push({ type: 'base64', media_type: mimeType, data: buffer.toString('base64') });
		} else {
			const assetId = String(row.assetId ?? '').trim();
			if (!assetId) throw fieldError(ctx, `${label}: Asset ID is required`, itemIndex);
			files.push({ type: 'asset_id', asset_id: assetId });
		}
	}
	return files;
}

/**
 * §11.3 timing: renders take 20–45 minutes; first check after about 5 minutes, then every 60 s;
 * give up after 45 minutes (the CLI's 20 is too short).
 */
export function agentWaitFields(webhookResume: boolean): INodeProperties[] {
	const fields = jobWaitFields({
		offDescription: 'Return the session at once (it keeps working; read it with Get Session)',
		defaultIntervalSeconds: 60,
		minIntervalSeconds: 5,
		intervalDescription:
			'How often to check the session, then its video (HeyGen suggests every 60 s; every check is a request)',
		outputLabel: 'video',
		webhookResume: webhookResume ? 'HeyGen' : undefined,
	}).map((field) =>
		field.name === 'waitTimeout'
			? {
					...field,
					default: 45,
					description:
						'Give up waiting after this long (Video Agent videos take 20–45 minutes); the session keeps running at HeyGen',
				}
			: field,
	);
	const pollIndex = fields.findIndex((field) => field.name === 'pollInterval');
	fields.splice(pollIndex, 0, {
		displayName: 'First Check After (Seconds)',
		name: 'firstCheckAfter',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 300,
		description:
			'Wait this long before the first check: the agent spends minutes writing and composing',
		displayOptions: { show: { waitForCompletion: ['poll'] } },
	});
	return fields;
}
