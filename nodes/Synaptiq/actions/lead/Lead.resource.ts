import type { INodeProperties } from 'n8n-workflow';

import * as list from './list.operation';

export { list };

export const leadDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				description: 'List leads, filtered and sorted',
				action: 'List leads',
			},
		],
		default: 'list',
	},
	...list.description,
];
