import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, requiredString } from '../../../shared/parameters';
import { parkUntilCallback } from '../../../shared/webhookResume';
import { heyGenGet, heyGenRequest, translationFailureMessage } from '../../helpers';
import { unwrapData } from '../../service';
import { planHeyGenResume, translationFileName } from '../resume.webhook';

/** POST /v3/video-translations: one job per language, so one output item per language. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a video translation',
	description: 'Translate a video into one or more languages (one job per language)',
	properties: [
		{ displayName: 'Video URL', name: 'videoUrl', type: 'string', required: true, default: '' },
		{
			displayName: 'Output Language Names or IDs',
			name: 'outputLanguages',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLanguages' },
			required: true,
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Translation Options',
			name: 'translationOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{ displayName: 'Callback ID', name: 'callback_id', type: 'string', default: '' },
				{ displayName: 'Callback URL', name: 'callback_url', type: 'string', default: '' },
				{ displayName: 'Captions', name: 'enable_caption', type: 'boolean', default: false },
				{
					displayName: 'Input Language',
					name: 'input_language',
					type: 'string',
					default: '',
					description: 'Detected when empty',
				},
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
				{
					displayName: 'Speakers',
					name: 'speaker_num',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				{
					displayName: 'Translate Audio Only',
					name: 'translate_audio_only',
					type: 'boolean',
					default: false,
				},
			],
		},
		...jobWaitFields({
			offDescription: 'Return the translation IDs at once',
			defaultIntervalSeconds: 30,
			minIntervalSeconds: 5,
			intervalDescription: 'Translations take minutes; every check is a request',
			outputLabel: 'translated video',
			webhookResume: 'HeyGen',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const url = checkUrl(
			this,
			requiredString(this, 'videoUrl', 'Video URL', itemIndex),
			'Video URL',
			itemIndex,
			'public',
		);
		const languages = this.getNodeParameter('outputLanguages', itemIndex, []) as string[];
		if (!languages.length)
			throw fieldError(this, 'Output Languages: choose at least one language', itemIndex);
		const options = this.getNodeParameter('translationOptions', itemIndex, {}) as IDataObject;
		const resume = await planHeyGenResume(this, itemIndex, options);
		const body = {
			video: { type: 'url', url },
			output_languages: languages,
			...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== '')),
			...resume,
		};
		const created = unwrapData<{ video_translation_ids: string[] }>(
			(
				await heyGenRequest(
					this,
					{
						method: 'POST',
						path: '/v3/video-translations',
						body,
						idempotencyKey: idempotencyKeyFor(this, itemIndex, 'translation'),
						itemIndex,
					},
					requestOptions,
				)
			).body,
		);
		// Parked as one item; the resume emits one item per language once all of them have ended.
		if (resume) {
			const parked = {
				...created,
				output_languages: languages,
				callback_id: resume.callback_id,
				status: 'pending',
			};
			return [
				await parkUntilCallback(
					this,
					itemIndex,
					parked,
					`HeyGen translation ${created.video_translation_ids.join(', ')}`,
				),
			];
		}
		const results: INodeExecutionData[] = [];
		for (const [index, id] of created.video_translation_ids.entries()) {
			results.push(
				await waitForJob(
					this,
					itemIndex,
					{ id, output_language: languages[index], status: 'pending' },
					{
						serviceName: 'HeyGen',
						jobLabel: `HeyGen translation ${id}`,
						getLaterHint: 'Video Translation → Get',
						fetch: async () =>
							await heyGenGet(this, `/v3/video-translations/${id}`, itemIndex, requestOptions),
						statusOf: (job) => job.status as string | undefined,
						terminal: ['completed', 'failed'],
						succeeded: (job) => job.status === 'completed',
						failure: (job) =>
							new NodeOperationError(this.getNode(), translationFailureMessage({ ...job, id }), {
								itemIndex,
							}),
						outputUrl: (job) => (typeof job.video_url === 'string' ? job.video_url : undefined),
						fileName: (job) => translationFileName(id, job.output_language),
					},
					{ poll: this.getNodeParameter('waitForCompletion', itemIndex, 'off') === 'webhook' },
				),
			);
		}
		return results;
	},
});
