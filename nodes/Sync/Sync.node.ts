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
import { resumeWebhook } from './actions/generation/resume.webhook';
import { resources } from './actions/resources';
import { searchAssets, searchClonedVoices, searchModels, searchVoices } from './methods/listSearch';

export class Sync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync',
		name: 'sync',
		icon: { light: 'file:../../icons/sync.svg', dark: 'file:../../icons/sync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Lip-sync or dub a video with Sync (sync.so), speak a script with a built-in or cloned voice, and manage generations, batches, assets and voices',
		defaults: { name: 'Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncApi', required: true }],
		webhooks: resumeWebhooks,
		properties: [...nodeProperties(resources, 'generation'), requestOptionsProperty],
	};

	methods = { listSearch: { searchModels, searchAssets, searchVoices, searchClonedVoices } };

	/** Only Generation → Create with Wait for Completion: Webhook Resume is ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, resources);
	}
}
