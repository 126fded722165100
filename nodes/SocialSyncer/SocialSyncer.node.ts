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
import { searchAccounts, searchPosts } from './methods/listSearch';
import { getAccounts } from './methods/loadOptions';

export class SocialSyncer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialSyncer',
		name: 'socialSyncer',
		icon: {
			light: 'file:../../icons/socialsyncer.svg',
			dark: 'file:../../icons/socialsyncer.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Connect social accounts and publish posts with SocialSyncer',
		defaults: { name: 'SocialSyncer' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialSyncerApi', required: true }],
		properties: [...nodeProperties(resources, 'post'), requestOptionsProperty],
	};

	methods = {
		listSearch: { searchAccounts, searchPosts },
		// Post → Create picks several accounts at once: a multi-select, not a resource locator.
		loadOptions: { getAccounts },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, resources);
	}
}
