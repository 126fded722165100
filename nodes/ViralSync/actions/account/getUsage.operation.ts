import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { viralSyncRequest } from '../../helpers';

export const description: INodeProperties[] = [];

/** GET /v1/usage: render minutes used and left, running jobs, concurrency limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return (await viralSyncRequest(this, { method: 'GET', path: '/v1/usage', itemIndex }, transport)).body;
}
