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
import { resources } from './actions/resources';
import { resumeWebhook } from './actions/resume.webhook';
import {
	searchAssets,
	searchAvatarGroups,
	searchAvatarLooks,
	searchTemplates,
	searchVoices,
} from './methods/listSearch';
import { getLanguages } from './methods/loadOptions';
import { searchVideoAgentStyles } from './methods/videoAgentStyles';
import { authenticationProperty, heyGenCredentials } from './service';

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
		// OAuth Client → Register is how an OAuth2 credential gets its Client ID: it needs no credential.
		credentials: heyGenCredentials.map((credential) => ({
			...credential,
			displayOptions: { ...credential.displayOptions, hide: { resource: ['oAuthClient'] } },
		})),
		webhooks: resumeWebhooks,
		properties: [
			// OAuth Client → Register needs no credential, so it has no Authentication choice either.
			{ ...authenticationProperty, displayOptions: { hide: { resource: ['oAuthClient'] } } },
			...nodeProperties(resources, 'video'),
			requestOptionsProperty,
		],
	};

	methods = {
		listSearch: {
			searchAvatarLooks,
			searchAvatarGroups,
			searchVoices,
			searchTemplates,
			searchAssets,
			searchVideoAgentStyles,
		},
		// Multi-select option lists only; single existing things are picked with resource locators.
		loadOptions: { getLanguages },
	};

	/** Only creates with Wait for Completion: Webhook Resume are ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, resources);
	}
}
