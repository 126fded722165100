/**
 * The one shape of every operation: a module exports one `Operation` (what it is called, its fields
 * without resource/operation display rules, and what it does); a resource is a list of them. From
 * those lists come the node's Resource and Operation dropdowns, each field's display rules (applied
 * once, here) and the router's handlers.
 */
import type {
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { OperationResult } from './router';
import type { RequestOptions } from './request/types';

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	requestOptions: RequestOptions,
) => Promise<OperationResult>;

export interface Operation {
	/** The parameter value, e.g. `getAll`. */
	value: string;
	/** What the Operation dropdown shows, e.g. "Get Many". */
	name: string;
	/** Sentence case, for the node panel and AI tools, e.g. "Get many generations". */
	action: string;
	description: string;
	/** The operation's fields; only conditional display rules of their own (e.g. `returnAll: [false]`). */
	properties: INodeProperties[];
	execute: OperationExecute;
	/** Runs once with all input items (Sync Batch → Create); its output is paired with every input item. */
	aggregate?: true;
	/** Only reads: items run 5 at once unless the user sets Concurrency (everything else runs one at a time). */
	readOnly?: true;
}

export interface Resource {
	value: string;
	name: string;
	/** Its operations; the first is selected when the resource is picked. */
	operations: Operation[];
}

export function defineOperation(operation: Operation): Operation {
	return operation;
}

export function defineResource(resource: Resource): Resource {
	return resource;
}

/**
 * Adds `show` conditions to a field's display rules, merged into what it already has (as n8n's
 * `updateDisplayOptions` does): its own conditions stay, the resource/operation ones are set.
 */
export function withDisplayOptions(
	property: INodeProperties,
	show: NonNullable<IDisplayOptions['show']>,
): INodeProperties {
	const displayOptions: IDisplayOptions = {
		...(property.displayOptions ?? {}),
		show: { ...(property.displayOptions?.show ?? {}), ...show },
	};
	return { ...property, displayOptions };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The Operation dropdown of a resource and every operation's fields, each shown for its resource and operation. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const options: INodePropertyOptions[] = [...resource.operations]
		.sort(byName)
		.map((operation) => ({
			name: operation.name,
			value: operation.value,
			description: operation.description,
			action: operation.action,
		}));
	const first = resource.operations[0].value;
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: first,
	};
	const fields = resource.operations.flatMap((operation) =>
		operation.properties.map((property) =>
			withDisplayOptions(property, { resource: [resource.value], operation: [operation.value] }),
		),
	);
	return [dropdown, ...fields];
}

/** The node's Resource dropdown and all resources' fields. */
export function nodeProperties(resources: Resource[], defaultResource: string): INodeProperties[] {
	const dropdown: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources]
			.sort(byName)
			.map((resource) => ({ name: resource.name, value: resource.value })),
		default: defaultResource,
	};
	return [dropdown, ...resources.flatMap(resourceProperties)];
}

/** Finds the operation a node is set to. */
export function findOperation(
	resources: Resource[],
	resource: string,
	operation: string,
): Operation | undefined {
	return resources
		.find((candidate) => candidate.value === resource)
		?.operations.find((candidate) => candidate.value === operation);
}
