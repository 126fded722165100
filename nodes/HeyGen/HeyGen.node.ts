import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/requestOptions';
import { resumeWebhooks } from '../shared/webhookResume';
import { assetDescription } from './actions/asset/Asset.resource';
import { avatarDescription } from './actions/avatar/Avatar.resource';
import { oAuthClientDescription } from './actions/oauthClient/OAuthClient.resource';
import { templateDescription } from './actions/template/Template.resource';
import { translationDescription } from './actions/translation/Translation.resource';
import { webhookDescription } from './actions/webhook/Webhook.resource';
import { userDescription } from './actions/user/User.resource';
import { videoDescription } from './actions/video/Video.resource';
import { voiceDescription } from './actions/voice/Voice.resource';
import { getAvatarLooks, getLanguages, getVoices } from './methods/loadOptions';
import { resumeWebhook } from './actions/resume.webhook';
import { router } from './actions/router';
import { authenticationProperty, heyGenCredentials } from './transport';

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
		credentials: heyGenCredentials.map((credential) => ({ ...credential, displayOptions: { ...credential.displayOptions, hide: { resource: ['oAuthClient'] } } })),
		webhooks: resumeWebhooks,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Asset', value: 'asset' },
					{ name: 'Avatar', value: 'avatar' },
					{ name: 'OAuth Client', value: 'oAuthClient' },
					{ name: 'Template', value: 'template' },
					{ name: 'User', value: 'user' },
					{ name: 'Video', value: 'video' },
					{ name: 'Video Translation', value: 'videoTranslation' },
					{ name: 'Voice', value: 'voice' },
					{ name: 'Webhook Endpoint', value: 'webhookEndpoint' },
				],
				default: 'video',
			},
			...userDescription,
			...oAuthClientDescription,
			...videoDescription,
			...avatarDescription,
			...voiceDescription,
			...templateDescription,
			...translationDescription,
			...assetDescription,
			...webhookDescription,
			requestOptionsProperty,
		],
	};

	methods = { loadOptions: { getAvatarLooks, getLanguages, getVoices } };

	/** Only creates with Wait for Completion: Webhook Resume are ever resumed here. */
	webhook = resumeWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
