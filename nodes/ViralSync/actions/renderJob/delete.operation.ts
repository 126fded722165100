import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { viralSyncRequest } from '../../helpers';
import { jobLocator } from '../../methods/locators';

/** DELETE /v1/jobs/{jobId} → 204 (finished jobs only); any 2xx counts as deleted. */
export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a render job',
	description: 'Delete a finished job',
	properties: [jobLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'jobId', 'Job ID', itemIndex);
		await viralSyncRequest(
			this,
			{ method: 'DELETE', path: `/v1/jobs/${encodeURIComponent(id)}`, itemIndex },
			requestOptions,
		);
		return { jobId: id, deleted: true };
	},
});
