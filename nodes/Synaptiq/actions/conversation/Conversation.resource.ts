import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMessages from './getMessages.operation';
import * as list from './list.operation';

export { get, getMessages, list };

export const conversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a conversation (read scope)', action: 'Get a conversation' },
			{ name: 'Get Messages', value: 'getMessages', description: 'Get the message history, oldest first (read scope)', action: 'Get the messages of a conversation' },
			{ name: 'List', value: 'list', description: 'List conversations (read scope)', action: 'List conversations' },
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	...getMessages.description,
];
