import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the account the key belongs to: user ID, plan and email',
				action: 'Get the account',
			},
		],
		default: 'get',
	},
	...get.description,
];
