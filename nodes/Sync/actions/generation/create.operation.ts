import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { buildMultipart } from '../../../shared/multipart';
import { JobWaitTimeoutError, pollUntilTerminal } from '../../../shared/polling';
import type { TransportOptions } from '../../../shared/transport';
import { ExecutionCancelledError } from '../../../shared/wait';
import { idempotencyKeyFor, jobFailure, outputUrlOf, syncRequest, TERMINAL_STATUSES } from '../../helpers';
import { buildGenerationRequest, generationInputFields, multipartParts } from './inputs';

const show = { resource: ['generation'], operation: ['create'] };

export const description: INodeProperties[] = [
	...generationInputFields({ show }, { allowBinary: true }),
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'options',
		options: [
			{ name: 'Off', value: 'off', description: 'Return the new generation (PENDING) at once' },
			{ name: 'Poll', value: 'poll', description: 'Check the generation until it ends, then return it' },
		],
		default: 'off',
		displayOptions: { show },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'Time between status checks (each one is a request against your rate limit)',
		displayOptions: { show: { ...show, waitForCompletion: ['poll'] } },
	},
	{
		displayName: 'Timeout (Minutes)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Give up waiting after this long; the generation keeps running at Sync',
		displayOptions: { show: { ...show, waitForCompletion: ['poll'] } },
	},
	{
		displayName: 'Download Output',
		name: 'downloadOutput',
		type: 'boolean',
		default: false,
		description: 'Whether to put the finished video into the item as binary data',
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

/** POST /v2/generate (JSON, or multipart with small binaries), with an Idempotency-Key; optionally waits. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const request = await buildGenerationRequest(this, itemIndex, transport, { allowBinary: true });
	const idempotencyKey = idempotencyKeyFor(this, itemIndex, 'generate');
	const multipart = request.files.length > 0 ? buildMultipart(multipartParts(request)) : undefined;
	const created = await syncRequest(
		this,
		multipart
			? { method: 'POST', path: '/v2/generate', rawBody: multipart.body, contentType: multipart.contentType, idempotencyKey, itemIndex }
			: { method: 'POST', path: '/v2/generate', body: request.body, idempotencyKey, itemIndex },
		transport,
	);
	let generation = created.body;
	if (this.getNodeParameter('waitForCompletion', itemIndex, 'off') !== 'poll') return { json: generation };

	const timeoutMs = (this.getNodeParameter('waitTimeout', itemIndex, 30) as number) * 60_000;
	try {
		const result = await pollUntilTerminal({
			fetch: async () => (await syncRequest(this, { method: 'GET', path: `/v2/generate/${String(generation.id)}`, itemIndex }, transport)).body,
			statusOf: (job) => job.status as string | undefined,
			terminal: TERMINAL_STATUSES,
			intervalMs: (this.getNodeParameter('pollInterval', itemIndex, 10) as number) * 1000,
			timeoutMs,
			signal: this.getExecutionCancelSignal(),
		});
		generation = result.job;
	} catch (error) {
		if (error instanceof JobWaitTimeoutError) {
			throw new NodeOperationError(this.getNode(), `Sync generation ${String(generation.id)} did not finish in time: ${error.message}`, {
				itemIndex,
				description: 'It keeps running at Sync. Raise the Timeout, or get it later with Generation → Get.',
			});
		}
		if (error instanceof ExecutionCancelledError) throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	if (generation.status !== 'COMPLETED') throw jobFailure(this, generation, itemIndex);

	if (!this.getNodeParameter('downloadOutput', itemIndex, false)) return { json: generation };
	const url = outputUrlOf(generation);
	if (!url) throw new NodeOperationError(this.getNode(), `Sync generation ${String(generation.id)} is COMPLETED but has no output URL`, { itemIndex });
	const property = this.getNodeParameter('outputBinaryProperty', itemIndex, 'data') as string;
	const fileName = `${String((generation as IDataObject).outputFileName ?? generation.id)}.mp4`;
	const binary = await downloadToBinary(this, url, { fileName, mimeType: 'video/mp4', itemIndex, serviceName: 'Sync' });
	return { json: generation, binary: { [property]: binary } };
}
