import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation, withDisplayOptions } from '../../../shared/operation';
import { checkUrl, fieldError, stringParameter } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { lipsyncInputFields } from './fields';
import { buildLipsyncBody, planLipsync } from './request';

const BATCH_LIMIT = 100;

/**
 * POST /v3/lipsyncs/batches (../shared/api/heygen.md §12.1): one create body per input item, at
 * most 100, each processed on its own. Runs once for all items; every row is checked before
 * anything is sent (uploads and text to speech come after the checks).
 */
export const operation = defineOperation({
	value: 'createBatch',
	name: 'Create Batch',
	action: 'Create a lipsync batch',
	description:
		'Create up to 100 lipsyncs in one request, one per input item (spends credits); HeyGen calls the batch callback once all have ended',
	aggregate: true,
	properties: [
		{
			displayName: 'Rows From',
			name: 'rowsFrom',
			type: 'options',
			options: [
				{
					name: 'Fields (Per Item)',
					value: 'fields',
					description:
						'The video, audio and options below, read for each input item (use expressions)',
				},
				{
					name: 'Item JSON',
					value: 'json',
					description:
						"Each item's JSON is a HeyGen create body: video and audio (each a link or an asset ID, in the API's shape), plus mode, title and the other options",
				},
			],
			default: 'fields',
		},
		...lipsyncInputFields.map((property) => withDisplayOptions(property, { rowsFrom: ['fields'] })),
		{
			displayName: 'Batch Title',
			name: 'batchTitle',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Batch Callback URL',
			name: 'batchCallbackUrl',
			type: 'string',
			default: '',
			description: 'Gets one (unsigned) POST once every lipsync of the batch has ended',
		},
	],
	async execute(_itemIndex, requestOptions) {
		const items = this.getInputData();
		if (items.length > BATCH_LIMIT)
			throw fieldError(
				this,
				`A lipsync batch holds at most ${BATCH_LIMIT} rows, and this node got ${items.length} items`,
				0,
				'Split the items (Loop Over Items with batch size 100) or use Lipsync → Create.',
			);
		const title = stringParameter(this, 'batchTitle', 0);
		const callbackUrl = stringParameter(this, 'batchCallbackUrl', 0);
		if (callbackUrl) checkUrl(this, callbackUrl, 'Batch Callback URL', 0, 'public');
		let lipsyncs: IDataObject[];
		if (this.getNodeParameter('rowsFrom', 0, 'fields') === 'json') {
			lipsyncs = items.map((item, index) => {
				for (const field of ['video', 'audio'])
					if (!item.json[field] || typeof item.json[field] !== 'object')
						throw fieldError(
							this,
							`Item ${index + 1}: a lipsync row needs "${field}" as {type: "url", url} or {type: "asset_id", asset_id}`,
							index,
						);
				return item.json;
			});
		} else {
			// Every row is checked before the first upload or request.
			const plans = [];
			for (let index = 0; index < items.length; index++) plans.push(await planLipsync(this, index));
			lipsyncs = [];
			for (const [index, plan] of plans.entries())
				lipsyncs.push(await buildLipsyncBody(this, index, plan, requestOptions));
		}
		const created = unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'POST',
						path: '/v3/lipsyncs/batches',
						body: {
							lipsyncs,
							...(title ? { title } : {}),
							...(callbackUrl ? { callback_url: callbackUrl } : {}),
						},
						idempotencyKey: idempotencyKeyFor(this, 0, 'lipsync-batch'),
					},
					requestOptions,
				)
			).body,
		);
		// §12.5: no published response schema; the batch_id is what the node reads.
		return { ...created, batch_id: created?.batch_id ?? null, total_items: lipsyncs.length };
	},
});
