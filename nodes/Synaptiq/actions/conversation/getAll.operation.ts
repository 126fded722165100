import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { stringParameter } from '../../../shared/parameters';
import { listPages, SORT_ORDER_OPTION } from '../../helpers';
import { leadLocator } from '../../methods/locators';

/** GET /conversations (read), page style. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many conversations',
	description: 'Get conversations, filtered and sorted (read scope)',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'conversationFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
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
				{ ...leadLocator(false), description: 'Only the conversations of this lead' },
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
	],
	async execute(itemIndex, requestOptions) {
		const filters = {
			...(this.getNodeParameter('conversationFilters', itemIndex, {}) as IDataObject),
		};
		delete filters.leadId;
		// The lead is a picker (From List or By ID): its ID is what Synaptiq filters on.
		const leadId = stringParameter(this, 'conversationFilters.leadId', itemIndex);
		const qs: IDataObject = {
			...filters,
			...(leadId ? { leadId } : {}),
			...(this.getNodeParameter('conversationSort', itemIndex, {}) as IDataObject),
		};
		for (const key of ['startDate', 'endDate']) {
			if (qs[key]) qs[key] = new Date(qs[key] as string).toISOString();
		}
		return await listPages(this, { path: '/conversations', qs, itemIndex }, requestOptions);
	},
});
