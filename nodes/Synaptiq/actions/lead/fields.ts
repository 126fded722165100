import type { INodeProperties } from 'n8n-workflow';

import { LEAD_STATUS_OPTIONS } from '../../helpers';

/**
 * The optional lead fields, sorted by name: Create's Additional Fields, or Update's Update Fields
 * (which can also change email, name and the pipeline status).
 */
export function leadFieldOptions(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Company', name: 'company', type: 'string', default: '' },
		{ displayName: 'Custom Fields (JSON)', name: 'customFields', type: 'json', default: '{}' },
		{ displayName: 'Metadata (JSON)', name: 'metadata', type: 'json', default: '{}' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Comma-separated',
		},
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Job title' },
	];
	if (forUpdate) {
		fields.push(
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: LEAD_STATUS_OPTIONS,
				default: 'qualified',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
