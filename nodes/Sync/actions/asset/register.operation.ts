import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { checkUrl, requiredString, stringParameter } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';

/** POST /v2/assets {url, name?, projectId?}. */
export const operation = defineOperation({
	value: 'register',
	name: 'Register From URL',
	action: 'Register an asset from a URL',
	description: 'Add media at a public URL to your library',
	properties: [
		{
			displayName: 'URL',
			name: 'assetUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/clip.mp4',
			description: 'A public URL of the media',
		},
		{ displayName: 'Asset Name', name: 'assetName', type: 'string', default: '' },
		{ displayName: 'Project ID', name: 'projectId', type: 'string', default: '' },
	],
	async execute(itemIndex, requestOptions) {
		const url = checkUrl(
			this,
			requiredString(this, 'assetUrl', 'URL', itemIndex),
			'URL',
			itemIndex,
			'public',
		);
		const name = stringParameter(this, 'assetName', itemIndex);
		const projectId = stringParameter(this, 'projectId', itemIndex);
		const body: IDataObject = {
			url,
			...(name ? { name } : {}),
			...(projectId ? { projectId } : {}),
		};
		return (
			await syncRequest(
				this,
				{ method: 'POST', path: '/v2/assets', body, itemIndex },
				requestOptions,
			)
		).body;
	},
});
