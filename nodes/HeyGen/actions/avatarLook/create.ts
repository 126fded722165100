/**
 * What Create Photo Avatar, Create Digital Twin and Create From Prompt share: POST /v3/avatars
 * (Idempotency-Key) with the type's input; training is async, so Poll waits for the look to be
 * `completed` (a digital twin stops at `pending_consent`: a person must consent first).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { checkUrl, requiredString, stringParameter } from '../../../shared/parameters';
import type { RequestOptions } from '../../../shared/request';
import { uploadAsset } from '../../assets';
import { heyGenGet, heyGenRequest } from '../../helpers';
import { groupLocator } from '../../methods/locators';
import { unwrapData } from '../../service';

export type LookType = 'photo' | 'digital_twin' | 'prompt';

function mediaFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Media From',
			name: 'mediaFrom',
			type: 'options',
			options: [
				{ name: 'Binary File', value: 'binary' },
				{ name: 'URL', value: 'url' },
			],
			default: 'binary',
			description: `Where the ${what} comes from`,
		},
		{
			displayName: 'Binary Property',
			name: 'mediaBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { mediaFrom: ['binary'] } },
		},
		{
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { mediaFrom: ['url'] } },
		},
	];
}

/** The fields of one create operation. */
export function createFields(type: LookType): INodeProperties[] {
	return [
		{ displayName: 'Name', name: 'avatarName', type: 'string', required: true, default: '' },
		...(type === 'prompt'
			? [
					{
						displayName: 'Prompt',
						name: 'avatarPrompt',
						type: 'string',
						typeOptions: { rows: 3 },
						required: true,
						default: '',
					} as INodeProperties,
				]
			: mediaFields(type === 'photo' ? 'photo' : 'footage of the person')),
		groupLocator({
			name: 'avatarGroupId',
			displayName: 'Add to Avatar Group',
			required: false,
			description: 'Add the new look to this avatar instead of making a new one',
		}),
		...jobWaitFields({
			offDescription: 'Return the new avatar while it trains',
			defaultIntervalSeconds: 30,
			minIntervalSeconds: 1,
			intervalDescription: 'Training takes minutes',
			outputLabel: 'preview image',
		}),
	];
}

async function typeInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: LookType,
	requestOptions: RequestOptions,
): Promise<IDataObject> {
	if (type === 'prompt')
		return { prompt: requiredString(ctx, 'avatarPrompt', 'Prompt', itemIndex) };
	if (ctx.getNodeParameter('mediaFrom', itemIndex, 'binary') === 'url') {
		return {
			file: {
				type: 'url',
				url: checkUrl(
					ctx,
					requiredString(ctx, 'mediaUrl', 'Media URL', itemIndex),
					'Media URL',
					itemIndex,
					'public',
				),
			},
		};
	}
	const property = requiredString(ctx, 'mediaBinaryProperty', 'Binary Property', itemIndex);
	return {
		file: {
			type: 'asset_id',
			asset_id: (await uploadAsset(ctx, itemIndex, property, requestOptions)).asset_id,
		},
	};
}

export async function createLook(
	ctx: IExecuteFunctions,
	itemIndex: number,
	type: LookType,
	requestOptions: RequestOptions,
): Promise<INodeExecutionData> {
	const body: IDataObject = { type, name: requiredString(ctx, 'avatarName', 'Name', itemIndex) };
	const groupId = stringParameter(ctx, 'avatarGroupId', itemIndex);
	if (groupId) body.avatar_group_id = groupId;
	Object.assign(body, await typeInput(ctx, itemIndex, type, requestOptions));
	const created = unwrapData<{ avatar_group: IDataObject; avatar_item: IDataObject }>(
		(
			await heyGenRequest(
				ctx,
				{
					method: 'POST',
					path: '/v3/avatars',
					body,
					idempotencyKey: idempotencyKeyFor(ctx, itemIndex, 'avatar'),
					itemIndex,
				},
				requestOptions,
			)
		).body,
	);
	const lookId = String(created.avatar_item.id);
	return await waitForJob(
		ctx,
		itemIndex,
		{ ...created.avatar_item, avatar_group: created.avatar_group },
		{
			serviceName: 'HeyGen',
			jobLabel: `HeyGen avatar look ${lookId}`,
			getLaterHint: 'Avatar Look → Get',
			fetch: async () =>
				await heyGenGet(ctx, `/v3/avatars/looks/${lookId}`, itemIndex, requestOptions),
			statusOf: (look) => look.status as string | undefined,
			terminal: ['completed', 'failed', 'pending_consent'],
			succeeded: (look) => look.status !== 'failed',
			failure: (look) =>
				new NodeOperationError(
					ctx.getNode(),
					`HeyGen avatar look ${lookId} failed: ${String((look.error as IDataObject | null)?.message ?? 'no reason given')}`,
					{ itemIndex },
				),
			outputUrl: (look) =>
				typeof look.preview_image_url === 'string' ? look.preview_image_url : undefined,
			fileName: () => `${lookId}.png`,
		},
	);
}
