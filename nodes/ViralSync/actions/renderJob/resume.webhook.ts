import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyBodySignature } from '../../../shared/signature';
import { handleResumeCallback } from '../../../shared/webhookResume';
import { TERMINAL_STATUSES } from '../../helpers';

/** Render Job → Create with Webhook Resume: the signed terminal callback resumes; progress callbacks are acknowledged. */
export async function resumeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleResumeCallback(this, {
		serviceName: 'ViralSync',
		verify: async (ctx, rawBody) => {
			const credentials = await ctx.getCredentials('viralSyncApi');
			const signature = (ctx.getHeaderData() as Record<string, string | undefined>)[
				'x-render-signature'
			];
			const valid = verifyBodySignature(
				String(credentials.webhookSecret ?? '').trim(),
				rawBody,
				signature,
			);
			return {
				valid,
				reason: signature ? 'x-render-signature does not match' : 'x-render-signature is missing',
			};
		},
		finishedJobs: async (_ctx, body) =>
			TERMINAL_STATUSES.includes(String(body.status)) ? [body] : undefined,
		succeeded: (job) => job.status === 'done',
		failureMessage: (job) =>
			job.status === 'cancelled'
				? `ViralSync render job ${String(job.jobId)}: job cancelled`
				: `ViralSync render job ${String(job.jobId)} failed: ${String(job.error ?? 'no reason given')}`,
		outputUrl: (job) => (typeof job.outputUrl === 'string' ? job.outputUrl : undefined),
		fileName: (job) => `${String(job.jobId)}.mp4`,
		jobLabel: (job) => `ViralSync render job ${String(job.jobId)}`,
	});
}
