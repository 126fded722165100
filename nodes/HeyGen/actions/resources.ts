/** The HeyGen node's resources: adding an operation is one file and one line in its resource. */
import { asset } from './asset/Asset.resource';
import { avatarGroup } from './avatarGroup/AvatarGroup.resource';
import { avatarLook } from './avatarLook/AvatarLook.resource';
import { lipsync } from './lipsync/Lipsync.resource';
import { oAuthClient } from './oauthClient/OAuthClient.resource';
import { template } from './template/Template.resource';
import { user } from './user/User.resource';
import { video } from './video/Video.resource';
import { videoAgent } from './videoAgent/VideoAgent.resource';
import { videoTranslation } from './videoTranslation/VideoTranslation.resource';
import { voice } from './voice/Voice.resource';
import { webhookEndpoint } from './webhookEndpoint/WebhookEndpoint.resource';

export const resources = [
	video,
	avatarLook,
	avatarGroup,
	voice,
	template,
	videoTranslation,
	lipsync,
	asset,
	webhookEndpoint,
	videoAgent,
	user,
	oAuthClient,
];
