import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';

const show = { resource: ['account'], operation: ['completeConnection'] };

export const description: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', typeOptions: { password: true }, required: true, default: '', description: 'The `code` query parameter the platform sent to the redirect URL (works once, for 10 minutes)', displayOptions: { show } },
	{ displayName: 'State', name: 'state', type: 'string', default: '', description: 'The `state` query parameter, passed on to SocialSyncer', displayOptions: { show } },
];

/** POST /v1/connect/{platform} {code, redirect_url, state?} → {platform, username, accountId}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const platform = requiredString(this, 'platform', 'Platform', itemIndex);
	const redirectUrl = requiredString(this, 'redirectUrl', 'Redirect URL', itemIndex);
	const code = requiredString(this, 'code', 'Code', itemIndex);
	const state = String(this.getNodeParameter('state', itemIndex, '') ?? '').trim();
	const body = { code, redirect_url: redirectUrl, ...(state ? { state } : {}) };
	return (await socialRequest(this, { method: 'POST', path: `/v1/connect/${platform}`, body, itemIndex }, transport)).body;
}
