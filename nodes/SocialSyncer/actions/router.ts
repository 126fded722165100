import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as account from './account/Account.resource';
import * as media from './media/Media.resource';
import * as post from './post/Post.resource';
import * as webhookSettings from './webhookSettings/WebhookSettings.resource';

export const operations: OperationMap = {
	account: {
		list: account.list.execute,
		getHealth: account.getHealth.execute,
		disconnect: account.disconnect.execute,
		getConnectUrl: account.getConnectUrl.execute,
		completeConnection: account.completeConnection.execute,
	},
	post: {
		create: post.create.execute,
		get: post.get.execute,
		list: post.list.execute,
		update: post.update.execute,
		delete: post.del.execute,
		retry: post.retry.execute,
	},
	media: { upload: media.upload.execute },
	webhookSettings: { get: webhookSettings.get, set: webhookSettings.set, clear: webhookSettings.clear },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, operations);
}
