import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requiredString, socialRequest } from '../../helpers';
import { platformField, redirectUrlField } from './fields';

export const description: INodeProperties[] = [platformField(['getConnectUrl', 'completeConnection']), redirectUrlField(['getConnectUrl', 'completeConnection'])];

/**
 * GET /v1/connect/{platform}?redirect_url= → {authUrl, state}: step 1 of connecting an account.
 * Check the `state` that comes back to the redirect URL against this one before completing.
 * (The SocialSyncer Trigger runs the whole flow, state and browser binding included.)
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const platform = requiredString(this, 'platform', 'Platform', itemIndex);
	const redirectUrl = requiredString(this, 'redirectUrl', 'Redirect URL', itemIndex);
	const response = await socialRequest(this, { method: 'GET', path: `/v1/connect/${platform}`, qs: { redirect_url: redirectUrl }, itemIndex }, transport);
	return { platform, redirectUrl, ...response.body };
}
