import type { INodeProperties } from 'n8n-workflow';

import * as getOverview from './getOverview.operation';

export { getOverview };

export const analyticsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [{ name: 'Get Overview', value: 'getOverview', description: 'Conversations, leads, conversion and a time series (read scope)', action: 'Get the analytics overview' }],
		default: 'getOverview',
	},
	...getOverview.description,
];
