/** SocialSyncer details several operations share. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldError } from '../shared/parameters';
import {
	apiRequest,
	type ApiResponse,
	type RequestOptions,
	type RequestSpec,
} from '../shared/request';
import { socialSyncerService } from './service';

export async function socialRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	spec: RequestSpec,
	requestOptions: RequestOptions,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, socialSyncerService, spec, requestOptions);
}

/** The static platform rules the node checks before sending (text limits, media required, image count). */
export const PLATFORM_RULES: Record<
	string,
	{ label: string; text: number; maxImages: number; mediaRequired: boolean }
> = {
	tiktok: { label: 'TikTok', text: 2200, maxImages: 35, mediaRequired: true },
	instagram: { label: 'Instagram', text: 2200, maxImages: 10, mediaRequired: true },
	facebook: { label: 'Facebook', text: 63206, maxImages: 10, mediaRequired: false },
	twitter: { label: 'Twitter/X', text: 280, maxImages: 4, mediaRequired: false },
	threads: { label: 'Threads', text: 500, maxImages: 10, mediaRequired: false },
};

/** Published, partial and failed end a publish; draft and scheduled wait for the user or the clock. */
export const FINAL_POST_STATUSES = ['published', 'partial', 'failed', 'draft', 'scheduled'];

export const POST_STATUSES = ['draft', 'scheduled', 'publishing', 'published', 'partial', 'failed'];

export const WEBHOOK_EVENTS = [
	'post.published',
	'post.failed',
	'post.scheduled',
	'account.connected',
	'account.disconnected',
];

/** An account choice is stored as `platform:accountId`. */
export function splitAccount(
	ctx: IExecuteFunctions,
	value: string,
	itemIndex: number,
	label = 'Accounts',
): { platform: string; accountId: string } {
	const separator = value.indexOf(':');
	const platform = value.slice(0, separator);
	const accountId = value.slice(separator + 1);
	if (separator < 1 || !accountId || !PLATFORM_RULES[platform]) {
		throw fieldError(
			ctx,
			`${label}: "${value}" is not a connected account (expected platform:accountId)`,
			itemIndex,
		);
	}
	return { platform, accountId };
}
