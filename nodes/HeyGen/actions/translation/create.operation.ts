import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scoped } from '../../../shared/operation';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import type { TransportOptions } from '../../../shared/transport';
import { parkUntilCallback } from '../../../shared/webhookResume';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, requiredString, translationFailureMessage } from '../../helpers';
import { unwrapData } from '../../transport';
import { planHeyGenResume, translationFileName } from '../resume.webhook';

const create = { resource: ['videoTranslation'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ displayName: 'Video URL', name: 'videoUrl', type: 'string', required: true, default: '', displayOptions: { show: create } },
	{
		displayName: 'Output Language Names or IDs',
		name: 'outputLanguages',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLanguages' },
		required: true,
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: create },
	},
	{
		displayName: 'Translation Options',
		name: 'translationOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: create },
		options: [
			{ displayName: 'Callback ID', name: 'callback_id', type: 'string', default: '' },
			{ displayName: 'Callback URL', name: 'callback_url', type: 'string', default: '' },
			{ displayName: 'Captions', name: 'enable_caption', type: 'boolean', default: false },
			{ displayName: 'Input Language', name: 'input_language', type: 'string', default: '', description: 'Detected when empty' },
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Speed', value: 'speed' },
					{ name: 'Precision', value: 'precision' },
				],
				default: 'speed',
			},
			{ displayName: 'Speakers', name: 'speaker_num', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Translate Audio Only', name: 'translate_audio_only', type: 'boolean', default: false },
		],
	},
	...scoped(create, jobWaitFields({
		offDescription: 'Return the translation IDs at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Translations take minutes; every check is a request',
		outputLabel: 'translated video',
		webhookResume: 'HeyGen',
	})),
];

/** POST /v3/video-translations: one job per language, so one output item per language. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData[]> {
	const url = requiredString(this, 'videoUrl', 'Video URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), 'Video URL must be a public http(s) URL', { itemIndex });
	const languages = this.getNodeParameter('outputLanguages', itemIndex, []) as string[];
	if (!languages.length) throw new NodeOperationError(this.getNode(), 'Output Languages: choose at least one language', { itemIndex });
	const options = this.getNodeParameter('translationOptions', itemIndex, {}) as IDataObject;
	const resume = await planHeyGenResume(this, itemIndex, options);
	const body = { video: { type: 'url', url }, output_languages: languages, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== '')), ...resume };
	const created = unwrapData<{ video_translation_ids: string[] }>(
		(await heyGenRequest(this, { method: 'POST', path: '/v3/video-translations', body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'translation'), itemIndex }, transport)).body,
	);
	// Parked as one item; the resume emits one item per language once all of them have ended.
	if (resume) return [await parkUntilCallback(this, itemIndex, { ...created, output_languages: languages, callback_id: resume.callback_id, status: 'pending' }, `HeyGen translation ${created.video_translation_ids.join(', ')}`)];
	const results: INodeExecutionData[] = [];
	for (const [index, id] of created.video_translation_ids.entries()) {
		results.push(
			await waitForJob(this, itemIndex, { id, output_language: languages[index], status: 'pending' }, {
				serviceName: 'HeyGen',
				jobLabel: `HeyGen translation ${id}`,
				getLaterHint: 'Video Translation → Get',
				fetch: async () => await heyGenGet(this, `/v3/video-translations/${id}`, itemIndex, transport),
				statusOf: (job) => job.status as string | undefined,
				terminal: ['completed', 'failed'],
				succeeded: (job) => job.status === 'completed',
				failure: (job) => new NodeOperationError(this.getNode(), translationFailureMessage({ ...job, id }), { itemIndex }),
				outputUrl: (job) => (typeof job.video_url === 'string' ? job.video_url : undefined),
				fileName: (job) => translationFileName(id, job.output_language),
			}, { poll: this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook' }),
		);
	}
	return results;
}
