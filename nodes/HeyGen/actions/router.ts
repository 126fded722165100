import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as asset from './asset/Asset.resource';
import * as avatar from './avatar/Avatar.resource';
import * as avatarManage from './avatar/manage';
import * as oAuthClient from './oauthClient/OAuthClient.resource';
import * as template from './template/Template.resource';
import * as translation from './translation/Translation.resource';
import * as webhook from './webhook/Webhook.resource';
import * as user from './user/User.resource';
import * as video from './video/Video.resource';
import * as voice from './voice/Voice.resource';
import * as voiceMore from './voice/more';

export const operations: OperationMap = {
	user: { getCurrent: user.getCurrent.execute },
	oAuthClient: { register: oAuthClient.register.execute },
	avatar: {
		listGroups: avatar.listGroups,
		getGroup: avatar.getGroup,
		listLooks: avatar.listLooks,
		getLook: avatar.getLook,
		createPhoto: avatarManage.createAvatar,
		createDigitalTwin: avatarManage.createAvatar,
		createFromPrompt: avatarManage.createAvatar,
		renameLook: avatarManage.renameLook,
		deleteLook: avatarManage.deleteLook,
		deleteGroup: avatarManage.deleteGroup,
	},
	voice: { list: voice.list, get: voice.get, generateSpeech: voiceMore.generateSpeech, design: voiceMore.design, clone: voiceMore.clone, delete: voiceMore.remove },
	template: { list: template.list, get: template.get, generate: template.generate.execute },
	videoTranslation: { create: translation.create.execute, get: translation.get, list: translation.list, rename: translation.rename, delete: translation.remove },
	asset: { upload: asset.upload, get: asset.get, list: asset.list, delete: asset.remove },
	webhookEndpoint: {
		create: webhook.create,
		list: webhook.list,
		update: webhook.update,
		delete: webhook.remove,
		rotateSecret: webhook.rotateSecret,
		listEventTypes: webhook.listEventTypes,
		listEvents: webhook.listEvents,
	},
	video: {
		create: video.create.execute,
		get: video.get.execute,
		list: video.list.execute,
		delete: video.del.execute,
		getStatuses: video.getStatuses.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
