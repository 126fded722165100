import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { commaList, fieldError, stringParameter } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';

/**
 * GET /v3/lipsyncs/statuses (≤ 100 ids): one item per lipsync. HeyGen answers each id under
 * `video_id` in the video-batch words (§12.1); `lipsync_id` is added and `queued` / `processing`
 * read as pending / running, the words Lipsync → Get uses (§12.5).
 */
export const operation = defineOperation({
	value: 'getStatuses',
	readOnly: true,
	name: 'Get Statuses',
	action: 'Get lipsync statuses',
	description: 'Statuses of up to 100 lipsyncs at once, by lipsync ID or batch ID',
	properties: [
		{
			displayName: 'Lipsync IDs',
			name: 'lipsyncIds',
			type: 'string',
			default: '',
			description: 'Comma-separated',
		},
		{
			displayName: 'Batch IDs',
			name: 'batchIds',
			type: 'string',
			default: '',
			description: 'Comma-separated: every lipsync of these batches',
		},
	],
	async execute(itemIndex, requestOptions) {
		const lipsyncIds = commaList(stringParameter(this, 'lipsyncIds', itemIndex));
		const batchIds = commaList(stringParameter(this, 'batchIds', itemIndex));
		if (!lipsyncIds.length && !batchIds.length)
			throw fieldError(this, 'Lipsync IDs or Batch IDs: give at least one ID', itemIndex);
		if (lipsyncIds.length + batchIds.length > 100)
			throw fieldError(
				this,
				`Lipsync IDs and Batch IDs: at most 100 at a time (got ${lipsyncIds.length + batchIds.length})`,
				itemIndex,
			);
		const rows = await heyGenGet<IDataObject[]>(
			this,
			'/v3/lipsyncs/statuses',
			itemIndex,
			requestOptions,
			{
				...(lipsyncIds.length ? { lipsync_ids: lipsyncIds.join(',') } : {}),
				...(batchIds.length ? { batch_ids: batchIds.join(',') } : {}),
			},
		);
		return (rows ?? []).map((row) => ({
			lipsync_id: row.video_id ?? null,
			...row,
			status: lipsyncStatus(row.status),
		}));
	},
});

/** §12.5: statuses and batch items say queued / processing where Get says pending / running. */
export function lipsyncStatus<T>(status: T): T | string {
	return status === 'queued' ? 'pending' : status === 'processing' ? 'running' : status;
}
