/** "From List" of the render job picker: paged through the API, filtered on the typed text. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPage } from '../../shared/locator';
import { apiRequest } from '../../shared/request';
import { viralSyncService } from '../service';

function jobName(job: IDataObject): string {
	const title = ((job.payload as IDataObject | undefined)?.movie as IDataObject | undefined)?.title;
	const label =
		typeof title === 'string' && title ? `${title} (${String(job.jobId)})` : String(job.jobId);
	return `${label} · ${String(job.status ?? 'unknown')} · ${String(job.createdAt ?? '')}`;
}

/**
 * GET /v1/jobs of type render, newest first; `cursor` = the previous `nextCursor`. ViralSync has no
 * text search, so each page is filtered here on the title, ID, status and date.
 */
export async function searchRenderJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const response = await apiRequest<{
		jobs?: IDataObject[];
		data?: IDataObject[];
		nextCursor?: string | null;
	}>(this, viralSyncService, {
		method: 'GET',
		path: '/v1/jobs',
		qs: { type: 'render', limit: 100, ...(paginationToken ? { cursor: paginationToken } : {}) },
	});
	const jobs = response.body?.jobs ?? response.body?.data ?? [];
	return searchPage(
		jobs.map((job) => ({ name: jobName(job), value: String(job.jobId) })),
		filter,
		response.body?.nextCursor ?? undefined,
	);
}
