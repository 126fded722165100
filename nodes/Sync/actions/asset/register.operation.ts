import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';

const show = { resource: ['asset'], operation: ['register'] };

export const description: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'assetUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/clip.mp4',
		description: 'A public URL of the media',
		displayOptions: { show },
	},
	{
		displayName: 'Asset Name',
		name: 'assetName',
		type: 'string',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '',
		displayOptions: { show },
	},
];

/** POST /v2/assets {url, name?, projectId?}. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const url = requireText(this, 'assetUrl', 'URL', itemIndex);
	if (!/^https?:\/\//i.test(url)) throw new NodeOperationError(this.getNode(), `URL must start with https:// (got "${url}")`, { itemIndex });
	const name = (this.getNodeParameter('assetName', itemIndex, '') as string).trim();
	const projectId = (this.getNodeParameter('projectId', itemIndex, '') as string).trim();
	const body: IDataObject = { url, ...(name ? { name } : {}), ...(projectId ? { projectId } : {}) };
	return (await syncRequest(this, { method: 'POST', path: '/v2/assets', body, itemIndex }, transport)).body;
}
