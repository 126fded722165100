import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, idField, listAll, requiredString } from '../../helpers';
import * as generate from './generate.operation';

export { generate };

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Generate', value: 'generate', description: 'Make a video from a template, its variables filled from the item', action: 'Generate a video from a template' },
			{ name: 'Get', value: 'get', description: 'Get a template with its scenes and variables', action: 'Get a template' },
			{ name: 'List', value: 'list', description: 'List templates that have variables', action: 'List templates' },
		],
		default: 'generate',
	},
	idField('template', ['get', 'generate'], 'templateId', 'Template ID'),
	...returnAllAndLimit('template', 'list', 1000, 20),
	...generate.description,
];

export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/templates', {}, itemIndex, transport, 100);
}

export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/templates/${encodeURIComponent(requiredString(this, 'templateId', 'Template ID', itemIndex))}`, itemIndex, transport);
}
