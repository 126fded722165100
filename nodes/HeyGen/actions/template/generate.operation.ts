import type { IDataObject } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields } from '../../../shared/jobWait';
import { defineOperation } from '../../../shared/operation';
import { fieldError, jsonObjectParameter, requiredString } from '../../../shared/parameters';
import { finishVideoJob, heyGenRequest } from '../../helpers';
import { templateLocator } from '../../methods/locators';
import { unwrapData } from '../../service';
import { planHeyGenResume } from '../resume.webhook';

/**
 * POST /v3/templates/{id}: answers a Video object (`data.id`). Text variables are sent in the
 * shape the detail shows for them ({name, type: text, properties: {content}}).
 */
export const operation = defineOperation({
	value: 'generate',
	name: 'Generate',
	action: 'Generate a video from a template',
	description: 'Make a video from a template, its variables filled from the item',
	properties: [
		templateLocator(),
		{
			displayName: 'Variables',
			name: 'variables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add variable',
			default: {},
			description:
				'Text variables by name (use expressions to take them from the item); for others use Variables (JSON)',
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
		{
			displayName: 'Variables (JSON)',
			name: 'variablesJson',
			type: 'json',
			default: '{}',
			description:
				'Variables in the shape Template → Get shows (image, video, audio, character, voice)',
		},
		{
			displayName: 'Generate Options',
			name: 'generateOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{ displayName: 'Callback ID', name: 'callback_id', type: 'string', default: '' },
				{ displayName: 'Callback URL', name: 'callback_url', type: 'string', default: '' },
				{ displayName: 'Captions', name: 'caption', type: 'boolean', default: false },
				{
					displayName: 'FPS',
					name: 'fps',
					type: 'options',
					options: [25, 30, 60].map((value) => ({ name: String(value), value })),
					default: 25,
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			],
		},
		...jobWaitFields({
			offDescription: 'Return the new video at once',
			defaultIntervalSeconds: 30,
			minIntervalSeconds: 5,
			intervalDescription: 'Renders take 5–20+ minutes; every check is a request',
			outputLabel: 'video',
			webhookResume: 'HeyGen',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'templateId', 'Template', itemIndex);
		const variables: IDataObject = {
			...jsonObjectParameter(
				this,
				this.getNodeParameter('variablesJson', itemIndex, '{}'),
				'Variables (JSON)',
				itemIndex,
			),
		};
		for (const variable of ((this.getNodeParameter('variables', itemIndex, {}) as IDataObject)
			.variable as IDataObject[] | undefined) ?? []) {
			const name = String(variable.name ?? '').trim();
			if (!name) throw fieldError(this, 'Variables: every variable needs a name', itemIndex);
			variables[name] = {
				name,
				type: 'text',
				properties: { content: String(variable.text ?? '') },
			};
		}
		if (!Object.keys(variables).length)
			throw fieldError(this, 'Variables: give at least one variable', itemIndex);
		const options = this.getNodeParameter('generateOptions', itemIndex, {}) as IDataObject;
		const resume = await planHeyGenResume(this, itemIndex, options);
		const body = {
			variables,
			...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== '')),
			...resume,
		};
		const response = await heyGenRequest(
			this,
			{
				method: 'POST',
				path: `/v3/templates/${encodeURIComponent(id)}`,
				body,
				idempotencyKey: idempotencyKeyFor(this, itemIndex, 'template'),
				itemIndex,
			},
			requestOptions,
		);
		return await finishVideoJob(
			this,
			itemIndex,
			unwrapData<IDataObject>(response.body),
			resume,
			requestOptions,
		);
	},
});
