import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, idField, requiredString } from '../../helpers';

export const description: INodeProperties[] = [
	idField('video', ['get', 'delete'], 'videoId', 'Video ID'),
	{
		displayName: 'Download Video',
		name: 'downloadVideo',
		type: 'boolean',
		default: false,
		description: 'Whether to put the finished video into the item as binary data (links are fetched fresh, so the 7-day expiry does not matter)',
		displayOptions: { show: { resource: ['video'], operation: ['get'] } },
	},
	{
		displayName: 'Output Binary Property',
		name: 'outputBinaryProperty',
		type: 'string',
		default: 'data',
		displayOptions: { show: { resource: ['video'], operation: ['get'], downloadVideo: [true] } },
	},
];

/** GET /v3/videos/{id}: status and fresh presigned links (they expire after 7 days; a new GET renews them). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const id = requiredString(this, 'videoId', 'Video ID', itemIndex);
	const video = await heyGenGet<IDataObject>(this, `/v3/videos/${encodeURIComponent(id)}`, itemIndex, transport);
	if (!this.getNodeParameter('downloadVideo', itemIndex, false)) return { json: video };
	if (video.status !== 'completed' || typeof video.video_url !== 'string') {
		throw new NodeOperationError(this.getNode(), `HeyGen video ${id} is ${String(video.status)}: there is nothing to download yet`, { itemIndex });
	}
	const property = this.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
	return { json: video, binary: { [property]: await downloadToBinary(this, video.video_url, { fileName: `${id}.mp4`, itemIndex, serviceName: 'HeyGen' }) } };
}
