import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/requestOptions';
import { resumeWebhooks } from '../shared/webhookResume';
import { accountDescription } from './actions/account/Account.resource';
import { renderJobDescription } from './actions/renderJob/RenderJob.resource';
import { resumeWebhook } from './actions/renderJob/resume.webhook';
import { router } from './actions/router';

export class ViralSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ViralSync',
		name: 'viralSync',
		icon: { light: 'file:../../icons/viralsync.svg', dark: 'file:../../icons/viralsync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Render videos from a movie definition with ViralSync',
		defaults: { name: 'ViralSync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'viralSyncApi', required: true }],
		webhooks: resumeWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Render Job', value: 'renderJob' },
				],
				default: 'renderJob',
			},
			...accountDescription,
			...renderJobDescription,
			requestOptionsProperty,
		],
	};

	/** Only Render Job → Create with Wait for Completion: Webhook Resume is ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
