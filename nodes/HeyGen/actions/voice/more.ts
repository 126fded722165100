/** Voice operations that create or remove: speech, design, clone, delete. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../../shared/binary';
import { rethrowUnlessApiStatus } from '../../../shared/errors';
import { scoped } from '../../../shared/operation';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import type { TransportOptions } from '../../../shared/transport';
import { heyGenGet, heyGenRequest, idempotencyKeyFor, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';
import { uploadAsset } from '../asset/Asset.resource';

const on = (operation: string) => ({ show: { resource: ['voice'], operation: [operation] } });

export const voiceMoreDescription: INodeProperties[] = [
	{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description: 'Up to 5,000 characters', displayOptions: on('generateSpeech') },
	{
		displayName: 'Voice Name or ID',
		name: 'speechVoiceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVoices' },
		required: true,
		default: '',
		description: 'Must support the starfish engine. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: on('generateSpeech'),
	},
	{ displayName: 'Speed', name: 'speed', type: 'number', typeOptions: { minValue: 0.5, maxValue: 2, numberPrecision: 2 }, default: 1, displayOptions: on('generateSpeech') },
	{ displayName: 'Output Binary Property', name: 'speechBinaryProperty', type: 'string', default: 'data', displayOptions: on('generateSpeech') },
	{ displayName: 'Prompt', name: 'prompt', type: 'string', required: true, default: '', placeholder: 'A warm, calm narrator with a British accent', displayOptions: on('design') },
	{ displayName: 'Voice Name', name: 'voiceName', type: 'string', required: true, default: '', displayOptions: on('clone') },
	{
		displayName: 'Sample From',
		name: 'sampleFrom',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary' },
			{ name: 'URL', value: 'url' },
		],
		default: 'binary',
		displayOptions: on('clone'),
	},
	{ displayName: 'Sample Binary Property', name: 'sampleBinaryProperty', type: 'string', default: 'data', displayOptions: { show: { resource: ['voice'], operation: ['clone'], sampleFrom: ['binary'] } } },
	{ displayName: 'Sample URL', name: 'sampleUrl', type: 'string', default: '', displayOptions: { show: { resource: ['voice'], operation: ['clone'], sampleFrom: ['url'] } } },
	...scoped({ resource: ['voice'], operation: ['clone'] }, jobWaitFields({ offDescription: 'Return the clone ID at once', defaultIntervalSeconds: 10, minIntervalSeconds: 1, intervalDescription: 'Time between status checks', outputLabel: 'preview' })),
];

/** POST /v3/voices/speech (synchronous TTS), then the audio into the item's binary data. */
export async function generateSpeech(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const text = requiredString(this, 'text', 'Text', itemIndex);
	if (text.length > 5000) throw new NodeOperationError(this.getNode(), `Text is ${text.length} characters; HeyGen allows at most 5000`, { itemIndex });
	const voiceId = requiredString(this, 'speechVoiceId', 'Voice', itemIndex);
	const speed = this.getNodeParameter('speed', itemIndex, 1) as number;
	const speech = unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path: '/v3/voices/speech', body: { text, voice_id: voiceId, ...(speed !== 1 ? { speed } : {}) }, itemIndex }, transport)).body);
	const property = this.getNodeParameter('speechBinaryProperty', itemIndex, 'data') as string;
	const audio = await downloadToBinary(this, String(speech.audio_url), { fileName: 'speech.mp3', itemIndex, serviceName: 'HeyGen' });
	return { json: speech, binary: { [property]: audio } };
}

/** POST /v3/voices: up to three voices matching a description. */
export async function design(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject[]> {
	const prompt = requiredString(this, 'prompt', 'Prompt', itemIndex);
	const found = unwrapData<{ voices?: IDataObject[] }>((await heyGenRequest(this, { method: 'POST', path: '/v3/voices', body: { prompt }, itemIndex }, transport)).body);
	return found.voices ?? [];
}

/** POST /v3/voices/clone from an uploaded sample or a URL; optionally waits until the clone is `complete`. */
export async function clone(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const name = requiredString(this, 'voiceName', 'Voice Name', itemIndex);
	let audio: IDataObject;
	if (this.getNodeParameter('sampleFrom', itemIndex, 'binary') === 'url') {
		audio = { type: 'url', url: requiredString(this, 'sampleUrl', 'Sample URL', itemIndex) };
	} else {
		const property = requiredString(this, 'sampleBinaryProperty', 'Sample Binary Property', itemIndex);
		audio = { type: 'asset_id', asset_id: (await uploadAsset(this, itemIndex, property, transport, 'Sample Binary Property')).asset_id };
	}
	const created = unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path: '/v3/voices/clone', body: { voice_name: name, audio }, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'clone'), itemIndex }, transport)).body);
	const id = String(created.voice_clone_id);
	return await waitForJob(this, itemIndex, { ...created, voice_id: id }, {
		serviceName: 'HeyGen',
		jobLabel: `HeyGen voice clone ${id}`,
		getLaterHint: 'Voice → Get',
		fetch: async () => await heyGenGet(this, `/v3/voices/${id}`, itemIndex, transport),
		statusOf: (voice) => voice.status as string | undefined,
		// §3: a clone ends as `complete` (no "d") or `failed`.
		terminal: ['complete', 'failed'],
		succeeded: (voice) => voice.status === 'complete',
		failure: (voice) => new NodeOperationError(this.getNode(), `HeyGen voice clone ${id} failed: ${String(voice.failure_message ?? 'no reason given')}`, { itemIndex }),
		outputUrl: (voice) => (typeof voice.preview_audio_url === 'string' ? voice.preview_audio_url : undefined),
		fileName: () => `${id}.mp3`,
	});
}

/** DELETE /v3/voices/{id}; already deleted (404 voice_not_found) counts as done (§2.2). */
export async function remove(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const id = requiredString(this, 'voiceId', 'Voice ID', itemIndex);
	try {
		await heyGenRequest(this, { method: 'DELETE', path: `/v3/voices/${encodeURIComponent(id)}`, itemIndex }, transport);
	} catch (error) {
		rethrowUnlessApiStatus(error, 404);
		return { voice_id: id, deleted: true, alreadyDeleted: true };
	}
	return { voice_id: id, deleted: true };
}
