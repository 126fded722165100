import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { viralSyncRequest } from '../../helpers';
import { jobLocator } from '../../methods/locators';

/** POST /v1/jobs/{jobId}/cancel → the job, cancelled; a finished job answers 409. Cancelled jobs cost nothing. */
export const operation = defineOperation({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a render job',
	description: 'Cancel a queued or running job (free)',
	properties: [jobLocator()],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'jobId', 'Job ID', itemIndex);
		return (
			await viralSyncRequest(
				this,
				{ method: 'POST', path: `/v1/jobs/${encodeURIComponent(id)}/cancel`, itemIndex },
				requestOptions,
			)
		).body;
	},
});
