/**
 * Serves a trigger node's webhook on 127.0.0.1 the way n8n's webhook server does it for one
 * node: every request runs the node's `webhook()` in n8n-core's WebhookContext, with the raw
 * body kept (n8n keeps `req.rawBody`), and what the node returned is recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeExecutionData,
	INodeType,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { additionalDataFor } from './engine';
import { assertNoSecrets, registerSecret } from './leak-guard';
import { PackageNodeTypes } from './types';

export interface WebhookCall {
	status: number;
	result?: IWebhookResponseData;
	responseBody: string;
}

/** The slice of an Express response the nodes use. */
function expressLikeResponse(res: http.ServerResponse) {
	const adapter = {
		statusCode: 200,
		status(code: number) {
			adapter.statusCode = code;
			return adapter;
		},
		json(value: unknown) {
			res.writeHead(adapter.statusCode, { 'content-type': 'application/json' });
			res.end(JSON.stringify(value));
			return adapter;
		},
		send(value: unknown) {
			res.writeHead(adapter.statusCode, {
				'content-type': typeof value === 'string' ? 'text/html; charset=utf-8' : 'application/json',
			});
			res.end(typeof value === 'string' ? value : JSON.stringify(value));
			return adapter;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return adapter;
		},
		redirect(code: number, location: string) {
			res.writeHead(code, { location });
			res.end();
		},
		end(value?: string) {
			if (!res.headersSent) res.writeHead(adapter.statusCode);
			res.end(value);
		},
	};
	return adapter;
}

let servedWorkflows = 0;

export async function serveTriggerWebhook(options: {
	type: string;
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	webhookName?: string;
	/** Which of the node's webhooks a request path is for (nodes with several webhooks). */
	webhookNameForPath?: (pathname: string) => string;
	staticData?: Record<string, unknown>;
	/** A node resumed by its waiting webhook (Webhook Resume): the input n8n hands it, i.e. the item it parked with. */
	input?: INodeExecutionData[];
}): Promise<{
	url: string;
	calls: WebhookCall[];
	close(): Promise<void>;
	workflow: Workflow;
	lifecycle(
		method: 'checkExists' | 'create' | 'delete',
		activation?: 'activate' | 'manual',
	): Promise<boolean | undefined>;
}> {
	registerSecret(options.credentials.apiKey);
	registerSecret(options.credentials.webhookSecret);
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: `CUSTOM.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [options.credentialType]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({
		// Each served trigger is a workflow of its own (state a node keeps in process memory is per workflow).
		id: `webhook-workflow-${++servedWorkflows}`,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new PackageNodeTypes(new Map([[`CUSTOM.${options.type}`, options.nodeType]])),
		staticData: (options.staticData ?? {}) as IDataObject,
	});
	const credentialsHelper = new TestCredentialsHelper({
		[options.credentialType]: options.credentials,
	});
	const calls: WebhookCall[] = [];
	let port = 0;
	const baseUrl = () => `http://127.0.0.1:${port}/webhook`;

	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		// No req.cookies: n8n 2.40 mounts /webhook/* before its cookie-parser, so webhooks see only the Cookie header.
		const request = Object.assign(req, {
			rawBody,
			body,
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		const webhookName =
			options.webhookNameForPath?.(url.pathname) ?? options.webhookName ?? 'default';
		const response = expressLikeResponse(res);
		const additionalData = additionalDataFor({ credentialsHelper, webhookBaseUrl: baseUrl() });
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const webhookData: IWebhookData = {
			httpMethod: (req.method ?? 'POST') as IWebhookData['httpMethod'],
			node: node.name,
			path: url.pathname,
			webhookDescription: {
				name: webhookName,
				httpMethod: req.method as never,
				path: url.pathname,
			},
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			options.input ? resumedRun(node, options.input) : null,
		);
		const call: WebhookCall = { status: 0, responseBody: '' };
		calls.push(call);
		const end = res.end.bind(res);
		res.end = ((chunk?: unknown) => {
			if (chunk) call.responseBody += String(chunk);
			return end(chunk as never);
		}) as typeof res.end;
		try {
			call.result = await options.nodeType.webhook!.call(context);
			assertNoSecrets(call.result, 'a trigger result');
			if (!call.result.noWebhookResponse && !res.headersSent) {
				response
					.status(200)
					.json(
						call.result.webhookResponse !== undefined
							? { response: call.result.webhookResponse }
							: { message: 'Workflow was started' },
					);
			}
		} catch (error) {
			assertNoSecrets(error, 'a trigger error');
			if (!res.headersSent) response.status(500).json({ error: (error as Error).message });
		}
		call.status = res.statusCode;
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	port = (server.address() as AddressInfo).port;

	/** Runs one of the node's webhook lifecycle methods as n8n does on (de)activation. */
	const lifecycle = async (
		method: 'checkExists' | 'create' | 'delete',
		activation: 'activate' | 'manual' = 'activate',
	) => {
		const additionalData = additionalDataFor({ credentialsHelper, webhookBaseUrl: baseUrl() });
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: options.type,
			webhookDescription: {
				name: options.webhookName ?? 'default',
				httpMethod: 'POST',
				path: options.type,
			},
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as unknown as IWebhookData;
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			activation,
			webhookData,
		);
		const methods = options.nodeType.webhookMethods?.default;
		const result = await methods![method]!.call(context);
		assertNoSecrets({ result }, `the trigger's ${method}`);
		return result;
	};
	return {
		url: `http://127.0.0.1:${port}/webhook/${options.type}`,
		calls,
		workflow,
		lifecycle,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The run data n8n resumes a waiting node with: the node on the stack, its parked item as input. */
function resumedRun(node: INode, input: INodeExecutionData[]): IRunExecutionData {
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}
