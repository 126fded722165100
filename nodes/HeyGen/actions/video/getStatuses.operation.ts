import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, requiredString } from '../../helpers';

export const description: INodeProperties[] = [
	{
		displayName: 'Video IDs',
		name: 'videoIds',
		type: 'string',
		required: true,
		default: '',
		description: 'Comma-separated, up to 100',
		displayOptions: { show: { resource: ['video'], operation: ['getStatuses'] } },
	},
];

/** GET /v3/videos/statuses?video_ids= (≤ 100): one item per video. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const ids = requiredString(this, 'videoIds', 'Video IDs', itemIndex).split(',').map((id) => id.trim()).filter(Boolean);
	if (ids.length > 100) throw new NodeOperationError(this.getNode(), `Video IDs: at most 100 at a time (got ${ids.length})`, { itemIndex });
	return await heyGenGet<IDataObject[]>(this, '/v3/videos/statuses', itemIndex, transport, { video_ids: ids.join(',') });
}
