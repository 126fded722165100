import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { sessionId, sessionIdField } from './fields';

/** GET /v3/video-agents/{session_id}/resources/{resource_id} (ids from `messages[].resource_ids`). */
export const operation = defineOperation({
	value: 'getResource',
	readOnly: true,
	name: 'Get Resource',
	action: 'Get a video agent session resource',
	description:
		'Get one thing the session made or was given (a draft, image, video, avatar or voice) by an ID from its messages',
	properties: [
		sessionIdField,
		{
			displayName: 'Resource ID',
			name: 'resourceId',
			type: 'string',
			required: true,
			default: '',
			description: "An ID from the session's messages[].resource_ids",
		},
	],
	async execute(itemIndex, requestOptions) {
		const resource = encodeURIComponent(
			requiredString(this, 'resourceId', 'Resource ID', itemIndex),
		);
		return {
			json: await heyGenGet(
				this,
				`/v3/video-agents/${sessionId(this, itemIndex)}/resources/${resource}`,
				itemIndex,
				requestOptions,
			),
		};
	},
});
