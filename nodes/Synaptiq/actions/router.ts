import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as analytics from './analytics/Analytics.resource';
import * as chat from './chat/Chat.resource';
import * as conversation from './conversation/Conversation.resource';
import * as lead from './lead/Lead.resource';
import * as webhook from './webhook/Webhook.resource';

export const operations: OperationMap = {
	lead: {
		create: lead.create.execute,
		get: lead.get.execute,
		update: lead.update.execute,
		delete: lead.del.execute,
		list: lead.list.execute,
		search: lead.search.execute,
	},
	conversation: { list: conversation.list.execute, get: conversation.get.execute, getMessages: conversation.getMessages.execute },
	chat: { sendMessage: chat.sendMessage.execute },
	analytics: { getOverview: analytics.getOverview.execute },
	webhook: { create: webhook.create.execute, list: webhook.list.execute, delete: webhook.del.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
