import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/requestOptions';
import { accountDescription } from './actions/account/Account.resource';
import { mediaDescription } from './actions/media/Media.resource';
import { postDescription } from './actions/post/Post.resource';
import { webhookSettingsDescription } from './actions/webhookSettings/WebhookSettings.resource';
import { getAccounts } from './methods/loadOptions';
import { router } from './actions/router';

export class SocialSyncer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SocialSyncer',
		name: 'socialSyncer',
		icon: { light: 'file:../../icons/socialsyncer.svg', dark: 'file:../../icons/socialsyncer.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Connect social accounts and publish posts with SocialSyncer',
		defaults: { name: 'SocialSyncer' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialSyncerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Media', value: 'media' },
					{ name: 'Post', value: 'post' },
					{ name: 'Webhook Setting', value: 'webhookSettings' },
				],
				default: 'post',
			},
			...accountDescription,
			...postDescription,
			...mediaDescription,
			...webhookSettingsDescription,
			requestOptionsProperty,
		],
	};

	methods = { loadOptions: { getAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
