import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { sessionId, sessionIdField } from './fields';

/** POST /v3/video-agents/{session_id}/stop with `{}` (docs/api/heygen.md §11.1). */
export const operation = defineOperation({
	value: 'stop',
	name: 'Stop',
	action: 'Stop a video agent session',
	description:
		'Stop the running step at its next checkpoint; what the agent produced so far is kept',
	properties: [sessionIdField],
	async execute(itemIndex, requestOptions) {
		const response = await heyGenRequest(
			this,
			{
				method: 'POST',
				path: `/v3/video-agents/${sessionId(this, itemIndex)}/stop`,
				body: {},
				itemIndex,
			},
			requestOptions,
		);
		return { json: unwrapData<IDataObject>(response.body) };
	},
});
