/**
 * What the node tests run on: the workflow JSON of one node, a test file's emulators (started
 * once, reset before each test) and `nodeRunner`, the one way a test runs a node against them.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { resetPacing } from '../../nodes/shared/pacing';
import {
	SERVICES,
	startAllEmulators,
	startEmulator,
	type EmulatorSet,
	type ServiceName,
} from '../emulators';
import type { Emulator } from '../emulators/core';
import { runWorkflow, type RunOptions, type RunResult } from './engine';

export interface SingleNodeRun {
	/** Node type name without package prefix, e.g. `sync`. */
	type: string;
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	/** How many input items (default 1), or the items themselves. */
	items?: number | Array<Record<string, unknown>>;
	continueOnFail?: boolean;
	/** n8n's "On Error" setting; `continueOnFail` is the same as `continueRegularOutput`. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	abortSignal?: AbortSignal;
	/** Full input items (with binary data), instead of `items`. */
	input?: INodeExecutionData[];
}

export const NODE_NAME = 'Under Test';

export function singleNodeWorkflow(run: SingleNodeRun): {
	nodes: INode[];
	connections: Record<string, never>;
} {
	return {
		nodes: [
			{
				id: 'node-under-test',
				name: NODE_NAME,
				type: `CUSTOM.${run.type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: run.parameters,
				credentials: { [run.credentialType]: { id: 'cred-1', name: 'Test credential' } },
				...(run.onError
					? { onError: run.onError }
					: run.continueOnFail
						? { onError: 'continueRegularOutput' as const }
						: {}),
			},
		],
		connections: {},
	};
}

/** Runs one node of this package over `items` input items in n8n-core's engine. */
export async function runNode(run: SingleNodeRun): Promise<RunResult> {
	const count = typeof run.items === 'number' ? run.items : undefined;
	const input =
		run.input ??
		(Array.isArray(run.items)
			? run.items.map((json) => ({ json: json as never }))
			: Array.from({ length: count ?? 1 }, (_, index) => ({ json: { index } })));
	const options: RunOptions = {
		credentials: { [run.credentialType]: run.credentials },
		input,
		abortSignal: run.abortSignal,
	};
	return await runWorkflow(singleNodeWorkflow(run), options);
}

export function credentialsFor(emulator: Emulator, apiKey: string): ICredentialDataDecryptedObject {
	return { apiKey, baseUrl: emulator.baseUrl };
}

/**
 * Starts the five emulators for a test file and resets them (and the process's pacing state)
 * before each test. Read `.current` inside tests.
 */
export function useAllEmulators(): { current: EmulatorSet } {
	const holder = {} as { current: EmulatorSet };
	beforeAll(async () => {
		holder.current = await startAllEmulators();
	});
	afterAll(async () => {
		await holder.current.closeAll();
	});
	beforeEach(() => {
		resetPacing();
		for (const service of SERVICES) holder.current[service].reset();
	});
	return holder;
}

/**
 * One service's emulator for a test file: started once, reset (with the process's pacing state)
 * before each test, then `configure` applied (e.g. a faster job clock).
 */
export function useEmulator(
	service: ServiceName,
	configure: (emulator: Emulator) => void = () => undefined,
): { current: Emulator } {
	const holder = {} as { current: Emulator };
	beforeAll(async () => {
		holder.current = await startEmulator(service);
	});
	afterAll(async () => {
		await holder.current.close();
	});
	beforeEach(() => {
		holder.current.reset();
		resetPacing();
		configure(holder.current);
	});
	return holder;
}

/** The error a node run ended with: n8n's NodeApiError and NodeOperationError carry these. */
export type NodeRunError = Error & {
	description?: string;
	httpCode?: string;
	context?: IDataObject;
};

/** How `nodeRunner`'s runs differ from a plain one-item run with the runner's key. */
export interface NodeRunOptions {
	/** Full input items (with binary data), instead of `items`. */
	input?: INodeExecutionData[];
	/** How many input items (default 1), or their JSON. */
	items?: number | Array<Record<string, unknown>>;
	continueOnFail?: boolean;
	/** Another API key than the runner's. */
	key?: string;
	/** Credential fields beside the key and the Base URL (a signing secret, a key scope). */
	credentials?: ICredentialDataDecryptedObject;
	/** The node's Request Options parameter (e.g. `{ requestsPerMinute: 1000 }`). */
	requestOptions?: Record<string, number>;
}

export interface NodeRun {
	/** The node's main output. */
	items: INodeExecutionData[];
	error: NodeRunError | undefined;
}

/**
 * Runs one of this package's nodes against an emulator, returning its items and its error.
 * `defaults` apply to every run (its `credentials` merged under each run's own).
 */
export function nodeRunner(
	type: string,
	credentialType: string,
	holder: { current: Emulator },
	apiKey: string,
	defaults: NodeRunOptions = {},
) {
	return async (parameters: INodeParameters, options: NodeRunOptions = {}): Promise<NodeRun> => {
		const run: NodeRunOptions = {
			...defaults,
			...options,
			credentials: { ...defaults.credentials, ...options.credentials },
		};
		const result = await runNode({
			type,
			parameters: run.requestOptions
				? { ...parameters, requestOptions: run.requestOptions }
				: parameters,
			credentialType,
			credentials: {
				apiKey: run.key ?? apiKey,
				baseUrl: holder.current.baseUrl,
				...run.credentials,
			},
			input: run.input,
			items: run.items,
			continueOnFail: run.continueOnFail,
		});
		return {
			items: result.output(NODE_NAME),
			error: result.error(NODE_NAME) as NodeRunError | undefined,
		};
	};
}
