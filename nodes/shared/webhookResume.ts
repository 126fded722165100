/**
 * "Wait for Completion: Webhook Resume": the create request names this execution's resume URL as
 * the job's callback, the execution is parked (n8n's putExecutionToWait, as its Wait node does),
 * and the service's signed callback resumes it through the node's webhook() (a restartWebhook).
 */
import { randomBytes, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from './binary';
import { errorItem, nodeCredentialSecrets, redact, redactDeep } from './errors';

/** The node's waiting webhook: n8n routes POST <webhook-waiting>/<executionId>?signature=… here. */
export const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
	},
];

export function webhookResumeFields(serviceName: string): INodeProperties[] {
	const webhook = { waitForCompletion: ['webhook'] };
	return [
		{
			displayName: `${serviceName} calls this execution's resume URL when the job ends, and the node verifies that callback before the execution goes on. n8n must be reachable from ${serviceName} at that URL: set WEBHOOK_URL when n8n runs on localhost or behind a proxy. One input item per execution (use Loop Over Items for more).`,
			name: 'webhookResumeNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: webhook },
		},
		{
			displayName: 'If the Service Cannot Call Back',
			name: 'resumeFallback',
			type: 'options',
			options: [
				{ name: 'Fail', value: 'fail', description: 'Stop before creating the job' },
				{
					name: 'Poll Instead',
					value: 'poll',
					description: 'Create the job without a callback and poll it',
				},
			],
			default: 'fail',
			description: `What to do when the resume URL is on localhost while ${serviceName} is not, so its callback could never arrive`,
			displayOptions: { show: webhook },
		},
	];
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

export interface ResumePlan {
	/** The URL to give the service as the job's callback. */
	callbackUrl: string;
}

/**
 * Decides before any request: the resume URL, or `undefined` to poll instead (only when the user
 * chose that). Fails, naming the reason, when the service could not reach n8n or there are several items.
 */
export function planWebhookResume(
	ctx: IExecuteFunctions,
	itemIndex: number,
	serviceBaseUrl: string,
	serviceName: string,
): ResumePlan | undefined {
	const items = ctx.getInputData().length;
	if (items > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Webhook Resume waits for one job per execution, and this node got ${items} items`,
			{
				itemIndex,
				description:
					'Put a Loop Over Items node (batch size 1) before this one, or choose Wait for Completion: Poll.',
			},
		);
	}
	const callbackUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex) ?? '');
	if (!/^https?:\/\//.test(callbackUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'n8n did not provide a resume URL for this execution',
			{ itemIndex },
		);
	}
	const unreachable =
		LOOPBACK.test(new URL(callbackUrl).hostname) &&
		!LOOPBACK.test(new URL(serviceBaseUrl).hostname);
	if (!unreachable) return { callbackUrl };
	if (ctx.getNodeParameter('resumeFallback', itemIndex, 'fail') === 'poll') return undefined;
	throw new NodeOperationError(
		ctx.getNode(),
		`${serviceName} cannot reach n8n at ${new URL(callbackUrl).origin}, so its callback would never arrive`,
		{
			itemIndex,
			description:
				'Set WEBHOOK_URL to the public address of this n8n, or set "If n8n Is Not Reachable" to Poll Instead.',
		},
	);
}

/**
 * Parks the execution until the callback or the timeout. n8n resumes a timed-out wait by passing
 * the waiting node's input through, so that input becomes an item that says what happened.
 */
export async function parkUntilCallback(
	ctx: IExecuteFunctions,
	itemIndex: number,
	job: IDataObject,
	jobLabel: string,
): Promise<INodeExecutionData> {
	const timeoutMinutes = ctx.getNodeParameter('waitTimeout', itemIndex, 30) as number;
	const waitTill = new Date(Date.now() + timeoutMinutes * 60_000);
	const message = `${jobLabel} did not call back within ${timeoutMinutes} minutes (Webhook Resume timeout); it may still be running`;
	// With an error item here, "Continue (using error output)" sends a timed-out wait to the error output.
	const timedOut = errorItem(
		ctx.getNode(),
		new NodeOperationError(ctx.getNode(), message, { itemIndex }),
		{ item: itemIndex },
		{ ...job, timedOut: true },
	);
	const executeData = ctx.getExecuteData();
	executeData.data.main = [[timedOut]];
	await ctx.putExecutionToWait(waitTill);
	return { json: job, pairedItem: { item: itemIndex } };
}

export interface ResumeCallback {
	/** Answered to an unverified callback: 401, and the execution keeps waiting. */
	verify: (ctx: IWebhookFunctions, rawBody: Buffer) => Promise<{ valid: boolean; reason?: string }>;
	/** The finished jobs the callback ends the wait with (one per output item), or undefined while it goes on (a progress callback, or sibling jobs still running). */
	finishedJobs: (ctx: IWebhookFunctions, body: IDataObject) => Promise<IDataObject[] | undefined>;
	succeeded: (job: IDataObject) => boolean;
	failureMessage: (job: IDataObject) => string;
	outputUrl: (job: IDataObject) => string | undefined;
	fileName: (job: IDataObject) => string;
	serviceName: string;
	jobLabel: (job: IDataObject) => string;
}

/** The waiting node's webhook(): verify, ignore progress, then resume with the finished job (and its file). */
export async function handleResumeCallback(
	ctx: IWebhookFunctions,
	callback: ResumeCallback,
): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
	const response = ctx.getResponseObject();
	const raw = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
	const check = await callback.verify(ctx, raw);
	if (!check.valid) {
		response.status(401).json({ error: `Callback rejected: ${check.reason ?? 'invalid'}` });
		return { noWebhookResponse: true };
	}
	const finished = await callback.finishedJobs(ctx, (ctx.getBodyData() ?? {}) as IDataObject);
	if (!finished?.length) return { webhookResponse: 'progress noted' };
	// A callback body is the service's text too: what it echoes of a secret goes no further.
	const secrets = await nodeCredentialSecrets(ctx);
	const jobs = redactDeep(finished, secrets);
	const node = ctx.getNode();
	const failed = jobs.filter((job) => !callback.succeeded(job));
	if (failed.length) {
		const error = new NodeOperationError(
			node,
			redact(failed.map((job) => callback.failureMessage(job)).join('; '), secrets),
		);
		if (
			node.onError === 'continueRegularOutput' ||
			node.onError === 'continueErrorOutput' ||
			node.continueOnFail
		) {
			return { workflowData: [[errorItem(node, error, { item: 0 }, failed[0])]] };
		}
		throw error;
	}
	const items: INodeExecutionData[] = [];
	for (const job of jobs) {
		const item: INodeExecutionData = { json: job, pairedItem: { item: 0 } };
		if (ctx.getNodeParameter('downloadOutput', false) as boolean) {
			const url = callback.outputUrl(job);
			if (!url)
				throw new NodeOperationError(
					node,
					`${callback.jobLabel(job)} finished but has no output URL`,
				);
			const property = ctx.getNodeParameter('outputBinaryProperty', 'data') as string;
			const binary = await downloadToBinary(ctx as unknown as IExecuteFunctions, url, {
				fileName: callback.fileName(job),
				itemIndex: 0,
				serviceName: callback.serviceName,
			});
			item.binary = { [property]: binary };
		}
		items.push(item);
	}
	return { workflowData: [items] };
}

/**
 * The item the node parked with (its create answer), read back in webhook(): n8n resumes the
 * waiting node with that item as its input, and this context evaluates expressions against it.
 */
export function parkedJob(ctx: IWebhookFunctions): IDataObject {
	const json = ctx.evaluateExpression('{{ $json }}', 0);
	return json && typeof json === 'object' && !Array.isArray(json) ? (json as IDataObject) : {};
}

/** For services whose callback is unsigned (HeyGen): a value only this job's callback can echo back. */
export function newCallbackNonce(): string {
	return `n8n-${randomBytes(24).toString('hex')}`;
}

/** Constant-time match of the nonce a callback echoes against the one the job was created with. */
export function callbackNonceMatches(expected: unknown, received: unknown): boolean {
	if (typeof expected !== 'string' || typeof received !== 'string' || !expected) return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(received);
	return a.length === b.length && timingSafeEqual(a, b);
}
