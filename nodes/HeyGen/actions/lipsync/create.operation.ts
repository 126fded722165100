import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { planHeyGenResume } from '../resume.webhook';
import { lipsyncCreateFields } from './fields';
import { buildLipsyncBody, planLipsync } from './request';
import { finishLipsyncJob } from './wait';

/** POST /v3/lipsyncs (../shared/api/heygen.md §12.1–12.2) with an Idempotency-Key, then the wait. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a lipsync',
	description:
		'Replace the speech of a video with new audio (or a script spoken by a HeyGen voice) and re-animate the mouth to match (spends credits)',
	properties: lipsyncCreateFields,
	async execute(itemIndex, requestOptions) {
		const plan = await planLipsync(this, itemIndex);
		const resume = await planHeyGenResume(this, itemIndex, plan.options);
		const body = { ...(await buildLipsyncBody(this, itemIndex, plan, requestOptions)), ...resume };
		const created = unwrapData<IDataObject>(
			(
				await heyGenRequest(
					this,
					{
						method: 'POST',
						path: '/v3/lipsyncs',
						body,
						idempotencyKey: idempotencyKeyFor(this, itemIndex, 'lipsync'),
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
		return await finishLipsyncJob(
			this,
			itemIndex,
			{ ...created, id: String(created.lipsync_id) },
			resume,
			requestOptions,
		);
	},
});
