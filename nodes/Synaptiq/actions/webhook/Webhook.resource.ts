import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as list from './list.operation';

export { create, del, list };

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Subscribe a URL to events (admin scope)', action: 'Create a webhook' },
			{ name: 'Delete', value: 'delete', description: 'Unsubscribe a webhook (admin scope)', action: 'Delete a webhook' },
			{ name: 'List', value: 'list', description: 'List webhook subscriptions (admin scope)', action: 'List webhooks' },
		],
		default: 'create',
	},
	...create.description,
	...list.description,
	...del.description,
];
