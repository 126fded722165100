/** The SocialSyncer node's resources: adding an operation is one file and one line in its resource. */
import { account } from './account/Account.resource';
import { media } from './media/Media.resource';
import { post } from './post/Post.resource';
import { webhookSettings } from './webhookSettings/WebhookSettings.resource';

export const resources = [account, post, media, webhookSettings];
