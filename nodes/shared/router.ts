/**
 * Runs the chosen resource/operation once per input item, Concurrency items at a time (5 for
 * reads, 1 otherwise). Every item yields its output items (paired to it, in input order) or, with
 * Continue On Fail, exactly one error item saying what happened.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, errorItem, nodeCredentialSecrets, redactError } from './errors';
import { findOperation, type Resource } from './operation';
import { readRequestOptions } from './requestOptions';

/** Items of an operation that only reads run this many at once unless the user sets Concurrency. */
const READ_CONCURRENCY = 5;

export type OperationResult =
	IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

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

export async function routeOperations(
	this: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = findOperation(resources, resource, operation);
	if (!chosen)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	const requestOptions = readRequestOptions(this);

	if (chosen.aggregate) {
		const pairedItem = items.map((_item, item) => ({ item }));
		try {
			const result = await chosen.execute.call(this, 0, requestOptions);
			return [toItems(result, 0).map((item) => ({ ...item, pairedItem }))];
		} catch (caught) {
			const error = redactError(
				asNodeError(this.getNode(), caught),
				await nodeCredentialSecrets(this),
			);
			if (this.continueOnFail()) return [[errorItem(this.getNode(), error, pairedItem)]];
			throw error;
		}
	}

	const concurrency = requestOptions.concurrency ?? (chosen.readOnly ? READ_CONCURRENCY : 1);
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures = new Map<number, Error & { context: IDataObject }>();
	let secrets: string[] | undefined;
	let next = 0;
	const runItem = async (itemIndex: number) => {
		try {
			const result = await chosen.execute.call(this, itemIndex, requestOptions);
			results[itemIndex] = toItems(result, itemIndex);
		} catch (caught) {
			secrets ??= await nodeCredentialSecrets(this);
			const error = redactError(asNodeError(this.getNode(), caught), secrets);
			if (this.continueOnFail()) {
				results[itemIndex] = [errorItem(this.getNode(), error, { item: itemIndex })];
				return;
			}
			failures.set(itemIndex, error);
		}
	};
	// Each lane takes the next item when its last one is done; a failure (without Continue On
	// Fail) stops new items from starting, and the ones in flight finish.
	const lane = async () => {
		while (next < items.length && failures.size === 0) await runItem(next++);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
	if (failures.size) {
		const itemIndex = Math.min(...failures.keys());
		const error = failures.get(itemIndex)!;
		// Tell n8n which item failed; the error keeps its class (an API answer or a check of ours).
		error.context.itemIndex = itemIndex;
		throw error;
	}
	return [results.flat()];
}
