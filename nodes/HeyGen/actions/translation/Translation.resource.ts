import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idField, listAll, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';
import * as create from './create.operation';

export { create };

export const translationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['videoTranslation'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Translate a video into one or more languages (one job per language)', action: 'Create a video translation' },
			{ name: 'Delete', value: 'delete', description: 'Delete a translation', action: 'Delete a video translation' },
			{ name: 'Get', value: 'get', description: 'Get a translation and its result', action: 'Get a video translation' },
			{ name: 'List', value: 'list', description: 'List translations', action: 'List video translations' },
			{ name: 'Rename', value: 'rename', description: 'Change the title', action: 'Rename a video translation' },
		],
		default: 'create',
	},
	idField('videoTranslation', ['get', 'rename', 'delete'], 'translationId', 'Translation ID'),
	{ displayName: 'Title', name: 'newTitle', type: 'string', required: true, default: '', displayOptions: { show: { resource: ['videoTranslation'], operation: ['rename'] } } },
	...returnAllAndLimit('videoTranslation', 'list', 1000, 20),
	...create.description,
];

export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/video-translations/${encodeURIComponent(requiredString(this, 'translationId', 'Translation ID', itemIndex))}`, itemIndex, transport);
}

export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/video-translations', {}, itemIndex, transport, 100);
}

export async function rename(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
	const title = requiredString(this, 'newTitle', 'Title', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'PATCH', path: `/v3/video-translations/${encodeURIComponent(id)}`, body: { title }, itemIndex }, transport)).body);
}

export async function remove(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/video-translations/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}
