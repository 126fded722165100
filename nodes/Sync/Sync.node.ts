import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/options';
import { resumeWebhooks } from '../shared/webhookResume';
import { resumeWebhook } from './actions/generation/resume.webhook';
import { assetDescription } from './actions/asset/Asset.resource';
import { batchDescription } from './actions/batch/Batch.resource';
import { generationDescription } from './actions/generation/Generation.resource';
import { modelDescription } from './actions/model/Model.resource';
import { getModels } from './methods/loadOptions';
import { router } from './actions/router';

export class Sync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync',
		name: 'sync',
		icon: { light: 'file:../../icons/sync.svg', dark: 'file:../../icons/sync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Lip-sync videos with Sync (sync.so)',
		defaults: { name: 'Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncApi', required: true }],
		webhooks: resumeWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Asset', value: 'asset' },
					{ name: 'Batch', value: 'batch' },
					{ name: 'Generation', value: 'generation' },
					{ name: 'Model', value: 'model' },
				],
				default: 'generation',
			},
			...generationDescription,
			...batchDescription,
			...assetDescription,
			...modelDescription,
			requestOptionsProperty,
		],
	};

	methods = { loadOptions: { getModels } };

	/** Only Generation → Create with Wait for Completion: Webhook Resume is ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
