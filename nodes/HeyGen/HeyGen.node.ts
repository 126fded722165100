import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/options';
import { userDescription } from './actions/user/User.resource';
import { router } from './actions/router';

export class HeyGen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HeyGen',
		name: 'heyGen',
		icon: { light: 'file:../../icons/heygen.svg', dark: 'file:../../icons/heygen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create AI avatar videos, voices, templates and translations with HeyGen (API v3)',
		defaults: { name: 'HeyGen' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'heyGenApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...userDescription,
			requestOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
