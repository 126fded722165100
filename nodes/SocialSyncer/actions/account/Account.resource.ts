import type { INodeProperties } from 'n8n-workflow';

import * as list from './list.operation';

export { list };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				description: 'List the connected social accounts',
				action: 'List connected accounts',
			},
		],
		default: 'list',
	},
	...list.description,
];
