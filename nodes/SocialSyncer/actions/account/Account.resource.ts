import type { INodeProperties } from 'n8n-workflow';

import * as completeConnection from './completeConnection.operation';
import * as disconnect from './disconnect.operation';
import * as getConnectUrl from './getConnectUrl.operation';
import * as getHealth from './getHealth.operation';
import * as list from './list.operation';

export { completeConnection, disconnect, getConnectUrl, getHealth, list };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Complete Connection', value: 'completeConnection', description: 'Exchange the code from the redirect for the connected account (step 2)', action: 'Complete an account connection' },
			{ name: 'Disconnect', value: 'disconnect', description: 'Disconnect an account', action: 'Disconnect an account' },
			{ name: 'Get Connect URL', value: 'getConnectUrl', description: 'Get the link a user opens to connect an account (step 1)', action: 'Get a connect URL' },
			{ name: 'Get Health', value: 'getHealth', description: 'Token validity and permissions of connected accounts', action: 'Get account health' },
			{ name: 'List', value: 'list', description: 'List the connected social accounts', action: 'List connected accounts' },
		],
		default: 'list',
	},
	...list.description,
	...getHealth.description,
	...disconnect.description,
	...getConnectUrl.description,
	...completeConnection.description,
];
