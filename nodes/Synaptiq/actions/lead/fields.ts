import type { INodeProperties } from 'n8n-workflow';

import { LEAD_STATUS_OPTIONS } from '../../helpers';

/** The optional lead fields Create and Update share. */
export function leadFieldOptions(withStatus: boolean): INodeProperties[] {
	return [
		{ displayName: 'Company', name: 'company', type: 'string', default: '' },
		{ displayName: 'Custom Fields (JSON)', name: 'customFields', type: 'json', default: '{}' },
		{ displayName: 'Metadata (JSON)', name: 'metadata', type: 'json', default: '{}' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		...(withStatus ? [{ displayName: 'Status', name: 'status', type: 'options' as const, options: LEAD_STATUS_OPTIONS, default: 'qualified' }] : []),
		{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Job title' },
	];
}

export const leadIdField = (operations: string[]): INodeProperties => ({
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'lead_01HQ3VXK9BWMN4F6T2P8R5GYSC',
	description: 'IDs belong to one environment: a sandbox (sk_test_) ID is not found with a live key',
	displayOptions: { show: { resource: ['lead'], operation: operations } },
});
