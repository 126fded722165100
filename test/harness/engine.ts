/**
 * Runs workflows and credential tests in n8n's real execution engine (n8n-core's
 * WorkflowExecute, ExecuteContext and RoutingNode), on the model of n8n's own test harness
 * (packages/core/nodes-testing), but with real HTTP to the local emulators instead of nock.
 */
import { randomUUID } from 'node:crypto';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import {
	ErrorReporter,
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IConnections,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, LoggerProxy, Workflow } from 'n8n-workflow';

import { registerTokenSecrets, TestCredentialsHelper } from './credentials-helper';
import {
	assertNoSecrets,
	installScanningLogger,
	registerSecret,
	scanningLogger,
} from './leak-guard';
import { credentialTypes, PackageNodeTypes } from './types';

installScanningLogger(LoggerProxy.init, (reporter) =>
	Container.set(ErrorReporter, reporter as ErrorReporter),
);
// What nodes log through `this.logger` (n8n-core hands them the Logger from its container).
Container.set(Logger, scanningLogger as unknown as Logger);

export interface AdditionalDataOptions {
	credentialsHelper: TestCredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	webhookWaitingBaseUrl?: string;
	webhookBaseUrl?: string;
}

export function additionalDataFor(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the test engine');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: options.webhookBaseUrl ?? `${base}/webhook`,
		webhookWaitingBaseUrl: options.webhookWaitingBaseUrl ?? `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		userId: 'test-user',
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the test engine');
		},
		externalSecretsProxy: new ExternalSecretsProxy(),
	} as IWorkflowExecuteAdditionalData;
}

/**
 * Tests a credential the way n8n's CredentialsTester (packages/cli) does for a credential
 * with a `test` request: a temporary node whose only property routes to that request, run
 * by n8n-core's RoutingNode; non-2xx answers become the `rules` message or the status text.
 */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	registerSecret(data.apiKey);
	const result = await runCredentialTest(typeName, data);
	assertNoSecrets(result, `the ${typeName} credential test result`);
	return result;
}

async function runCredentialTest(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const credentialType = credentialTypes().get(typeName);
	if (!credentialType?.test)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	const credentialsHelper = new TestCredentialsHelper({ [typeName]: data });
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'credential-under-test',
		name: `${typeName} (test)`,
		type: typeName,
		data: credentialsHelper.withDefaults(typeName, data),
	};
	const testNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: testNodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [typeName]: { id: credentialsDecrypted.id!, name: credentialsDecrypted.name } },
	};
	const nodeTypes = new PackageNodeTypes(new Map([[testNodeType.description.name, testNodeType]]));
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = createRunExecutionData({ resultData: { runData: {} } });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor({ credentialsHelper }),
		'internal' as WorkflowExecuteMode,
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, credentialsDecrypted);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		// Same decision table as n8n's CredentialsTester.testCredentials.
		if (error.cause?.response) {
			const statusCode: number = error.cause.response.status;
			const statusMessage: string = error.cause.response.statusText;
			for (const rule of credentialType.test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of credentialType.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json as IDataObject | undefined;
			if (
				body &&
				(body as Record<string, unknown>)[rule.properties.key] === rule.properties.value
			) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Items fed to the start node (n8n's harness feeds `[{json: {}}]`). */
	input?: INodeExecutionData[];
	mode?: WorkflowExecuteMode;
	/** Aborts the execution, like n8n's "Stop execution". */
	abortSignal?: AbortSignal;
	/** The node the run starts at (default: n8n's own choice, which needs a single-node or trigger-led workflow). */
	startNode?: string;
	/** Test-only node types (fixtures) besides this package's nodes. */
	extraNodeTypes?: Map<string, INodeType>;
}

export interface RunResult {
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
	/** Output items of a node's first run on its first output. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error a node ended with, if it did. */
	error(nodeName: string): Error | undefined;
}

/** Runs workflow JSON (nodes + connections) in n8n-core's WorkflowExecute. */
export async function runWorkflow(
	workflowJson: Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>,
	options: RunOptions = {},
): Promise<RunResult> {
	for (const credentials of Object.values(options.credentials ?? {})) {
		registerSecret(credentials.apiKey);
		registerSecret(credentials.webhookSecret);
		registerTokenSecrets(credentials);
	}
	const nodeTypes = new PackageNodeTypes(options.extraNodeTypes);
	const workflow = new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections as IConnections,
		active: false,
		nodeTypes,
		settings: workflowJson.settings ?? {},
		staticData: workflowJson.staticData ?? {},
	});
	const executionId = randomUUID();
	const credentialsHelper = new TestCredentialsHelper(options.credentials ?? {});
	const hooks = new ExecutionLifecycleHooks(
		options.mode ?? 'manual',
		executionId,
		workflowJson as IWorkflowBase,
	);
	let resolveFinished: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));
	const additionalData = additionalDataFor({ credentialsHelper, hooks, executionId });

	const startNode = options.startNode
		? workflow.getNode(options.startNode)
		: workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const workflowExecute = new WorkflowExecute(
		additionalData,
		options.mode ?? 'manual',
		runExecutionData,
	);
	const execution = workflowExecute.processRunExecutionData(workflow);
	if (options.abortSignal) {
		options.abortSignal.addEventListener('abort', () => execution.cancel(), { once: true });
	}
	await execution;
	const run = await finished;
	assertNoSecrets(run, 'the workflow run (outputs, errors, descriptions)');
	return {
		run,
		credentialsHelper,
		output(nodeName, outputIndex = 0) {
			return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [];
		},
		error(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.error as Error | undefined;
		},
	};
}
