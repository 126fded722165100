/** The Synaptiq things a user picks: a lead and a conversation, each from a searchable list or by ID. */
import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

export const leadLocator = (required = true): INodeProperties =>
	resourceLocator({
		name: 'leadId',
		displayName: 'Lead',
		searchMethod: 'searchLeads',
		idPlaceholder: 'lead_01HQ3VXK9BWMN4F6T2P8R5GYSC',
		required,
		description:
			'IDs belong to one environment: a sandbox (sk_test_) ID is not found with a live key',
	});

export const conversationLocator = (): INodeProperties =>
	resourceLocator({
		name: 'conversationId',
		displayName: 'Conversation',
		searchMethod: 'searchConversations',
		idPlaceholder: 'conv_…',
	});
