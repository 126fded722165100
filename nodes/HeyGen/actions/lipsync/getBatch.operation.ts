import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { lipsyncStatus } from './getStatuses.operation';

/**
 * GET /v3/lipsyncs/batches/{id}: progress and every item (paged inside `data`, §5, walked to the
 * end). Each item gains `lipsync_id` (HeyGen names it `video_id`) and reads its status in Get's
 * words (queued → pending, processing → running, §12.5).
 */
export const operation = defineOperation({
	value: 'getBatch',
	readOnly: true,
	name: 'Get Batch',
	action: 'Get a lipsync batch',
	description: 'Get a lipsync batch: its progress, counts and items',
	properties: [
		{ displayName: 'Batch ID', name: 'batchId', type: 'string', required: true, default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'batchId', 'Batch ID', itemIndex);
		const path = `/v3/lipsyncs/batches/${encodeURIComponent(id)}`;
		let batch: IDataObject = {};
		const items: IDataObject[] = [];
		let token: string | undefined;
		// A batch holds at most 100 items, one page at the maximum page size; a few more pages at most.
		for (let page = 0; page < 10; page++) {
			batch = await heyGenGet<IDataObject>(this, path, itemIndex, requestOptions, {
				limit: 100,
				...(token ? { token } : {}),
			});
			items.push(...((batch.items as IDataObject[] | undefined) ?? []));
			token = batch.has_more && batch.next_token ? String(batch.next_token) : undefined;
			if (!token) break;
		}
		const rest = { ...batch };
		delete rest.has_more;
		delete rest.next_token;
		return {
			...rest,
			items: items.map((item) => ({
				lipsync_id: item.video_id ?? null,
				...item,
				status: lipsyncStatus(item.status),
			})),
		};
	},
});
