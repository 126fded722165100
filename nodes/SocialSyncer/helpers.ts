/** SocialSyncer details several operations share. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest, type ApiResponse, type RequestSpec, type TransportOptions } from '../shared/transport';
import { socialSyncerService } from './transport';

export async function socialRequest<T = IDataObject>(ctx: IExecuteFunctions, spec: RequestSpec, transport: TransportOptions): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, socialSyncerService, spec, transport);
}

export function requiredString(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

export function parseJsonObject(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject {
	if (value === undefined || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {}
	throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, { itemIndex });
}

/** §2.3 static rules the node checks before sending (text limits, media required, image count). */
export const PLATFORM_RULES: Record<string, { label: string; text: number; maxImages: number; mediaRequired: boolean }> = {
	tiktok: { label: 'TikTok', text: 2200, maxImages: 35, mediaRequired: true },
	instagram: { label: 'Instagram', text: 2200, maxImages: 10, mediaRequired: true },
	facebook: { label: 'Facebook', text: 63206, maxImages: 10, mediaRequired: false },
	twitter: { label: 'Twitter/X', text: 280, maxImages: 4, mediaRequired: false },
	threads: { label: 'Threads', text: 500, maxImages: 10, mediaRequired: false },
};

/** §3: published, partial and failed end a publish; draft and scheduled wait for the user or the clock. */
export const FINAL_POST_STATUSES = ['published', 'partial', 'failed', 'draft', 'scheduled'];

/** An account choice is stored as `platform:accountId`. */
export function splitAccount(ctx: IExecuteFunctions, value: string, itemIndex: number): { platform: string; accountId: string } {
	const separator = value.indexOf(':');
	const platform = value.slice(0, separator);
	const accountId = value.slice(separator + 1);
	if (separator < 1 || !accountId || !PLATFORM_RULES[platform]) {
		throw new NodeOperationError(ctx.getNode(), `Accounts: "${value}" is not a connected account (expected platform:accountId)`, { itemIndex });
	}
	return { platform, accountId };
}
