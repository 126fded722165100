import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/requestOptions';
import { analyticsDescription } from './actions/analytics/Analytics.resource';
import { chatDescription } from './actions/chat/Chat.resource';
import { conversationDescription } from './actions/conversation/Conversation.resource';
import { leadDescription } from './actions/lead/Lead.resource';
import { webhookDescription } from './actions/webhook/Webhook.resource';
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
				options: [
					{ name: 'Analytics', value: 'analytics' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'lead',
			},
			...leadDescription,
			...conversationDescription,
			...chatDescription,
			...analyticsDescription,
			...webhookDescription,
			requestOptionsProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
