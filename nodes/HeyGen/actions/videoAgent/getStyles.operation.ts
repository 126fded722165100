import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { stringParameter } from '../../../shared/parameters';
import { listAll } from '../../helpers';

export const STYLE_TAGS = [
	'cinematic',
	'retro-tech',
	'iconic-artist',
	'pop-culture',
	'handmade',
	'print',
];

/** GET /v3/video-agents/styles; pages of at most 50 (docs/api/heygen.md §11.5). */
export const operation = defineOperation({
	value: 'getStyles',
	readOnly: true,
	name: 'Get Many Styles',
	action: 'Get many video agent styles',
	description: 'List the curated visual styles a Video Agent session can use (style_id)',
	properties: [
		...listFields(),
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				...STYLE_TAGS.map((tag) => ({
					name: tag.replace(
						/(^|-)(\w)/g,
						(_match, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`,
					),
					value: tag,
				})),
			],
			default: '',
		},
	],
	async execute(itemIndex, requestOptions) {
		const tag = stringParameter(this, 'tag', itemIndex);
		const qs: IDataObject = tag ? { tag } : {};
		return await listAll(this, '/v3/video-agents/styles', qs, itemIndex, requestOptions, 50);
	},
});
