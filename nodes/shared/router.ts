/**
 * Runs the chosen resource/operation once per input item. Every item yields its output items
 * (paired to it) or, with Continue On Fail, exactly one error item saying what happened.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, errorItem, nodeCredentialSecrets, redactError } from './errors';
import { findOperation, type Resource } from './operation';
import { readRequestOptions } from './requestOptions';

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

	const output: INodeExecutionData[] = [];
	let secrets: string[] | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await chosen.execute.call(this, itemIndex, requestOptions);
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
