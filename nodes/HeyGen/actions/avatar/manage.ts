/** Avatar operations that create, rename or delete: photo avatars, digital twins, avatars from a prompt. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scoped } from '../../../shared/operation';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, idField, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';
import { uploadAsset } from '../asset/Asset.resource';

const creates = ['createPhoto', 'createDigitalTwin', 'createFromPrompt'];
const on = (operations: string[], extra: IDataObject = {}) => ({ show: { resource: ['avatar'], operation: operations, ...extra } });

export const avatarManageDescription: INodeProperties[] = [
	{ displayName: 'Name', name: 'avatarName', type: 'string', required: true, default: '', displayOptions: on(creates) },
	{
		displayName: 'Media From',
		name: 'mediaFrom',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary' },
			{ name: 'URL', value: 'url' },
		],
		default: 'binary',
		description: 'The photo (photo avatar) or the footage (digital twin)',
		displayOptions: on(['createPhoto', 'createDigitalTwin']),
	},
	{ displayName: 'Binary Property', name: 'mediaBinaryProperty', type: 'string', default: 'data', displayOptions: on(['createPhoto', 'createDigitalTwin'], { mediaFrom: ['binary'] }) },
	{ displayName: 'Media URL', name: 'mediaUrl', type: 'string', default: '', displayOptions: on(['createPhoto', 'createDigitalTwin'], { mediaFrom: ['url'] }) },
	{ displayName: 'Prompt', name: 'avatarPrompt', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: on(['createFromPrompt']) },
	{ displayName: 'Add to Group ID', name: 'avatarGroupId', type: 'string', default: '', description: 'Add the new look to this avatar instead of making a new one', displayOptions: on(creates) },
	...scoped({ resource: ['avatar'], operation: creates }, jobWaitFields({ offDescription: 'Return the new avatar while it trains', defaultIntervalSeconds: 30, minIntervalSeconds: 1, intervalDescription: 'Training takes minutes', outputLabel: 'preview image' })),
	idField('avatar', ['renameLook', 'deleteLook'], 'manageLookId', 'Look ID'),
	{ displayName: 'New Name', name: 'newName', type: 'string', required: true, default: '', displayOptions: on(['renameLook']) },
	idField('avatar', ['deleteGroup'], 'manageGroupId', 'Group ID'),
];

/** POST /v3/avatars (Idempotency-Key); training is async: Poll waits for the look to be `completed` (a digital twin stops at `pending_consent`). */
export async function createAvatar(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const type = operation === 'createPhoto' ? 'photo' : operation === 'createDigitalTwin' ? 'digital_twin' : 'prompt';
	const body: IDataObject = { type, name: requiredString(this, 'avatarName', 'Name', itemIndex) };
	const groupId = String(this.getNodeParameter('avatarGroupId', itemIndex, '') ?? '').trim();
	if (groupId) body.avatar_group_id = groupId;
	if (type === 'prompt') body.prompt = requiredString(this, 'avatarPrompt', 'Prompt', itemIndex);
	else if (this.getNodeParameter('mediaFrom', itemIndex, 'binary') === 'url') {
		const url = requiredString(this, 'mediaUrl', 'Media URL', itemIndex);
		if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), 'Media URL must be a public http(s) URL', { itemIndex });
		body.file = { type: 'url', url };
	} else {
		const property = requiredString(this, 'mediaBinaryProperty', 'Binary Property', itemIndex);
		body.file = { type: 'asset_id', asset_id: (await uploadAsset(this, itemIndex, property, transport)).asset_id };
	}
	const created = unwrapData<{ avatar_group: IDataObject; avatar_item: IDataObject }>(
		(await heyGenRequest(this, { method: 'POST', path: '/v3/avatars', body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'avatar'), itemIndex }, transport)).body,
	);
	const lookId = String(created.avatar_item.id);
	return await waitForJob(this, itemIndex, { ...created.avatar_item, avatar_group: created.avatar_group }, {
		serviceName: 'HeyGen',
		jobLabel: `HeyGen avatar look ${lookId}`,
		getLaterHint: 'Avatar → Get Look',
		fetch: async () => await heyGenGet(this, `/v3/avatars/looks/${lookId}`, itemIndex, transport),
		statusOf: (look) => look.status as string | undefined,
		terminal: ['completed', 'failed', 'pending_consent'],
		succeeded: (look) => look.status !== 'failed',
		failure: (look) => new NodeOperationError(this.getNode(), `HeyGen avatar look ${lookId} failed: ${String((look.error as IDataObject | null)?.message ?? 'no reason given')}`, { itemIndex }),
		outputUrl: (look) => (typeof look.preview_image_url === 'string' ? look.preview_image_url : undefined),
		fileName: () => `${lookId}.png`,
	});
}

export async function renameLook(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'manageLookId', 'Look ID', itemIndex);
	const name = requiredString(this, 'newName', 'New Name', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'PATCH', path: `/v3/avatars/looks/${encodeURIComponent(id)}`, body: { name }, itemIndex }, transport)).body);
}

export async function deleteLook(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'manageLookId', 'Look ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/avatars/looks/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}

export async function deleteGroup(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'manageGroupId', 'Group ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/avatars/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}
