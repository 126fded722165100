import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import { parkUntilCallback, planWebhookResume } from '../../../shared/webhookResume';
import { jobFailure, TERMINAL_STATUSES, viralSyncRequest } from '../../helpers';
import { movieFields, readMovie } from './movie';

/**
 * POST /v1/render/jobs → 202 {jobId, status}. ViralSync has no idempotency key, so the request layer
 * retries it only when it was rejected (429, 409 CONCURRENCY_LIMIT_EXCEEDED), never after a 5xx or timeout.
 */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a render job',
	description: 'Render a movie into an MP4',
	properties: [
		...movieFields,
		{
			displayName: 'Quality Preset',
			name: 'qualityPreset',
			type: 'options',
			options: [
				{ name: 'Stable (2 Workers)', value: 'stable' },
				{ name: 'Balanced (3 Workers)', value: 'balanced' },
				{ name: 'Fast (4 Workers, ≤5 Scenes)', value: 'fast' },
				{ name: 'Turbo (6 Workers, Business+)', value: 'turbo' },
			],
			default: 'balanced',
			description: 'Parallel scene workers: changes speed, never visual quality',
		},
		{
			displayName: 'Render Options',
			name: 'renderOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Callback URL',
					name: 'callbackUrl',
					type: 'string',
					default: '',
					description: 'Receives progress and the final result (e.g. a ViralSync Trigger URL)',
				},
				{
					displayName: 'Requested Concurrency',
					name: 'requestedConcurrency',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 32 },
					default: 3,
				},
			],
		},
		...jobWaitFields({
			offDescription: 'Return {jobId, status: queued} at once',
			defaultIntervalSeconds: 10,
			minIntervalSeconds: 5,
			intervalDescription: 'Every check counts against the 120 requests per minute limit',
			outputLabel: 'MP4',
			webhookResume: 'ViralSync',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const projectId = requiredString(this, 'projectId', 'Project ID', itemIndex);
		const movie = readMovie(this, itemIndex);
		const options = this.getNodeParameter('renderOptions', itemIndex, {}) as IDataObject;
		const webhookResume =
			this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook';
		const resume = webhookResume ? await planViralSyncResume(this, itemIndex) : undefined;
		const callbackUrl = resume?.callbackUrl ?? String(options.callbackUrl ?? '').trim();
		if (callbackUrl) checkUrl(this, callbackUrl, 'Callback URL', itemIndex, 'public');
		const body: IDataObject = {
			kind: 'movie',
			projectId,
			movie,
			renderOptions: {
				qualityPreset: this.getNodeParameter('qualityPreset', itemIndex, 'balanced'),
				...(options.requestedConcurrency !== undefined
					? { requestedConcurrency: options.requestedConcurrency }
					: {}),
			},
			...(callbackUrl ? { callbackUrl } : {}),
		};
		const created = (
			await viralSyncRequest(
				this,
				{ method: 'POST', path: '/v1/render/jobs', body, itemIndex },
				requestOptions,
			)
		).body;
		if (resume)
			return await parkUntilCallback(
				this,
				itemIndex,
				created,
				`ViralSync render job ${String(created.jobId)}`,
			);
		return await waitForJob(
			this,
			itemIndex,
			created,
			{
				serviceName: 'ViralSync',
				jobLabel: `ViralSync render job ${String(created.jobId)}`,
				getLaterHint: 'Render Job → Get',
				fetch: async () =>
					(
						await viralSyncRequest(
							this,
							{ method: 'GET', path: `/v1/jobs/${String(created.jobId)}`, itemIndex },
							requestOptions,
						)
					).body,
				statusOf: (job) => job.status as string | undefined,
				terminal: TERMINAL_STATUSES,
				succeeded: (job) => job.status === 'done',
				failure: (job) => jobFailure(this, job, itemIndex),
				outputUrl: (job) => (typeof job.outputUrl === 'string' ? job.outputUrl : undefined),
				fileName: (job) => `${String(job.jobId)}.mp4`,
			},
			{ poll: webhookResume },
		);
	},
});

/** Webhook Resume replaces the Callback URL option; it needs the signing secret and a reachable n8n. */
async function planViralSyncResume(ctx: IExecuteFunctions, itemIndex: number) {
	const credentials = await ctx.getCredentials('viralSyncApi');
	if (!String(credentials.webhookSecret ?? '').trim()) {
		throw fieldError(
			ctx,
			'Webhook Resume needs the Callback Signing Secret in the ViralSync credential',
			itemIndex,
			'Add it to the credential so the callback can be verified, or choose Wait for Completion: Poll.',
		);
	}
	return planWebhookResume(
		ctx,
		itemIndex,
		String(credentials.baseUrl ?? 'https://api.viralsync.io'),
		'ViralSync',
	);
}
