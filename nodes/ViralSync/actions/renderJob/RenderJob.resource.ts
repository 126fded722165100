import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export { cancel, create, del, get, list };

export const renderJobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['renderJob'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a queued or running job (free)', action: 'Cancel a render job' },
			{ name: 'Create', value: 'create', description: 'Render a movie into an MP4', action: 'Create a render job' },
			{ name: 'Delete', value: 'delete', description: 'Delete a finished job', action: 'Delete a render job' },
			{ name: 'Get', value: 'get', description: 'Get a job and its progress', action: 'Get a render job' },
			{ name: 'List', value: 'list', description: 'List jobs, newest first', action: 'List render jobs' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...list.description,
	...cancel.description,
	...del.description,
];
