import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scoped } from '../../../shared/operation';
import { jobWaitFields } from '../../../shared/jobWait';
import type { TransportOptions } from '../../../shared/transport';
import { finishVideoJob, heyGenRequest, idempotencyKeyFor, requiredString } from '../../helpers';
import { unwrapData } from '../../transport';
import { planHeyGenResume } from '../resume.webhook';

const generate = { resource: ['template'], operation: ['generate'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add variable',
		default: {},
		description: 'Text variables by name (use expressions to take them from the item); for others use Variables (JSON)',
		displayOptions: { show: generate },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Variables (JSON)', name: 'variablesJson', type: 'json', default: '{}', description: 'Variables in the shape Template → Get shows (image, video, audio, character, voice)', displayOptions: { show: generate } },
	{
		displayName: 'Generate Options',
		name: 'generateOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: generate },
		options: [
			{ displayName: 'Callback ID', name: 'callback_id', type: 'string', default: '' },
			{ displayName: 'Callback URL', name: 'callback_url', type: 'string', default: '' },
			{ displayName: 'Captions', name: 'caption', type: 'boolean', default: false },
			{ displayName: 'FPS', name: 'fps', type: 'options', options: [25, 30, 60].map((value) => ({ name: String(value), value })), default: 25 },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	...scoped(generate, jobWaitFields({
		offDescription: 'Return the new video at once',
		defaultIntervalSeconds: 30,
		minIntervalSeconds: 5,
		intervalDescription: 'Renders take 5–20+ minutes; every check is a request',
		outputLabel: 'video',
		webhookResume: 'HeyGen',
	})),
];

/**
 * POST /v3/templates/{id}: answers a Video object (`data.id`). Text variables are sent in the
 * shape the detail shows for them ({name, type: text, properties: {content}}).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<INodeExecutionData> {
	const id = requiredString(this, 'templateId', 'Template ID', itemIndex);
	const variables: IDataObject = {};
	const rawJson = this.getNodeParameter('variablesJson', itemIndex, '{}');
	try {
		Object.assign(variables, typeof rawJson === 'string' ? (JSON.parse(rawJson || '{}') as IDataObject) : rawJson);
	} catch {
		throw new NodeOperationError(this.getNode(), 'Variables (JSON) is not valid JSON', { itemIndex });
	}
	for (const variable of ((this.getNodeParameter('variables', itemIndex, {}) as IDataObject).variable as IDataObject[] | undefined) ?? []) {
		const name = String(variable.name ?? '').trim();
		if (!name) throw new NodeOperationError(this.getNode(), 'Variables: every variable needs a name', { itemIndex });
		variables[name] = { name, type: 'text', properties: { content: String(variable.text ?? '') } };
	}
	if (!Object.keys(variables).length) throw new NodeOperationError(this.getNode(), 'Variables: give at least one variable', { itemIndex });
	const options = this.getNodeParameter('generateOptions', itemIndex, {}) as IDataObject;
	const resume = await planHeyGenResume(this, itemIndex, options);
	const body = { variables, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== '')), ...resume };
	const video = unwrapData<IDataObject>((await heyGenRequest(this, { method: 'POST', path: `/v3/templates/${encodeURIComponent(id)}`, body, idempotencyKey: idempotencyKeyFor(this, itemIndex, 'template'), itemIndex }, transport)).body);
	return await finishVideoJob(this, itemIndex, video, resume, transport);
}
