import type { INodeProperties } from 'n8n-workflow';

import * as getCurrent from './getCurrent.operation';

export { getCurrent };

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Get your profile and remaining credits or balance',
				action: 'Get the current user',
			},
		],
		default: 'getCurrent',
	},
	...getCurrent.description,
];
