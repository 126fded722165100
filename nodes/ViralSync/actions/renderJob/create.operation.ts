import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scoped } from '../../../shared/operation';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { parkUntilCallback, planWebhookResume } from '../../../shared/webhookResume';
import type { TransportOptions } from '../../../shared/transport';
import { jobFailure, TERMINAL_STATUSES, viralSyncRequest } from '../../helpers';
import { movieFields, readMovie } from './movie';

const show = { resource: ['renderJob'], operation: ['create'] };

export const description: INodeProperties[] = [
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
		displayOptions: { show },
	},
	{
		displayName: 'Render Options',
		name: 'renderOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
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
	...scoped(show, jobWaitFields({
		offDescription: 'Return {jobId, status: queued} at once',
		defaultIntervalSeconds: 10,
		minIntervalSeconds: 5,
		intervalDescription: 'Every check counts against the 120 requests per minute limit',
		outputLabel: 'MP4',
		webhookResume: 'ViralSync',
	})),
];

/**
 * POST /v1/render/jobs → 202 {jobId, status}. No idempotency key exists (§4), so the transport
 * retries it only when it was rejected (429, 409 CONCURRENCY_LIMIT_EXCEEDED), never after a 5xx or timeout.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const projectId = String(this.getNodeParameter('projectId', itemIndex, '') ?? '').trim();
	if (!projectId) throw new NodeOperationError(this.getNode(), 'Project ID is required', { itemIndex });
	const movie = readMovie(this, itemIndex);
	const options = this.getNodeParameter('renderOptions', itemIndex, {}) as IDataObject;
	const webhookResume = this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook';
	const resume = webhookResume ? await planViralSyncResume(this, itemIndex) : undefined;
	const callbackUrl = resume?.callbackUrl ?? String(options.callbackUrl ?? '').trim();
	if (callbackUrl && !/^https?:\/\/\S+$/i.test(callbackUrl)) {
		throw new NodeOperationError(this.getNode(), `Callback URL must be an http(s) URL (got "${callbackUrl}")`, { itemIndex });
	}
	const body: IDataObject = {
		kind: 'movie',
		projectId,
		movie,
		renderOptions: {
			qualityPreset: this.getNodeParameter('qualityPreset', itemIndex, 'balanced'),
			...(options.requestedConcurrency !== undefined ? { requestedConcurrency: options.requestedConcurrency } : {}),
		},
		...(callbackUrl ? { callbackUrl } : {}),
	};
	const created = (await viralSyncRequest(this, { method: 'POST', path: '/v1/render/jobs', body, itemIndex }, transport)).body;
	if (resume) return await parkUntilCallback(this, itemIndex, created, `ViralSync render job ${String(created.jobId)}`);
	return await waitForJob(this, itemIndex, created, {
		serviceName: 'ViralSync',
		jobLabel: `ViralSync render job ${String(created.jobId)}`,
		getLaterHint: 'Render Job → Get',
		fetch: async () => (await viralSyncRequest(this, { method: 'GET', path: `/v1/jobs/${String(created.jobId)}`, itemIndex }, transport)).body,
		statusOf: (job) => job.status as string | undefined,
		terminal: TERMINAL_STATUSES,
		succeeded: (job) => job.status === 'done',
		failure: (job) => jobFailure(this, job, itemIndex),
		outputUrl: (job) => (typeof job.outputUrl === 'string' ? job.outputUrl : undefined),
		fileName: (job) => `${String(job.jobId)}.mp4`,
	}, { poll: webhookResume });
}

/** Webhook Resume replaces the Callback URL option; it needs the signing secret and a reachable n8n. */
async function planViralSyncResume(ctx: IExecuteFunctions, itemIndex: number) {
	const credentials = await ctx.getCredentials('viralSyncApi');
	if (!String(credentials.webhookSecret ?? '').trim()) {
		throw new NodeOperationError(ctx.getNode(), 'Webhook Resume needs the Callback Signing Secret in the ViralSync credential', {
			itemIndex,
			description: 'Add it to the credential so the callback can be verified, or choose Wait for Completion: Poll.',
		});
	}
	return planWebhookResume(ctx, itemIndex, String(credentials.baseUrl ?? 'https://api.viralsync.io'), 'ViralSync');
}
