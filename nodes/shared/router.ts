/**
 * Runs the chosen resource/operation once per input item. Every item yields its output items
 * (paired to it) or, with Continue On Fail, exactly one error item saying what happened.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, errorItem, nodeCredentialSecrets, redactError } from './errors';
import { readTransportOptions } from './options';
import type { TransportOptions } from './transport';

export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	transport: TransportOptions,
) => Promise<OperationResult>;

/**
 * An operation that turns all input items into one result (Sync Batch → Create): it runs once,
 * and its output is paired with every input item.
 */
export interface AggregateOperation {
	aggregate: true;
	execute: OperationExecute;
}

export type OperationMap = Record<string, Record<string, OperationExecute | AggregateOperation>>;

function isExecutionData(value: IDataObject | INodeExecutionData): value is INodeExecutionData {
	return typeof value.json === 'object' && value.json !== null && !Array.isArray(value.json);
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item = isExecutionData(entry) ? entry : { json: entry };
		return { ...item, pairedItem: { item: itemIndex } };
	});
}

export async function routeOperations(this: IExecuteFunctions, operations: OperationMap): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const transport = readTransportOptions(this);

	if (typeof execute !== 'function') {
		const pairedItem = items.map((_item, item) => ({ item }));
		try {
			const result = await execute.execute.call(this, 0, transport);
			return [toItems(result, 0).map((item) => ({ ...item, pairedItem }))];
		} catch (caught) {
			const error = redactError(asNodeError(this.getNode(), caught), await nodeCredentialSecrets(this));
			if (this.continueOnFail()) return [[errorItem(this.getNode(), error, pairedItem)]];
			throw error;
		}
	}

	let secrets: string[] | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(this, itemIndex, transport);
			output.push(...toItems(result, itemIndex));
		} catch (caught) {
			secrets ??= await nodeCredentialSecrets(this);
			const error = redactError(asNodeError(this.getNode(), caught), secrets);
			if (this.continueOnFail()) {
				output.push(errorItem(this.getNode(), error, { item: itemIndex }));
				continue;
			}
			// Tell n8n which item failed; the error keeps its class (an API answer or a check of ours).
			error.context.itemIndex = itemIndex;
			throw error;
		}
	}
	return [output];
}
