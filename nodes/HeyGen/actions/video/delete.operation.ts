import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { heyGenRequest, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';

export const description: INodeProperties[] = [];

/** DELETE /v3/videos/{id}: irreversible. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'videoId', 'Video ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/videos/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}
