import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { heyGenGet } from '../../helpers';
import { translationIdField } from './fields';

/** GET /v3/video-translations/{id}. */
export const operation = defineOperation({
	value: 'get',
	readOnly: true,
	name: 'Get',
	action: 'Get a video translation',
	description: 'Get a translation and its result',
	properties: [translationIdField],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
		return await heyGenGet(
			this,
			`/v3/video-translations/${encodeURIComponent(id)}`,
			itemIndex,
			requestOptions,
		);
	},
});
