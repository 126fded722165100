/**
 * "Wait for Completion" for async jobs, shared by the create operations: the fields, and
 * polling to an end state then (optionally) streaming the output into the item's binary data.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from './binary';
import { asNodeError } from './errors';
import { JobWaitTimeoutError, pollUntilTerminal } from './polling';
import { ExecutionCancelledError } from './wait';
import { webhookResumeFields } from './webhookResume';

/** The "Wait for Completion" fields of a create operation (Off / Poll / Webhook Resume where the service calls back). */
export function jobWaitFields(options: {
	offDescription: string;
	defaultIntervalSeconds: number;
	minIntervalSeconds: number;
	intervalDescription: string;
	outputLabel: string;
	webhookResume?: string;
}): INodeProperties[] {
	// n8n's lint reads a default only as a literal or an identifier.
	const intervalDefault = options.defaultIntervalSeconds;
	const poll = { waitForCompletion: ['poll'] };
	const waiting = { waitForCompletion: options.webhookResume ? ['poll', 'webhook'] : ['poll'] };
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'options',
			options: [
				{ name: 'Off', value: 'off', description: options.offDescription },
				{ name: 'Poll', value: 'poll', description: 'Check the job until it ends, then return it' },
				...(options.webhookResume
					? [
							{
								name: 'Webhook Resume',
								value: 'webhook',
								description: `Park the execution; ${options.webhookResume}'s callback resumes it (no polling)`,
							},
						]
					: []),
			],
			default: 'off',
		},
		...(options.webhookResume ? webhookResumeFields(options.webhookResume) : []),
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: options.minIntervalSeconds },
			default: intervalDefault,
			description: options.intervalDescription,
			displayOptions: { show: poll },
		},
		{
			displayName: 'Timeout (Minutes)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description: 'Give up waiting after this long; the job keeps running at the service',
			displayOptions: { show: waiting },
		},
		{
			displayName: 'Download Output',
			name: 'downloadOutput',
			type: 'boolean',
			default: false,
			description: `Whether to put the finished ${options.outputLabel} into the item as binary data`,
			displayOptions: { show: waiting },
		},
		{
			displayName: 'Output Binary Property',
			name: 'outputBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { ...waiting, downloadOutput: [true] } },
		},
	];
}

export interface JobWaitSpec {
	serviceName: string;
	/** "Sync generation job_…": how errors name the job. */
	jobLabel: string;
	/** Where to get it later, for the timeout message. */
	getLaterHint: string;
	fetch: () => Promise<IDataObject>;
	statusOf: (job: IDataObject) => string | undefined;
	terminal: readonly string[];
	succeeded: (job: IDataObject) => boolean;
	failure: (job: IDataObject) => NodeOperationError;
	outputUrl: (job: IDataObject) => string | undefined;
	fileName: (job: IDataObject) => string;
	/** `fetch` is a long poll (the service holds it until the job changes): the interval runs start to start. */
	longPoll?: boolean;
}

/** When "Wait for Completion" is Poll (or `options.poll`, Webhook Resume's fallback): waits for the job, fails with its error, downloads its output if asked. */
export async function waitForJob(
	ctx: IExecuteFunctions,
	itemIndex: number,
	created: IDataObject,
	spec: JobWaitSpec,
	options: { poll?: boolean } = {},
): Promise<INodeExecutionData> {
	if (!options.poll && ctx.getNodeParameter('waitForCompletion', itemIndex, 'off') !== 'poll')
		return { json: created };
	let job: IDataObject;
	try {
		job = (
			await pollUntilTerminal({
				fetch: spec.fetch,
				statusOf: spec.statusOf,
				terminal: spec.terminal,
				intervalMs: (ctx.getNodeParameter('pollInterval', itemIndex, 10) as number) * 1000,
				timeoutMs: (ctx.getNodeParameter('waitTimeout', itemIndex, 30) as number) * 60_000,
				signal: ctx.getExecutionCancelSignal(),
				intervalFromStart: spec.longPoll,
			})
		).job;
	} catch (error) {
		if (error instanceof JobWaitTimeoutError) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${spec.jobLabel} did not finish in time: ${error.message}`,
				{
					itemIndex,
					description: `It keeps running at ${spec.serviceName}. Raise the Timeout, or get it later with ${spec.getLaterHint}.`,
				},
			);
		}
		if (error instanceof ExecutionCancelledError)
			throw new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
		// An answer from the API (NodeApiError) stays one.
		throw asNodeError(ctx.getNode(), error);
	}
	if (!spec.succeeded(job)) throw spec.failure(job);
	if (!ctx.getNodeParameter('downloadOutput', itemIndex, false)) return { json: job };
	const url = spec.outputUrl(job);
	if (!url)
		throw new NodeOperationError(ctx.getNode(), `${spec.jobLabel} finished but has no output URL`, {
			itemIndex,
		});
	const property = ctx.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
	const binary = await downloadToBinary(ctx, url, {
		fileName: spec.fileName(job),
		itemIndex,
		serviceName: spec.serviceName,
	});
	return { json: job, binary: { [property]: binary } };
}
