import type { INodeProperties } from 'n8n-workflow';

import * as upload from './upload.operation';

export { upload };

export const mediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [{ name: 'Upload', value: 'upload', description: 'Upload an image or video and get its public URL', action: 'Upload media' }],
		default: 'upload',
	},
	...upload.description,
];
