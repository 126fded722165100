import type { IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { buildMultipart } from '../../../shared/multipart';
import { defineOperation } from '../../../shared/operation';
import { fieldError } from '../../../shared/parameters';
import type { RequestOptions } from '../../../shared/request';
import { parkUntilCallback, planWebhookResume } from '../../../shared/webhookResume';
import { jobFailure, outputUrlOf, syncRequest, TERMINAL_STATUSES } from '../../helpers';
import { generationInputFields } from './fields';
import { buildGenerationRequest, multipartParts } from './request';

/** POST /v2/generate (JSON, or multipart with small binaries), with an Idempotency-Key; optionally waits. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a lip-sync generation',
	description: 'Lip-sync a video to audio or a script',
	properties: [
		...generationInputFields({ allowBinary: true }),
		...jobWaitFields({
			offDescription: 'Return the new generation (PENDING) at once',
			defaultIntervalSeconds: 10,
			minIntervalSeconds: 0,
			intervalDescription:
				'Time between status checks (each one is a request against your rate limit)',
			outputLabel: 'video',
			webhookResume: 'Sync',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const webhookResume =
			this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook';
		const resume = webhookResume ? await planSyncResume(this, itemIndex) : undefined;
		const request = await buildGenerationRequest(this, itemIndex, requestOptions, {
			allowBinary: true,
		});
		if (resume) request.body.webhookUrl = resume.callbackUrl;
		const idempotencyKey = idempotencyKeyFor(this, itemIndex, 'generate');
		const multipart =
			request.files.length > 0 ? buildMultipart(multipartParts(request)) : undefined;
		const created = await syncRequest(
			this,
			multipart
				? {
						method: 'POST',
						path: '/v2/generate',
						rawBody: multipart.body,
						contentType: multipart.contentType,
						idempotencyKey,
						itemIndex,
					}
				: { method: 'POST', path: '/v2/generate', body: request.body, idempotencyKey, itemIndex },
			requestOptions,
		);
		const generation = created.body;
		if (resume)
			return await parkUntilCallback(
				this,
				itemIndex,
				generation,
				`Sync generation ${String(generation.id)}`,
			);
		return await waitForJob(
			this,
			itemIndex,
			generation,
			{
				serviceName: 'Sync',
				jobLabel: `Sync generation ${String(generation.id)}`,
				getLaterHint: 'Generation → Get',
				// The long poll (docs/api/sync.md, "Jobs"): Sync holds the request until the job changes or
				// 10 s pass, so a check costs one request per change or per 10 s, and the end is seen at once.
				fetch: async () =>
					(
						await syncRequest(
							this,
							{
								method: 'GET',
								path: `/v2/generate/${String(generation.id)}`,
								qs: longPollQuery(requestOptions),
								itemIndex,
							},
							requestOptions,
						)
					).body,
				longPoll: true,
				statusOf: (job) => job.status as string | undefined,
				terminal: TERMINAL_STATUSES,
				succeeded: (job) => job.status === 'COMPLETED',
				failure: (job) => jobFailure(this, job, itemIndex),
				outputUrl: outputUrlOf,
				fileName: (job) => `${String(job.outputFileName ?? job.id)}.mp4`,
			},
			{ poll: webhookResume },
		);
	},
});

/** The longest hold Sync allows (10 s), and always shorter than one attempt's timeout. */
function longPollQuery(requestOptions: RequestOptions) {
	return {
		wait: 'true',
		timeout: Math.max(1, Math.min(10, Math.floor(requestOptions.timeoutMs / 1000) - 2)),
	};
}

/** Webhook Resume needs the signing secret (callbacks are verified) and a reachable n8n. */
async function planSyncResume(ctx: IExecuteFunctions, itemIndex: number) {
	const credentials = await ctx.getCredentials('syncApi');
	if (!String(credentials.webhookSecret ?? '').trim()) {
		throw fieldError(
			ctx,
			'Webhook Resume needs the Webhook Signing Secret in the Sync credential',
			itemIndex,
			'Copy it from sync.so → Settings → Webhooks into the credential, so the callback can be verified; or choose Wait for Completion: Poll.',
		);
	}
	return planWebhookResume(
		ctx,
		itemIndex,
		String(credentials.baseUrl ?? 'https://api.sync.so'),
		'Sync',
	);
}
