import { defineOperation } from '../../../shared/operation';
import { heyGenGet } from '../../helpers';
import { sessionId, sessionIdField } from './fields';

/** GET /v3/video-agents/{session_id} (docs/api/heygen.md §11.3). */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get Session',
	action: 'Get a video agent session',
	description:
		"Get a session's status, progress, title, video_id and newest messages (the agent's questions among them)",
	properties: [sessionIdField],
	async execute(itemIndex, requestOptions) {
		return {
			json: await heyGenGet(
				this,
				`/v3/video-agents/${sessionId(this, itemIndex)}`,
				itemIndex,
				requestOptions,
			),
		};
	},
});
