/** The ViralSync thing a user picks: a render job, from a searchable list or by ID. */
import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

export const jobLocator = (): INodeProperties =>
	resourceLocator({
		name: 'jobId',
		displayName: 'Render Job',
		searchMethod: 'searchRenderJobs',
		idPlaceholder: 'job_1a2b3c4d5e6f',
		description: 'A render job of this account',
	});
