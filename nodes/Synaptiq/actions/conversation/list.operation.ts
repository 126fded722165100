import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { listPages, SORT_ORDER_OPTION } from '../../helpers';

const show = { resource: ['conversation'], operation: ['list'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit('conversation', 'list', 1000, 50),
	{
		displayName: 'Filters',
		name: 'conversationFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: [
					{ name: 'API', value: 'api' },
					{ name: 'Slack', value: 'slack' },
					{ name: 'Web Chat', value: 'web_chat' },
					{ name: 'WhatsApp', value: 'whatsapp' },
				],
				default: 'web_chat',
			},
			{ displayName: 'Lead ID', name: 'leadId', type: 'string', default: '' },
			{ displayName: 'Started After', name: 'startDate', type: 'dateTime', default: '' },
			{ displayName: 'Started Before', name: 'endDate', type: 'dateTime', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Closed', value: 'closed' },
					{ name: 'Expired', value: 'expired' },
					{ name: 'Handed Off', value: 'handed_off' },
				],
				default: 'active',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'conversationSort',
		type: 'collection',
		placeholder: 'Add sort',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Last Message At', value: 'lastMessageAt' },
					{ name: 'Message Count', value: 'messageCount' },
					{ name: 'Started At', value: 'startedAt' },
				],
				default: 'lastMessageAt',
			},
			SORT_ORDER_OPTION,
		],
	},
];

/** GET /conversations (read), page style. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const qs: IDataObject = {
		...(this.getNodeParameter('conversationFilters', itemIndex, {}) as IDataObject),
		...(this.getNodeParameter('conversationSort', itemIndex, {}) as IDataObject),
	};
	for (const key of ['startDate', 'endDate']) {
		if (qs[key]) qs[key] = new Date(qs[key] as string).toISOString();
	}
	return await listPages(this, '/conversations', qs, itemIndex, transport);
}
