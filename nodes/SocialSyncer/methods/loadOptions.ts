/** The multi-select of connected accounts (Post → Create's Accounts and its per-account overrides). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../shared/request';
import { PLATFORM_RULES } from '../helpers';
import { socialSyncerService } from '../service';

/** Connected accounts, as `platform:accountId` values, for the post target dropdowns. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await apiRequest<{
		accounts?: Array<{ platform: string; accountId: string; username: string }>;
	}>(this, socialSyncerService, {
		method: 'GET',
		path: '/v1/accounts',
	});
	return (response.body?.accounts ?? []).map((account) => ({
		name: `${PLATFORM_RULES[account.platform]?.label ?? account.platform}: @${account.username}`,
		value: `${account.platform}:${account.accountId}`,
	}));
}
