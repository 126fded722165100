import type { INodeProperties } from 'n8n-workflow';

import * as register from './register.operation';

export { register };

export const oAuthClientDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['oAuthClient'] } },
		options: [
			{
				name: 'Register',
				value: 'register',
				description: 'Get a Client ID for the HeyGen OAuth2 credential (needs no credential)',
				action: 'Register an OAuth client',
			},
		],
		default: 'register',
	},
	...register.description,
];
