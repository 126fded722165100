/**
 * Translate / Dub on Generation → Create (../shared/api/sync.md §10.2): one job that dubs the video's
 * own speech into the target language (ElevenLabs), then lip-syncs the video to the dub. The
 * request carries `dubParams` and only the video input (§10.4: never an audio or text input).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, stringParameter } from '../../../shared/parameters';

/**
 * Languages ElevenLabs dubs into (Sync's `DubLanguage` enum is not published in full, §10.4);
 * "Other" takes any code Sync may accept.
 */
const LANGUAGES: Array<[string, string]> = [
	['Arabic', 'ar'],
	['Bulgarian', 'bg'],
	['Chinese', 'zh'],
	['Croatian', 'hr'],
	['Czech', 'cs'],
	['Danish', 'da'],
	['Dutch', 'nl'],
	['English', 'en'],
	['Filipino', 'fil'],
	['Finnish', 'fi'],
	['French', 'fr'],
	['German', 'de'],
	['Greek', 'el'],
	['Hindi', 'hi'],
	['Hungarian', 'hu'],
	['Indonesian', 'id'],
	['Italian', 'it'],
	['Japanese', 'ja'],
	['Korean', 'ko'],
	['Malay', 'ms'],
	['Norwegian', 'no'],
	['Polish', 'pl'],
	['Portuguese', 'pt'],
	['Romanian', 'ro'],
	['Russian', 'ru'],
	['Slovak', 'sk'],
	['Spanish', 'es'],
	['Swedish', 'sv'],
	['Tamil', 'ta'],
	['Turkish', 'tr'],
	['Ukrainian', 'uk'],
	['Vietnamese', 'vi'],
];

/** A language code as the dubbing guide writes them: `es`, `fil`, `pt-BR`. */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

const languageOptions = (extra: Array<{ name: string; value: string; description?: string }>) =>
	[
		...LANGUAGES.map(([name, value]) => ({ name, value })),
		{ name: 'Other (Enter Code)', value: 'other', description: 'A language code not listed here' },
		...extra,
	].sort((a, b) => a.name.localeCompare(b.name));

export function dubbingFields(show: IDataObject): INodeProperties[] {
	const when = (extra: IDataObject = {}) => ({
		show: { ...show, inputMode: ['fields'], audioSource: ['dub'], ...extra },
	});
	return [
		{
			displayName: 'Target Language',
			name: 'dubTargetLanguage',
			type: 'options',
			options: languageOptions([]),
			default: 'es',
			description: 'The language the video should speak',
			displayOptions: when(),
		},
		{
			displayName: 'Target Language Code',
			name: 'dubTargetLanguageCode',
			type: 'string',
			default: '',
			placeholder: 'pt-BR',
			description: 'The code of the target language, e.g. pt-BR',
			displayOptions: when({ dubTargetLanguage: ['other'] }),
		},
		{
			displayName: 'Source Language',
			name: 'dubSourceLanguage',
			type: 'options',
			options: languageOptions([
				{ name: 'Auto-Detect', value: 'auto', description: 'Sync detects the spoken language' },
			]),
			default: 'auto',
			description: 'The language spoken in the video',
			displayOptions: when(),
		},
		{
			displayName: 'Source Language Code',
			name: 'dubSourceLanguageCode',
			type: 'string',
			default: '',
			placeholder: 'en',
			displayOptions: when({ dubSourceLanguage: ['other'] }),
		},
		{
			displayName: 'Dubbing Options',
			name: 'dubOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: when(),
			options: [
				{
					displayName: 'Number of Speakers',
					name: 'numSpeakers',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 50 },
					default: 0,
					description:
						'How many people speak in the video, 1 to 50; 0 lets Sync detect it (newer Sync guides say it is ignored)',
				},
				{
					displayName: 'Send Provider Name',
					name: 'sendProviderName',
					type: 'boolean',
					default: false,
					description:
						'Whether to send providerName "elevenlabs" (in the dubbing guide\'s example; not needed otherwise)',
				},
			],
		},
	];
}

function language(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	label: string,
	fallback: string,
): string {
	const chosen = String(ctx.getNodeParameter(field, itemIndex, fallback) ?? '').trim();
	const code = chosen === 'other' ? stringParameter(ctx, `${field}Code`, itemIndex) : chosen;
	if (!code)
		throw fieldError(ctx, `${label}${chosen === 'other' ? ' Code' : ''} is required`, itemIndex);
	if (code !== 'auto' && !LANGUAGE_CODE.test(code)) {
		throw fieldError(
			ctx,
			`${label} "${code}" is not a language code`,
			itemIndex,
			'Use a code such as es, fr, ja or pt-BR.',
		);
	}
	return code;
}

/** `dubParams`, checked before any request (§10.2): a target, a source (auto by default), optional speakers. */
export function buildDubParams(
	ctx: IExecuteFunctions,
	itemIndex: number,
	hasSegments: boolean,
): IDataObject {
	if (hasSegments) {
		throw fieldError(
			ctx,
			'Segments (JSON) cannot be combined with Audio Source "Translate / Dub"',
			itemIndex,
			'Dubbing translates the whole video; remove the segments, or choose an audio source.',
		);
	}
	const targetLang = language(ctx, itemIndex, 'dubTargetLanguage', 'Target Language', 'es');
	if (targetLang === 'auto')
		throw fieldError(ctx, 'Target Language cannot be auto-detected', itemIndex);
	const sourceLang = language(ctx, itemIndex, 'dubSourceLanguage', 'Source Language', 'auto');
	if (sourceLang === targetLang) {
		throw fieldError(
			ctx,
			`Source Language and Target Language are both "${targetLang}"`,
			itemIndex,
			'Dubbing translates the speech: choose another target, or Auto-Detect as the source.',
		);
	}
	const options = ctx.getNodeParameter('dubOptions', itemIndex, {}) as IDataObject;
	const dubParams: IDataObject = { targetLang, sourceLang };
	if (options.numSpeakers !== undefined) {
		const speakers = Number(options.numSpeakers);
		if (!Number.isInteger(speakers) || speakers < 0 || speakers > 50) {
			throw fieldError(
				ctx,
				`Number of Speakers must be a whole number from 0 to 50 (got ${String(options.numSpeakers)})`,
				itemIndex,
			);
		}
		dubParams.numSpeakers = speakers;
	}
	if (options.sendProviderName) dubParams.providerName = 'elevenlabs';
	return dubParams;
}
