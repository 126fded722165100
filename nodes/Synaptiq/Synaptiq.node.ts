import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/options';
import { leadDescription } from './actions/lead/Lead.resource';
import { router } from './actions/router';

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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Lead', value: 'lead' }],
				default: 'lead',
			},
			...leadDescription,
			requestOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
