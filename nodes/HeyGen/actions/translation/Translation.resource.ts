import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { returnAllAndLimit } from '../../../shared/pagination';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, idField, listAll, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';

const create = { resource: ['videoTranslation'], operation: ['create'] };

export const translationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['videoTranslation'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Translate a video into one or more languages (one job per language)', action: 'Create a video translation' },
			{ name: 'Delete', value: 'delete', description: 'Delete a translation', action: 'Delete a video translation' },
			{ name: 'Get', value: 'get', description: 'Get a translation and its result', action: 'Get a video translation' },
			{ name: 'List', value: 'list', description: 'List translations', action: 'List video translations' },
			{ name: 'Rename', value: 'rename', description: 'Change the title', action: 'Rename a video translation' },
		],
		default: 'create',
	},
	idField('videoTranslation', ['get', 'rename', 'delete'], 'translationId', 'Translation ID'),
	{ displayName: 'Title', name: 'newTitle', type: 'string', required: true, default: '', displayOptions: { show: { resource: ['videoTranslation'], operation: ['rename'] } } },
	...returnAllAndLimit('videoTranslation', 'list', 1000, 20),
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
	...jobWaitFields(create, {
		offDescription: 'Return the translation IDs at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Translations take minutes; every check is a request',
		outputLabel: 'translated video',
	}),
];

/** POST /v3/video-translations: one job per language, so one output item per language. */
export async function createTranslation(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData[]> {
	const url = requiredString(this, 'videoUrl', 'Video URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), 'Video URL must be a public http(s) URL', { itemIndex });
	const languages = this.getNodeParameter('outputLanguages', itemIndex, []) as string[];
	if (!languages.length) throw new NodeOperationError(this.getNode(), 'Output Languages: choose at least one language', { itemIndex });
	const options = this.getNodeParameter('translationOptions', itemIndex, {}) as IDataObject;
	const body = { video: { type: 'url', url }, output_languages: languages, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== '')) };
	const created = unwrapData<{ video_translation_ids: string[] }>(
		(await heyGenRequest(this, { method: 'POST', path: '/v3/video-translations', body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'translation'), itemIndex }, transport)).body,
	);
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
				failure: (job) => new NodeOperationError(this.getNode(), `HeyGen translation ${id} (${String(job.output_language)}) failed: ${String(job.failure_message ?? 'no reason given')}`, { itemIndex }),
				outputUrl: (job) => (typeof job.video_url === 'string' ? job.video_url : undefined),
				fileName: (job) => `${id}-${String(job.output_language ?? 'translation').replace(/[^A-Za-z0-9]+/g, '_')}.mp4`,
			}),
		);
	}
	return results;
}

export async function get(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	return await heyGenGet(this, `/v3/video-translations/${encodeURIComponent(requiredString(this, 'translationId', 'Translation ID', itemIndex))}`, itemIndex, transport);
}

export async function list(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	return await listAll(this, '/v3/video-translations', {}, itemIndex, transport, 100);
}

export async function rename(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
	const title = requiredString(this, 'newTitle', 'Title', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'PATCH', path: `/v3/video-translations/${encodeURIComponent(id)}`, body: { title }, itemIndex }, transport)).body);
}

export async function remove(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'translationId', 'Translation ID', itemIndex);
	return unwrapData<IDataObject>((await heyGenRequest(this, { method: 'DELETE', path: `/v3/video-translations/${encodeURIComponent(id)}`, itemIndex }, transport)).body);
}
