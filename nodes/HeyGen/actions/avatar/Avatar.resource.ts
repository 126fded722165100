import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, idField, listAll, requiredString } from '../../helpers';
import { avatarManageDescription } from './manage';

const ownership: INodeProperties = {
	displayName: 'Ownership',
	name: 'ownership',
	type: 'options',
	options: [
		{ name: 'All', value: '' },
		{ name: 'Public (HeyGen Library)', value: 'public' },
		{ name: 'Private (Yours)', value: 'private' },
	],
	default: '',
};

export const avatarDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['avatar'] } },
		options: [
			{ name: 'Create Digital Twin', value: 'createDigitalTwin', description: 'Train an avatar from footage of a person (consent needed)', action: 'Create a digital twin' },
			{ name: 'Create From Prompt', value: 'createFromPrompt', description: 'Generate an avatar from a description', action: 'Create an avatar from a prompt' },
			{ name: 'Create Photo Avatar', value: 'createPhoto', description: 'Make an avatar from one photo', action: 'Create a photo avatar' },
			{ name: 'Delete Group', value: 'deleteGroup', description: 'Delete one of your avatars with all its looks', action: 'Delete an avatar group' },
			{ name: 'Delete Look', value: 'deleteLook', description: 'Delete one of your looks', action: 'Delete an avatar look' },
			{ name: 'Get Group', value: 'getGroup', description: 'Get an avatar (a character with its looks)', action: 'Get an avatar group' },
			{ name: 'Get Look', value: 'getLook', description: 'Get one look (its ID is the avatar_id of a video)', action: 'Get an avatar look' },
			{ name: 'List Groups', value: 'listGroups', description: 'List avatars (characters)', action: 'List avatar groups' },
			{ name: 'List Looks', value: 'listLooks', description: 'List looks (outfits and poses) to make videos with', action: 'List avatar looks' },
			{ name: 'Rename Look', value: 'renameLook', description: 'Rename a photo avatar or digital twin look', action: 'Rename an avatar look' },
		],
		default: 'listLooks',
	},
	idField('avatar', ['getGroup'], 'groupId', 'Group ID'),
	idField('avatar', ['getLook'], 'lookId', 'Look ID'),
	...returnAllAndLimit('avatar', 'listGroups', 1000, 20),
	...returnAllAndLimit('avatar', 'listLooks', 1000, 20),
	{
		displayName: 'Filters',
		name: 'avatarFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['avatar'], operation: ['listGroups', 'listLooks'] } },
		options: [
			{
				displayName: 'Avatar Type',
				name: 'avatar_type',
				type: 'options',
				options: [
					{ name: 'Digital Twin', value: 'digital_twin' },
					{ name: 'Photo Avatar', value: 'photo_avatar' },
					{ name: 'Studio Avatar', value: 'studio_avatar' },
				],
				default: 'studio_avatar',
				description: 'Looks only',
			},
			{ displayName: 'Group ID', name: 'group_id', type: 'string', default: '', description: 'Looks of one avatar only' },
			ownership,
		],
	},
	...avatarManageDescription,
];

function filters(ctx: IExecuteFunctions, itemIndex: number, allowed: string[]): IDataObject {
	const raw = ctx.getNodeParameter('avatarFilters', itemIndex, {}) as IDataObject;
	return Object.fromEntries(Object.entries(raw).filter(([key, value]) => allowed.includes(key) && value !== ''));
}

/** GET /v3/avatars (groups: 20 a page, at most 50). */
export async function listGroups(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/avatars', filters(this, itemIndex, ['ownership']), itemIndex, transport, 50);
}

/** GET /v3/avatars/looks (50 a page at most; small pages keep it responsive). */
export async function listLooks(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/avatars/looks', filters(this, itemIndex, ['ownership', 'avatar_type', 'group_id']), itemIndex, transport, 50);
}

export async function getGroup(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/avatars/${encodeURIComponent(requiredString(this, 'groupId', 'Group ID', itemIndex))}`, itemIndex, transport);
}

export async function getLook(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/avatars/looks/${encodeURIComponent(requiredString(this, 'lookId', 'Look ID', itemIndex))}`, itemIndex, transport);
}
