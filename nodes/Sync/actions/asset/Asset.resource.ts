import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as register from './register.operation';
import * as upload from './upload.operation';

export { del, get, list, register, upload };

export const assetDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete an asset', action: 'Delete an asset' },
			{ name: 'Get', value: 'get', description: 'Get an asset', action: 'Get an asset' },
			{ name: 'List', value: 'list', description: 'List assets in your library', action: 'List assets' },
			{ name: 'Register From URL', value: 'register', description: 'Add media at a public URL to your library', action: 'Register an asset from a URL' },
			{ name: 'Upload', value: 'upload', description: 'Upload a binary file (streamed, up to 5 GB)', action: 'Upload an asset' },
		],
		default: 'upload',
	},
	...upload.description,
	...register.description,
	...get.description,
	...list.description,
	...del.description,
];
