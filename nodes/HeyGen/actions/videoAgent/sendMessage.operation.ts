import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { fieldError, stringParameter } from '../../../shared/parameters';
import { heyGenGet, heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import {
	agentLookField,
	agentVoiceField,
	agentWaitFields,
	buildFiles,
	filesField,
	sessionId,
	sessionIdField,
} from './fields';
import { finishAgentRun } from './wait';

/**
 * POST /v3/video-agents/{session_id} (docs/api/heygen.md §11.1), chat sessions only. Its body has no
 * callback field, so HeyGen cannot call an execution back for it: the wait is Off or Poll.
 */
export const operation = defineOperation({
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message to a video agent session',
	description:
		"Answer the agent's question, approve or revise its storyboard, or ask for a follow-up video (chat sessions only)",
	properties: [
		sessionIdField,
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			placeholder: 'Use a warmer voice and go ahead',
			description: 'Up to 10,000 characters',
		},
		agentLookField('Switch the presenter to this look; empty keeps what the session uses'),
		agentVoiceField('Switch to this voice; empty keeps what the session uses'),
		{
			displayName: 'Brand Kit ID',
			name: 'brandKitId',
			type: 'string',
			default: '',
		},
		filesField,
		...agentWaitFields(false),
	],
	async execute(itemIndex, requestOptions) {
		const id = sessionId(this, itemIndex);
		const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
		if (!message.trim()) throw fieldError(this, 'Message is required', itemIndex);
		if (message.length > 10000)
			throw fieldError(
				this,
				`Message: HeyGen allows at most 10000 characters (got ${message.length})`,
				itemIndex,
			);
		const body: IDataObject = { message };
		for (const [parameter, field] of [
			['avatarId', 'avatar_id'],
			['voiceId', 'voice_id'],
			['brandKitId', 'brand_kit_id'],
		]) {
			const value = stringParameter(this, parameter, itemIndex);
			if (value) body[field] = value;
		}
		const files = await buildFiles(this, itemIndex);
		if (files) body.files = files;
		const waiting = this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'poll';
		// The wait is for a video this message makes, not the one the session already has.
		const before = waiting
			? await heyGenGet(this, `/v3/video-agents/${id}`, itemIndex, requestOptions)
			: undefined;
		const response = await heyGenRequest(
			this,
			{
				method: 'POST',
				path: `/v3/video-agents/${id}`,
				body,
				idempotencyKey: idempotencyKeyFor(this, itemIndex, 'videoAgentMessage'),
				itemIndex,
			},
			requestOptions,
		);
		const answer = unwrapData<IDataObject>(response.body);
		return await finishAgentRun(this, itemIndex, answer, {
			previousVideoId: before?.video_id ? String(before.video_id) : undefined,
			requestOptions,
		});
	},
});
