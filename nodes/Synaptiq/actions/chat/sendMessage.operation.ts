import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { fieldError, jsonParameter, requiredString } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';

/** POST /chat (write): the agent's reply, with the session to continue the conversation. Never streamed. */
export const operation = defineOperation({
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message to the AI sales agent',
	description: "Send a visitor message and get the agent's reply (write scope)",
	properties: [
		{
			displayName: 'Visitor ID',
			name: 'visitorId',
			type: 'string',
			required: true,
			default: '',
			description: 'Your identifier of the person chatting',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'Up to 4,000 characters',
		},
		{
			displayName: 'Options',
			name: 'chatOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: '',
					placeholder: 'en',
					description: 'ISO 639-1 code; detected when empty',
				},
				{ displayName: 'Metadata (JSON)', name: 'metadata', type: 'json', default: '{}' },
				// A plain string on purpose: optional, and empty means "start a new conversation".
				{
					displayName: 'Session ID',
					name: 'sessionId',
					type: 'string',
					default: '',
					placeholder: 'sess_…',
					description: 'Continue this session; a new conversation starts when empty',
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const visitorId = requiredString(this, 'visitorId', 'Visitor ID', itemIndex);
		const message = requiredString(this, 'message', 'Message', itemIndex);
		if (message.length > 4000)
			throw fieldError(
				this,
				`Message must be at most 4,000 characters (it has ${message.length})`,
				itemIndex,
			);
		const options = this.getNodeParameter('chatOptions', itemIndex, {}) as IDataObject;
		const language = String(options.language ?? '').trim();
		if (language && !/^[a-z]{2}$/.test(language))
			throw fieldError(
				this,
				`Language must be an ISO 639-1 code such as "en" (got "${language}")`,
				itemIndex,
			);
		const metadata = jsonParameter(
			this,
			options.metadata,
			'Metadata (JSON)',
			itemIndex,
			'object',
		) as IDataObject | undefined;
		const sessionId = String(options.sessionId ?? '').trim();
		const body: IDataObject = {
			message,
			visitorId,
			...(sessionId ? { sessionId } : {}),
			...(language ? { language } : {}),
			...(metadata && Object.keys(metadata).length ? { metadata } : {}),
		};
		return (
			await synaptiqRequest(
				this,
				'write',
				{ method: 'POST', path: '/chat', body, itemIndex },
				requestOptions,
			)
		).body;
	},
});
