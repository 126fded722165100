/** The Synaptiq node's resources: adding an operation is one file and one line in its resource. */
import { analytics } from './analytics/Analytics.resource';
import { chat } from './chat/Chat.resource';
import { conversation } from './conversation/Conversation.resource';
import { lead } from './lead/Lead.resource';
import { webhook } from './webhook/Webhook.resource';

export const resources = [lead, conversation, chat, analytics, webhook];
