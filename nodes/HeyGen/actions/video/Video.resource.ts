import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getStatuses from './getStatuses.operation';
import * as list from './list.operation';

export { create, del, get, getStatuses, list };

export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Make an avatar, image or multi-scene video (spends credits)', action: 'Create a video' },
			{ name: 'Delete', value: 'delete', description: 'Delete a video (irreversible)', action: 'Delete a video' },
			{ name: 'Get', value: 'get', description: 'Get a video with fresh download links', action: 'Get a video' },
			{ name: 'Get Statuses', value: 'getStatuses', description: 'Statuses of up to 100 videos at once', action: 'Get video statuses' },
			{ name: 'List', value: 'list', description: 'List videos', action: 'List videos' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...list.description,
	...del.description,
	...getStatuses.description,
];
