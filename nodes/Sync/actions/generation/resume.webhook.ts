import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyTimestampedSignature } from '../../../shared/signature';
import { handleResumeCallback } from '../../../shared/webhookResume';
import { errorCodeOf, jobFailureMessage, outputUrlOf, TERMINAL_STATUSES } from '../../helpers';

/** Generation → Create with Webhook Resume: Sync's signed completion webhook resumes the execution. */
export async function resumeWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleResumeCallback(this, {
		serviceName: 'Sync',
		verify: async (ctx, rawBody) => {
			const credentials = await ctx.getCredentials('syncApi');
			const headers = ctx.getHeaderData() as Record<string, string | undefined>;
			return verifyTimestampedSignature(
				String(credentials.webhookSecret ?? '').trim(),
				rawBody,
				headers['sync-signature'] ?? headers['x-signature-primary'],
			);
		},
		finishedJobs: async (_ctx, body) =>
			TERMINAL_STATUSES.includes(String(body.status)) ? [body] : undefined,
		succeeded: (generation) => generation.status === 'COMPLETED',
		failureMessage: (generation: IDataObject) => {
			const code = errorCodeOf(generation);
			return `${jobFailureMessage(generation)}${code ? ` (${code})` : ''}`;
		},
		outputUrl: outputUrlOf,
		fileName: (generation) => `${String(generation.outputFileName ?? generation.id)}.mp4`,
		jobLabel: (generation) => `Sync generation ${String(generation.id)}`,
	});
}
