import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationMap } from '../../shared/router';
import * as avatar from './avatar/Avatar.resource';
import * as user from './user/User.resource';
import * as video from './video/Video.resource';
import * as voice from './voice/Voice.resource';

export const operations: OperationMap = {
	user: { getCurrent: user.getCurrent.execute },
	avatar: { listGroups: avatar.listGroups, getGroup: avatar.getGroup, listLooks: avatar.listLooks, getLook: avatar.getLook },
	voice: { list: voice.list, get: voice.get },
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
