import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as estimateCost from './estimateCost.operation';
import * as get from './get.operation';
import * as getDownloadUrl from './getDownloadUrl.operation';
import * as list from './list.operation';

export { create, del, estimateCost, get, getDownloadUrl, list };

export const generationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['generation'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Lip-sync a video to audio or a script', action: 'Create a generation' },
			{ name: 'Delete', value: 'delete', description: 'Delete a finished generation', action: 'Delete a generation' },
			{ name: 'Estimate Cost', value: 'estimateCost', description: 'Estimate the price before creating', action: 'Estimate the cost of a generation' },
			{ name: 'Get', value: 'get', description: 'Get a generation and its status', action: 'Get a generation' },
			{ name: 'Get Download URL', value: 'getDownloadUrl', description: 'Get a link to the output video', action: 'Get the download URL of a generation' },
			{ name: 'List', value: 'list', description: 'List generations, newest first', action: 'List generations' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...list.description,
	...del.description,
	...getDownloadUrl.description,
	...estimateCost.description,
];
