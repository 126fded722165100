import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { parseJsonField, requiredString, synaptiqRequest } from '../../helpers';

const show = { resource: ['chat'], operation: ['sendMessage'] };

export const description: INodeProperties[] = [
	{ displayName: 'Visitor ID', name: 'visitorId', type: 'string', required: true, default: '', description: 'Your identifier of the person chatting', displayOptions: { show } },
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', description: 'Up to 4,000 characters', displayOptions: { show } },
	{
		displayName: 'Options',
		name: 'chatOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en', description: 'ISO 639-1 code; detected when empty' },
			{ displayName: 'Metadata (JSON)', name: 'metadata', type: 'json', default: '{}' },
			{ displayName: 'Session ID', name: 'sessionId', type: 'string', default: '', placeholder: 'sess_…', description: 'Continue this session; a new conversation starts when empty' },
		],
	},
];

/** POST /chat (write): the agent's reply, with the session to continue the conversation. Never streamed. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const visitorId = requiredString(this, 'visitorId', 'Visitor ID', itemIndex);
	const message = requiredString(this, 'message', 'Message', itemIndex);
	if (message.length > 4000) throw new NodeOperationError(this.getNode(), `Message must be at most 4,000 characters (it has ${message.length})`, { itemIndex });
	const options = this.getNodeParameter('chatOptions', itemIndex, {}) as IDataObject;
	const language = String(options.language ?? '').trim();
	if (language && !/^[a-z]{2}$/.test(language)) throw new NodeOperationError(this.getNode(), `Language must be an ISO 639-1 code such as "en" (got "${language}")`, { itemIndex });
	const metadata = parseJsonField(this, options.metadata, 'Metadata (JSON)', itemIndex);
	const body: IDataObject = {
		message,
		visitorId,
		...(String(options.sessionId ?? '').trim() ? { sessionId: String(options.sessionId).trim() } : {}),
		...(language ? { language } : {}),
		...(metadata && Object.keys(metadata).length ? { metadata } : {}),
	};
	return (await synaptiqRequest(this, 'write', { method: 'POST', path: '/chat', body, itemIndex }, transport)).body;
}
