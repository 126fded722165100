import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as retry from './retry.operation';
import * as update from './update.operation';

export { create, del, get, list, retry, update };

export const postDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['post'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Publish, schedule or draft a post to several accounts', action: 'Create a post' },
			{ name: 'Delete', value: 'delete', description: 'Delete a draft, scheduled or failed post', action: 'Delete a post' },
			{ name: 'Get', value: 'get', description: 'Get a post and each platform\'s result', action: 'Get a post' },
			{ name: 'List', value: 'list', description: 'List posts, newest first', action: 'List posts' },
			{ name: 'Retry Failed Targets', value: 'retry', description: 'Publish again only where it failed', action: 'Retry the failed targets of a post' },
			{ name: 'Update', value: 'update', description: 'Edit a draft or scheduled post, or publish it now', action: 'Update a post' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...list.description,
	...update.description,
	...del.description,
	...retry.description,
];
