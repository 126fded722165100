import type { INodeProperties } from 'n8n-workflow';

import * as list from './list.operation';

export { list };

export const modelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['model'] } },
		options: [
			{
				name: 'List',
				value: 'list',
				description: 'List the lip-sync models your key can use',
				action: 'List models',
			},
		],
		default: 'list',
	},
	...list.description,
];
