import type { INodeProperties } from 'n8n-workflow';

import * as sendMessage from './sendMessage.operation';

export { sendMessage };

export const chatDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [{ name: 'Send Message', value: 'sendMessage', description: "Send a visitor message and get the agent's reply (write scope)", action: 'Send a chat message' }],
		default: 'sendMessage',
	},
	...sendMessage.description,
];
