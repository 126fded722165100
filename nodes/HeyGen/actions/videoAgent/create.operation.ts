import type { IDataObject } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { idempotencyKeyFor } from '../../../shared/idempotency';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError, stringParameter } from '../../../shared/parameters';
import { heyGenRequest } from '../../helpers';
import { unwrapData } from '../../service';
import { planHeyGenResume } from '../resume.webhook';
import {
	agentLookField,
	agentVoiceField,
	agentWaitFields,
	buildFiles,
	filesField,
	styleLocator,
} from './fields';
import { finishAgentRun } from './wait';

/** POST /v3/video-agents (docs/api/heygen.md §11.2) with an Idempotency-Key. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a video agent session',
	description:
		'Turn one prompt into a finished video: the agent writes the script, picks avatar, voice and layout, and renders (spends credits)',
	properties: [
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 6 },
			required: true,
			default: '',
			placeholder: 'A 60-second explainer about our new budgeting app for busy parents',
			description:
				'The topic, a full script or a scene list, up to 10,000 characters; say the length you want here',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Generate',
					value: 'generate',
					description: 'Runs unattended and approves its own storyboard',
				},
				{
					name: 'Chat',
					value: 'chat',
					description:
						'Multi-turn: the agent may stop to ask or show its storyboard; answer with Send Message. Wait with Poll to get its questions (only a finished video calls back).',
				},
			],
			default: 'generate',
		},
		agentLookField('The avatar look that presents; empty lets the agent choose'),
		agentVoiceField('The voice; empty lets the agent choose'),
		styleLocator(),
		{
			displayName: 'Orientation',
			name: 'orientation',
			type: 'options',
			options: [
				{ name: 'Detect From Content', value: '' },
				{ name: 'Landscape', value: 'landscape' },
				{ name: 'Portrait', value: 'portrait' },
			],
			default: '',
		},
		filesField,
		{
			displayName: 'Options',
			name: 'agentOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Brand Kit ID',
					name: 'brand_kit_id',
					type: 'string',
					default: '',
					description: 'Brand colours, fonts and logos to use',
				},
				{
					displayName: 'Callback ID',
					name: 'callback_id',
					type: 'string',
					default: '',
					description: 'Sent back with the per-session callback, to match it',
				},
				{
					displayName: 'Callback URL',
					name: 'callback_url',
					type: 'string',
					default: '',
					description: 'Gets an (unsigned) POST when the session succeeds or fails',
				},
				{
					displayName: 'Incognito',
					name: 'incognito_mode',
					type: 'boolean',
					default: false,
					description: 'Whether the session neither reads nor stores agent memory',
				},
			],
		},
		...agentWaitFields(true),
	],
	async execute(itemIndex, requestOptions) {
		const prompt = String(this.getNodeParameter('prompt', itemIndex, '') ?? '');
		if (!prompt.trim()) throw fieldError(this, 'Prompt is required', itemIndex);
		if (prompt.length > 10000)
			throw fieldError(
				this,
				`Prompt: HeyGen allows at most 10000 characters (got ${prompt.length})`,
				itemIndex,
			);
		const body: IDataObject = {
			prompt,
			mode: this.getNodeParameter('mode', itemIndex, 'generate'),
		};
		for (const [parameter, field] of [
			['avatarId', 'avatar_id'],
			['voiceId', 'voice_id'],
			['styleId', 'style_id'],
			['orientation', 'orientation'],
		]) {
			const value = stringParameter(this, parameter, itemIndex);
			if (value) body[field] = value;
		}
		const options = this.getNodeParameter('agentOptions', itemIndex, {}) as IDataObject;
		if (options.brand_kit_id) body.brand_kit_id = String(options.brand_kit_id).trim();
		if (options.callback_url)
			body.callback_url = checkUrl(
				this,
				String(options.callback_url),
				'Callback URL',
				itemIndex,
				'public',
			);
		if (options.callback_id) body.callback_id = String(options.callback_id);
		if (options.incognito_mode) body.incognito_mode = true;
		const files = await buildFiles(this, itemIndex);
		if (files) body.files = files;
		const resume = await planHeyGenResume(this, itemIndex, options);
		if (resume) Object.assign(body, resume);
		let created: IDataObject;
		try {
			const response = await heyGenRequest(
				this,
				{
					method: 'POST',
					path: '/v3/video-agents',
					body,
					idempotencyKey: idempotencyKeyFor(this, itemIndex, 'videoAgent'),
					itemIndex,
				},
				requestOptions,
			);
			created = unwrapData<IDataObject>(response.body);
		} catch (error) {
			throw asNodeError(this.getNode(), error);
		}
		return await finishAgentRun(this, itemIndex, created, { resume, requestOptions });
	},
});
