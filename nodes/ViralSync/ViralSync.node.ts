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
import { resumeWebhooks } from '../shared/webhookResume';
import { resumeWebhook } from './actions/renderJob/resume.webhook';
import { resources } from './actions/resources';
import { searchRenderJobs } from './methods/listSearch';

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
		properties: [...nodeProperties(resources, 'renderJob'), requestOptionsProperty],
	};

	methods = { listSearch: { searchRenderJobs } };

	/** Only Render Job → Create with Wait for Completion: Webhook Resume is ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, resources);
	}
}
