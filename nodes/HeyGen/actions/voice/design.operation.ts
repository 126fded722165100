import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';

/** POST /v3/voices {prompt}: up to three existing voices that match a description. */
export const operation = defineOperation({
	value: 'design',
	name: 'Design',
	action: 'Design a voice',
	description: 'Find up to three voices that match a description',
	properties: [
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'A warm, calm narrator with a British accent',
		},
	],
	async execute(itemIndex, requestOptions) {
		const prompt = requiredString(this, 'prompt', 'Prompt', itemIndex);
		const found = unwrapData<{ voices?: IDataObject[] }>(
			(
				await heyGenRequest(
					this,
					{ method: 'POST', path: '/v3/voices', body: { prompt }, itemIndex },
					requestOptions,
				)
			).body,
		);
		return found.voices ?? [];
	},
});
