import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, idField, listAll, requiredString } from '../../helpers';
import { voiceMoreDescription } from './more';

export const voiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [
			{ name: 'Clone', value: 'clone', description: 'Clone a voice from an audio sample', action: 'Clone a voice' },
			{ name: 'Delete', value: 'delete', description: 'Delete one of your cloned voices', action: 'Delete a voice' },
			{ name: 'Design', value: 'design', description: 'Find up to three voices that match a description', action: 'Design a voice' },
			{ name: 'Generate Speech', value: 'generateSpeech', description: 'Text to speech, as audio in the item', action: 'Generate speech' },
			{ name: 'Get', value: 'get', description: 'Get a voice (and a clone\'s status)', action: 'Get a voice' },
			{ name: 'List', value: 'list', description: 'List voices', action: 'List voices' },
		],
		default: 'list',
	},
	idField('voice', ['get', 'delete'], 'voiceId', 'Voice ID'),
	...returnAllAndLimit('voice', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'voiceFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['voice'], operation: ['list'] } },
		options: [
			{ displayName: 'Engine', name: 'engine', type: 'string', default: 'starfish', description: 'E.g. starfish (needed for Generate Speech)' },
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
				],
				default: 'female',
			},
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'English' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Public', value: 'public' },
					{ name: 'Private (Your Clones)', value: 'private' },
				],
				default: 'public',
			},
		],
	},
	...voiceMoreDescription,
];

/** GET /v3/voices (20 a page, at most 100). */
export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/voices', this.getNodeParameter('voiceFilters', itemIndex, {}) as IDataObject, itemIndex, transport, 100);
}

export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/voices/${encodeURIComponent(requiredString(this, 'voiceId', 'Voice ID', itemIndex))}`, itemIndex, transport);
}
