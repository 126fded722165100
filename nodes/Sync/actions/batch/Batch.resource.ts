import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as list from './list.operation';

export { create, get, list };

export const batchDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create one batch of 20–500 generations (Scale plan or higher)', action: 'Create a batch' },
			{ name: 'Get', value: 'get', description: 'Get a batch and its metrics', action: 'Get a batch' },
			{ name: 'List', value: 'list', description: 'List batches, newest first', action: 'List batches' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...list.description,
];
