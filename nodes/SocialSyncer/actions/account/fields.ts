import type { INodeProperties } from 'n8n-workflow';

import { PLATFORM_OPTIONS } from '../../service';

export const platformField = (description = 'The social network'): INodeProperties => ({
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	options: PLATFORM_OPTIONS,
	required: true,
	default: 'instagram',
	description,
});

export const redirectUrlField = (): INodeProperties => ({
	displayName: 'Redirect URL',
	name: 'redirectUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://your-n8n.example.com/webhook/…',
	description:
		'Where the platform sends the browser back with ?code=…&state=… (e.g. a Webhook node). Use the same URL in both steps.',
});
