import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { heyGenRequest } from '../../helpers';
import { sessionId, sessionIdField } from './fields';

/** Pages HeyGen may send (docs/api/heygen.md §11.5: no documented query; follow `token` while `has_more`). */
const MAX_PAGES = 50;

/** GET /v3/video-agents/{session_id}/videos, newest first: each a §2.3 Video. */
export const operation = defineOperation({
	value: 'getVideos',
	readOnly: true,
	name: 'Get Session Videos',
	action: 'Get the videos of a video agent session',
	description: 'Get every video a session made (follow-ups and revisions too), newest first',
	properties: [sessionIdField],
	async execute(itemIndex, requestOptions) {
		const path = `/v3/video-agents/${sessionId(this, itemIndex)}/videos`;
		const videos: IDataObject[] = [];
		let token: string | undefined;
		for (let page = 0; page < MAX_PAGES; page++) {
			const response = await heyGenRequest<{
				data?: IDataObject[];
				has_more?: boolean;
				next_token?: string | null;
			}>(
				this,
				{ method: 'GET', path, qs: token ? { token } : undefined, itemIndex },
				requestOptions,
			);
			videos.push(...(response.body?.data ?? []));
			const next = response.body?.has_more ? response.body.next_token : undefined;
			if (!next || next === token) break;
			token = next;
		}
		return videos;
	},
});
