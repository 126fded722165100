/**
 * Post → Create's request, read from its fields and checked against the platform rules before
 * anything is uploaded or posted. Binary media are only named here; create uploads them.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { commaList, fieldError, jsonObjectParameter } from '../../../shared/parameters';
import { PLATFORM_RULES, splitAccount } from '../../helpers';

export interface PostRequest {
	/** The body without media and targets (they follow, in this order, once binaries are uploaded). */
	body: IDataObject;
	urlMedia: IDataObject[];
	binaryProperties: string[];
	targets: IDataObject[];
}

const TIKTOK_OPTIONS: Array<[string, string]> = [
	['privacyLevel', 'privacy_level'],
	['allowComment', 'allow_comment'],
	['allowDuet', 'allow_duet'],
	['allowStitch', 'allow_stitch'],
	['contentPreviewConfirmed', 'content_preview_confirmed'],
	['expressConsentGiven', 'express_consent_given'],
];

export function buildPostRequest(ctx: IExecuteFunctions, itemIndex: number): PostRequest {
	const fail = (message: string, description?: string) =>
		fieldError(ctx, message, itemIndex, description);
	const mode = ctx.getNodeParameter('publishMode', itemIndex, 'now') as string;
	const content = String(ctx.getNodeParameter('content', itemIndex, '') ?? '');
	const options = ctx.getNodeParameter('postOptions', itemIndex, {}) as IDataObject;
	const accounts = (ctx.getNodeParameter('accounts', itemIndex, []) as string[]).map((value) =>
		splitAccount(ctx, value, itemIndex),
	);
	if (mode !== 'draft' && accounts.length === 0)
		throw fail('Accounts: choose at least one account (only drafts may have none)');
	const overrides =
		((ctx.getNodeParameter('overrides', itemIndex, {}) as IDataObject).override as
			IDataObject[] | undefined) ?? [];

	const body: IDataObject = {};
	if (content) body.content = content;
	if (mode === 'now') body.publishNow = true;
	if (mode === 'draft') body.isDraft = true;
	if (mode === 'schedule') {
		const when = String(ctx.getNodeParameter('scheduledFor', itemIndex, '') ?? '');
		if (!when || Number.isNaN(Date.parse(when)))
			throw fail('Scheduled For is required and must be a date');
		if (Date.parse(when) <= Date.now())
			throw fail(`Scheduled For must be in the future (got ${when})`);
		body.scheduledFor = new Date(when).toISOString();
		body.timezone = String(ctx.getNodeParameter('timezone', itemIndex, 'UTC') || 'UTC');
	}
	if (options.tags) body.tags = commaList(options.tags);

	const tiktok: IDataObject = {};
	for (const [option, key] of TIKTOK_OPTIONS) {
		if (options[option] !== undefined) tiktok[key] = options[option];
	}
	if (Object.keys(tiktok).length) body.tiktokSettings = tiktok;
	const facebook = jsonObjectParameter(
		ctx,
		options.facebookSettings,
		'Facebook Settings (JSON)',
		itemIndex,
	);
	if (Object.keys(facebook).length) body.facebookSettings = facebook;

	const targets: IDataObject[] = accounts.map(({ platform, accountId }) => {
		const override = overrides.find(
			(candidate) => candidate.account === `${platform}:${accountId}`,
		);
		const platformSpecificData = override
			? jsonObjectParameter(
					ctx,
					override.platformSpecificData,
					'Platform Settings (JSON)',
					itemIndex,
				)
			: {};
		return {
			platform,
			accountId,
			...(override?.customContent ? { customContent: override.customContent } : {}),
			...(Object.keys(platformSpecificData).length ? { platformSpecificData } : {}),
		};
	});

	const mediaSource = ctx.getNodeParameter('mediaSource', itemIndex, 'none') as string;
	const urlMedia =
		mediaSource === 'urls'
			? (((ctx.getNodeParameter('mediaUrls', itemIndex, {}) as IDataObject).media as
					IDataObject[] | undefined) ?? [])
			: [];
	const binaryProperties =
		mediaSource === 'binary'
			? commaList(ctx.getNodeParameter('mediaBinaryProperties', itemIndex, ''))
			: [];
	const mimeTypes = binaryProperties.map((property) => {
		try {
			return ctx.helpers.assertBinaryData(itemIndex, property).mimeType;
		} catch {
			throw fail(`Binary Properties: the item has no binary data "${property}"`);
		}
	});
	const mediaCount = urlMedia.length + binaryProperties.length;
	const imageCount =
		urlMedia.filter((media) => media.type === 'image').length +
		mimeTypes.filter((mimeType) => mimeType.startsWith('image/')).length;
	for (const target of targets) {
		const rule = PLATFORM_RULES[String(target.platform)];
		const text = String(target.customContent ?? content);
		if (text.length > rule.text)
			throw fail(
				`${rule.label} allows at most ${rule.text} characters; the text has ${text.length}`,
			);
		if (mode !== 'draft' && rule.mediaRequired && mediaCount === 0)
			throw fail(`${rule.label} posts need an image or video: add media`);
		if (imageCount > rule.maxImages)
			throw fail(
				`${rule.label} allows at most ${rule.maxImages} images; the post has ${imageCount}`,
			);
		if (target.platform === 'tiktok') {
			const settings = { ...tiktok, ...(target.platformSpecificData as IDataObject | undefined) };
			if (settings.content_preview_confirmed !== true || settings.express_consent_given !== true) {
				throw fail(
					'TikTok needs "Content Preview Confirmed" and "Express Consent Given" (Post Options)',
					'TikTok requires the creator to confirm the preview and consent to each post.',
				);
			}
		}
	}
	if (
		mode !== 'draft' &&
		!content &&
		mediaCount === 0 &&
		!targets.every((target) => target.customContent)
	)
		throw fail('Content is required unless media is attached or every account has custom content');
	return {
		body,
		urlMedia: urlMedia.map((media) => ({ type: media.type, url: media.url })),
		binaryProperties,
		targets,
	};
}
