import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { fieldError } from '../../../shared/parameters';
import { finishVideoJob, heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { planHeyGenResume } from '../resume.webhook';
import { createFields } from './fields';
import { buildVideoBody } from './request';

/** POST /v3/videos with an Idempotency-Key; an unknown avatar or voice names its field. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a video',
	description: 'Make an avatar, image or multi-scene video (spends credits)',
	properties: createFields,
	async execute(itemIndex, requestOptions) {
		const body = buildVideoBody(this, itemIndex);
		const resume = await planHeyGenResume(
			this,
			itemIndex,
			this.getNodeParameter('videoOptions', itemIndex, {}) as IDataObject,
		);
		if (resume) Object.assign(body, resume);
		let created: IDataObject;
		try {
			const response = await heyGenRequest(
				this,
				{
					method: 'POST',
					path: '/v3/videos',
					body,
					idempotencyKey: idempotencyKeyFor(this, itemIndex, 'video'),
					itemIndex,
				},
				requestOptions,
			);
			created = unwrapData<IDataObject>(response.body);
		} catch (error) {
			const code = (error as NodeApiError).message ?? '';
			if (code.includes('avatar_not_found')) {
				throw fieldError(
					this,
					`Avatar Look: HeyGen has no look "${String(body.avatar_id ?? '')}"`,
					itemIndex,
					'Pick a look from the list, or check the ID with Avatar Look → Get Many.',
				);
			}
			if (code.includes('voice_not_found')) {
				throw fieldError(
					this,
					`Voice: HeyGen has no voice "${String(body.voice_id ?? '')}"`,
					itemIndex,
					'Pick a voice from the list, or check the ID with Voice → Get Many.',
				);
			}
			throw asNodeError(this.getNode(), error);
		}
		return await finishVideoJob(
			this,
			itemIndex,
			{ ...created, id: String(created.video_id) },
			resume,
			requestOptions,
		);
	},
});
