/** The speech fields of Text to Speech → Create and Create Job, and their request body (../shared/api/sync.md §10.1). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredString } from '../../../shared/parameters';
import { voiceLocator } from '../../methods/locators';

export const SCRIPT_MAX_CHARS = 5000;

export const speechFields: INodeProperties[] = [
	voiceLocator(),
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The text to speak, up to 5000 characters',
	},
	{
		displayName: 'Voice Settings',
		name: 'voiceSettings',
		type: 'collection',
		placeholder: 'Add setting',
		default: {},
		options: [
			{
				displayName: 'Similarity Boost',
				name: 'similarityBoost',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.75,
				description: 'How closely to stick to the original voice, 0 to 1',
			},
			{
				displayName: 'Stability',
				name: 'stability',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.5,
				description: 'Lower is more expressive, higher more even, 0 to 1',
			},
		],
	},
];

/** `{script, voiceId, provider, stability?, similarityBoost?}`, checked before any request. */
export function speechBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const voiceId = requiredString(ctx, 'voiceId', 'Voice', itemIndex);
	const script = String(ctx.getNodeParameter('script', itemIndex, '') ?? '');
	if (!script.trim()) throw fieldError(ctx, 'Script is required', itemIndex);
	if (script.length > SCRIPT_MAX_CHARS) {
		throw fieldError(
			ctx,
			`Script is ${script.length} characters long; Sync takes at most ${SCRIPT_MAX_CHARS}`,
			itemIndex,
			'Split the text over several items.',
		);
	}
	const settings = ctx.getNodeParameter('voiceSettings', itemIndex, {}) as IDataObject;
	const body: IDataObject = { script, voiceId, provider: 'elevenlabs' };
	for (const [name, label] of [
		['stability', 'Stability'],
		['similarityBoost', 'Similarity Boost'],
	] as const) {
		if (settings[name] === undefined) continue;
		const value = Number(settings[name]);
		if (!(value >= 0 && value <= 1))
			throw fieldError(
				ctx,
				`${label} must be between 0 and 1 (got ${String(settings[name])})`,
				itemIndex,
			);
		body[name] = value;
	}
	return body;
}

/** The file name of a take. */
export const audioFileName = (id: unknown) => `speech-${String(id)}.mp3`;
