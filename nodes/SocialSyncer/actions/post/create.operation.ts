import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { parseJsonObject, PLATFORM_RULES, socialRequest, splitAccount } from '../../helpers';
import { uploadMedia } from '../media/upload.operation';
import { reportPost, waitForPost } from './result';

const show = { resource: ['post'], operation: ['create'] };

export const waitFields = (operations: string[]): INodeProperties[] => [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until a publishing post is published, partly published or failed',
		displayOptions: { show: { resource: ['post'], operation: operations } },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		displayOptions: { show: { resource: ['post'], operation: operations, waitForResult: [true] } },
	},
];

export const description: INodeProperties[] = [
	{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'The caption; optional with media or per-account content', displayOptions: { show } },
	{
		displayName: 'Account Names or IDs',
		name: 'accounts',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAccounts' },
		default: [],
		description: 'Connected accounts to post to (not needed for a draft). Choose from the list, or specify IDs as platform:accountId using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Publish',
		name: 'publishMode',
		type: 'options',
		options: [
			{ name: 'Now', value: 'now' },
			{ name: 'At a Time', value: 'schedule' },
			{ name: 'Save as Draft', value: 'draft' },
		],
		default: 'now',
		displayOptions: { show },
	},
	{ displayName: 'Scheduled For', name: 'scheduledFor', type: 'dateTime', default: '', displayOptions: { show: { ...show, publishMode: ['schedule'] } } },
	{ displayName: 'Timezone', name: 'timezone', type: 'string', default: 'UTC', placeholder: 'Europe/Berlin', description: 'IANA name; how a time without offset is read', displayOptions: { show: { ...show, publishMode: ['schedule'] } } },
	{
		displayName: 'Media',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'From URLs', value: 'urls' },
			{ name: 'From Binary Files', value: 'binary', description: "Uploaded from the item's binary data first" },
		],
		default: 'none',
		displayOptions: { show },
	},
	{
		displayName: 'Media URLs',
		name: 'mediaUrls',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add media',
		default: {},
		displayOptions: { show: { ...show, mediaSource: ['urls'] } },
		options: [
			{
				displayName: 'Media',
				name: 'media',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'GIF', value: 'gif' },
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
						],
						default: 'image',
					},
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Binary Properties',
		name: 'mediaBinaryProperties',
		type: 'string',
		default: 'data',
		description: 'Comma-separated names of the binary properties to attach, in order',
		displayOptions: { show: { ...show, mediaSource: ['binary'] } },
	},
	{
		displayName: 'Per-Account Overrides',
		name: 'overrides',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add override',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Override',
				name: 'override',
				values: [
					{ displayName: 'Account Name or ID', name: 'account', type: 'options', typeOptions: { loadOptionsMethod: 'getAccounts' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
					{ displayName: 'Custom Content', name: 'customContent', type: 'string', default: '' },
					{ displayName: 'Platform Settings (JSON)', name: 'platformSpecificData', type: 'json', default: '{}', description: 'Platform-specific keys (e.g. Instagram post type); win over the settings below' },
				],
			},
		],
	},
	{
		displayName: 'Post Options',
		name: 'postOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Facebook Settings (JSON)', name: 'facebookSettings', type: 'json', default: '{}' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated' },
			{ displayName: 'TikTok: Allow Comments', name: 'allowComment', type: 'boolean', default: true },
			{ displayName: 'TikTok: Allow Duet', name: 'allowDuet', type: 'boolean', default: false },
			{ displayName: 'TikTok: Allow Stitch', name: 'allowStitch', type: 'boolean', default: false },
			{ displayName: 'TikTok: Content Preview Confirmed', name: 'contentPreviewConfirmed', type: 'boolean', default: false, description: 'Whether the creator confirmed the preview (required by TikTok)' },
			{ displayName: 'TikTok: Express Consent Given', name: 'expressConsentGiven', type: 'boolean', default: false, description: 'Whether the creator consented to posting (required by TikTok)' },
			{
				displayName: 'TikTok: Privacy Level',
				name: 'privacyLevel',
				type: 'options',
				options: [
					{ name: 'Followers', value: 'FOLLOWER_OF_CREATOR' },
					{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
					{ name: 'Only Me', value: 'SELF_ONLY' },
					{ name: 'Public', value: 'PUBLIC_TO_EVERYONE' },
				],
				default: 'PUBLIC_TO_EVERYONE',
			},
		],
	},
	...waitFields(['create']),
];

/** POST /v1/posts. Never resent after a timeout or 5xx (it would post twice); use Retry Failed Targets instead. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const fail = (message: string, description?: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description });
	const mode = this.getNodeParameter('publishMode', itemIndex, 'now') as string;
	const content = String(this.getNodeParameter('content', itemIndex, '') ?? '');
	const options = this.getNodeParameter('postOptions', itemIndex, {}) as IDataObject;
	const accounts = (this.getNodeParameter('accounts', itemIndex, []) as string[]).map((value) => splitAccount(this, value, itemIndex));
	if (mode !== 'draft' && accounts.length === 0) throw fail('Accounts: choose at least one account (only drafts may have none)');
	const overrides = ((this.getNodeParameter('overrides', itemIndex, {}) as IDataObject).override as IDataObject[] | undefined) ?? [];

	const body: IDataObject = {};
	if (content) body.content = content;
	if (mode === 'now') body.publishNow = true;
	if (mode === 'draft') body.isDraft = true;
	if (mode === 'schedule') {
		const when = String(this.getNodeParameter('scheduledFor', itemIndex, '') ?? '');
		if (!when || Number.isNaN(Date.parse(when))) throw fail('Scheduled For is required and must be a date');
		if (Date.parse(when) <= Date.now()) throw fail(`Scheduled For must be in the future (got ${when})`);
		body.scheduledFor = new Date(when).toISOString();
		body.timezone = String(this.getNodeParameter('timezone', itemIndex, 'UTC') || 'UTC');
	}
	if (options.tags) body.tags = String(options.tags).split(',').map((tag) => tag.trim()).filter(Boolean);

	const tiktok: IDataObject = {};
	for (const [option, key] of [['privacyLevel', 'privacy_level'], ['allowComment', 'allow_comment'], ['allowDuet', 'allow_duet'], ['allowStitch', 'allow_stitch'], ['contentPreviewConfirmed', 'content_preview_confirmed'], ['expressConsentGiven', 'express_consent_given']]) {
		if (options[option] !== undefined) tiktok[key] = options[option];
	}
	if (Object.keys(tiktok).length) body.tiktokSettings = tiktok;
	const facebook = parseJsonObject(this, options.facebookSettings, 'Facebook Settings (JSON)', itemIndex);
	if (Object.keys(facebook).length) body.facebookSettings = facebook;

	const targets = accounts.map(({ platform, accountId }) => {
		const override = overrides.find((candidate) => candidate.account === `${platform}:${accountId}`);
		const platformSpecificData = override ? parseJsonObject(this, override.platformSpecificData, 'Platform Settings (JSON)', itemIndex) : {};
		return {
			platform,
			accountId,
			...(override?.customContent ? { customContent: override.customContent } : {}),
			...(Object.keys(platformSpecificData).length ? { platformSpecificData } : {}),
		};
	});

	// §2.3 rules the node can check before anything is uploaded or posted.
	const mediaSource = this.getNodeParameter('mediaSource', itemIndex, 'none') as string;
	const urlMedia = mediaSource === 'urls' ? (((this.getNodeParameter('mediaUrls', itemIndex, {}) as IDataObject).media as IDataObject[] | undefined) ?? []) : [];
	const binaryProperties = mediaSource === 'binary' ? String(this.getNodeParameter('mediaBinaryProperties', itemIndex, '')).split(',').map((name) => name.trim()).filter(Boolean) : [];
	for (const property of binaryProperties) {
		try {
			this.helpers.assertBinaryData(itemIndex, property);
		} catch {
			throw fail(`Binary Properties: the item has no binary data "${property}"`);
		}
	}
	const mediaCount = urlMedia.length + binaryProperties.length;
	const imageCount = urlMedia.filter((media) => media.type === 'image').length + binaryProperties.filter((property) => this.helpers.assertBinaryData(itemIndex, property).mimeType.startsWith('image/')).length;
	for (const target of targets) {
		const rule = PLATFORM_RULES[target.platform];
		const text = String(target.customContent ?? content);
		if (text.length > rule.text) throw fail(`${rule.label} allows at most ${rule.text} characters; the text has ${text.length}`);
		if (mode !== 'draft' && rule.mediaRequired && mediaCount === 0) throw fail(`${rule.label} posts need an image or video: add media`);
		if (imageCount > rule.maxImages) throw fail(`${rule.label} allows at most ${rule.maxImages} images; the post has ${imageCount}`);
		if (target.platform === 'tiktok') {
			const settings = { ...tiktok, ...((target as IDataObject).platformSpecificData as IDataObject | undefined) };
			if (settings.content_preview_confirmed !== true || settings.express_consent_given !== true) {
				throw fail('TikTok needs "Content Preview Confirmed" and "Express Consent Given" (Post Options)', 'TikTok requires the creator to confirm the preview and consent to each post.');
			}
		}
	}
	if (mode !== 'draft' && !content && mediaCount === 0 && !targets.every((target) => target.customContent)) throw fail('Content is required unless media is attached or every account has custom content');

	const mediaItems: IDataObject[] = urlMedia.map((media) => ({ type: media.type, url: media.url }));
	for (const property of binaryProperties) {
		const uploaded = await uploadMedia(this, itemIndex, property, transport);
		const type = String(uploaded.contentType) === 'image/gif' ? 'gif' : String(uploaded.contentType).startsWith('video/') ? 'video' : 'image';
		mediaItems.push({ type, url: uploaded.publicUrl });
	}
	if (mediaItems.length) body.mediaItems = mediaItems;
	if (targets.length) body.platforms = targets;

	const created = (await socialRequest(this, { method: 'POST', path: '/v1/posts', body, itemIndex }, transport)).body;
	return reportPost(this, await waitForPost(this, created, itemIndex, transport), itemIndex);
}
