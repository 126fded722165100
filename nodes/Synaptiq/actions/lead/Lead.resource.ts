import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export { create, del, get, list, search, update };

export const leadDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a lead (write scope)', action: 'Create a lead' },
			{ name: 'Delete', value: 'delete', description: 'Delete a lead (admin scope)', action: 'Delete a lead' },
			{ name: 'Get', value: 'get', description: 'Get a lead with its conversations (read scope)', action: 'Get a lead' },
			{ name: 'List', value: 'list', description: 'List leads, filtered and sorted (read scope)', action: 'List leads' },
			{ name: 'Search', value: 'search', description: 'Search leads by email, name or company (read scope)', action: 'Search leads' },
			{ name: 'Update', value: 'update', description: 'Update a lead and its status (write scope)', action: 'Update a lead' },
		],
		default: 'list',
	},
	...create.description,
	...get.description,
	...update.description,
	...del.description,
	...list.description,
	...search.description,
];
