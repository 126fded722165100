import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from '../shared/operation';
import { requestOptionsProperty } from '../shared/requestOptions';
import { routeOperations } from '../shared/router';
import { resources } from './actions/resources';
import { searchConversations, searchLeads } from './methods/listSearch';

export class Synaptiq implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Synaptiq',
		name: 'synaptiq',
		icon: { light: 'file:../../icons/synaptiq.svg', dark: 'file:../../icons/synaptiq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Synaptiq AI sales agent leads, conversations and analytics',
		defaults: { name: 'Synaptiq' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'synaptiqApi', required: true }],
		properties: [...nodeProperties(resources, 'lead'), requestOptionsProperty],
	};

	methods = { listSearch: { searchLeads, searchConversations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, resources);
	}
}
