import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { listFields, listSettings } from '../../../shared/pagination';
import { syncRequest } from '../../helpers';

/** GET /v2/voices (../shared/api/sync.md §9): a bare, unpaged array; built-ins, then the org's clones. */
export const operation = defineOperation({
	value: 'getAll',
	readOnly: true,
	name: 'Get Many',
	action: 'Get many voices',
	description:
		'Get the voices text to speech can use: built-in ElevenLabs voices and your cloned voices',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'voiceFilters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Include Unavailable',
					name: 'includeUnavailable',
					type: 'boolean',
					default: true,
					description:
						'Whether to include voices that cannot synthesize right now (they carry a restriction, e.g. a pending verification)',
				},
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					options: [
						{ name: 'All', value: 'all' },
						{ name: 'Built-In', value: 'builtIn', description: 'ElevenLabs voices' },
						{ name: 'Cloned', value: 'cloned', description: 'Voices cloned in your organization' },
					],
					default: 'all',
				},
				{
					displayName: 'Name Contains',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only voices whose name contains this text (case-insensitive)',
				},
			],
		},
	],
	async execute(itemIndex, requestOptions) {
		const filters = this.getNodeParameter('voiceFilters', itemIndex, {}) as {
			includeUnavailable?: boolean;
			kind?: string;
			search?: string;
		};
		const response = await syncRequest<IDataObject[]>(
			this,
			{ method: 'GET', path: '/v2/voices', itemIndex },
			requestOptions,
		);
		const search = String(filters.search ?? '')
			.trim()
			.toLowerCase();
		const voices = (Array.isArray(response.body) ? response.body : []).filter((voice) => {
			if (filters.includeUnavailable === false && voice.restriction) return false;
			if (filters.kind === 'builtIn' && voice.internalVoiceId) return false;
			if (filters.kind === 'cloned' && !voice.internalVoiceId) return false;
			return (
				!search ||
				String(voice.name ?? '')
					.toLowerCase()
					.includes(search)
			);
		});
		const { returnAll, limit } = listSettings(this, itemIndex);
		return returnAll ? voices : voices.slice(0, limit);
	},
});
