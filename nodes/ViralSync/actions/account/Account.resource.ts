import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getUsage from './getUsage.operation';

export { get, getUsage };

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
			{
				name: 'Get Usage',
				value: 'getUsage',
				description: 'Render minutes used and left this month, running jobs and the concurrency limit',
				action: 'Get render usage',
			},
		],
		default: 'get',
	},
	...get.description,
	...getUsage.description,
];
