import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { JobWaitTimeoutError, pollUntilTerminal } from '../../../shared/polling';
import type { TransportOptions } from '../../../shared/transport';
import { ExecutionCancelledError } from '../../../shared/wait';
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
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'options',
		options: [
			{ name: 'Off', value: 'off', description: 'Return {jobId, status: queued} at once' },
			{ name: 'Poll', value: 'poll', description: 'Check the job until it ends, then return it' },
		],
		default: 'off',
		displayOptions: { show },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 5 },
		default: 10,
		description: 'Every check counts against the 120 requests per minute limit',
		displayOptions: { show: { ...show, waitForCompletion: ['poll'] } },
	},
	{
		displayName: 'Timeout (Minutes)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		displayOptions: { show: { ...show, waitForCompletion: ['poll'] } },
	},
	{
		displayName: 'Download Output',
		name: 'downloadOutput',
		type: 'boolean',
		default: false,
		description: 'Whether to put the rendered MP4 into the item as binary data',
		displayOptions: { show: { ...show, waitForCompletion: ['poll'] } },
	},
	{
		displayName: 'Output Binary Property',
		name: 'outputBinaryProperty',
		type: 'string',
		default: 'data',
		displayOptions: { show: { ...show, waitForCompletion: ['poll'], downloadOutput: [true] } },
	},
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
	const callbackUrl = String(options.callbackUrl ?? '').trim();
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
	if (this.getNodeParameter('waitForCompletion', itemIndex, 'off') !== 'poll') return { json: created };

	let job: IDataObject;
	try {
		job = (
			await pollUntilTerminal({
				fetch: async () => (await viralSyncRequest(this, { method: 'GET', path: `/v1/jobs/${String(created.jobId)}`, itemIndex }, transport)).body,
				statusOf: (current) => current.status as string | undefined,
				terminal: TERMINAL_STATUSES,
				intervalMs: (this.getNodeParameter('pollInterval', itemIndex, 10) as number) * 1000,
				timeoutMs: (this.getNodeParameter('waitTimeout', itemIndex, 30) as number) * 60_000,
				signal: this.getExecutionCancelSignal(),
			})
		).job;
	} catch (error) {
		if (error instanceof JobWaitTimeoutError) {
			throw new NodeOperationError(this.getNode(), `ViralSync render job ${String(created.jobId)} did not finish in time: ${error.message}`, {
				itemIndex,
				description: 'It keeps rendering. Raise the Timeout, or get it later with Render Job → Get.',
			});
		}
		if (error instanceof ExecutionCancelledError) throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	if (job.status !== 'done') throw jobFailure(this, job, itemIndex);
	if (!this.getNodeParameter('downloadOutput', itemIndex, false)) return { json: job };
	if (typeof job.outputUrl !== 'string') throw new NodeOperationError(this.getNode(), `ViralSync render job ${String(job.jobId)} is done but has no output URL`, { itemIndex });
	const property = this.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
	const binary = await downloadToBinary(this, job.outputUrl, { fileName: `${String(job.jobId)}.mp4`, mimeType: 'video/mp4', itemIndex, serviceName: 'ViralSync' });
	return { json: job, binary: { [property]: binary } };
}
