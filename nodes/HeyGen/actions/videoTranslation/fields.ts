/** The translation ID field of Get, Update and Delete. */
import type { INodeProperties } from 'n8n-workflow';

export const translationIdField: INodeProperties = {
	displayName: 'Translation ID',
	name: 'translationId',
	type: 'string',
	required: true,
	default: '',
};
