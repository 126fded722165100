import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { fieldError, requiredString } from '../../../shared/parameters';
import { modelLocator } from '../../methods/locators';
import { syncRequest } from '../../helpers';
import { generationInputFields } from './fields';
import { buildGenerationRequest } from './request';

const fromDuration = { show: { estimateFrom: ['duration'] } };
const EMPTY_ESTIMATE = {
	estimatedFrameCount: null,
	estimatedGenerationCost: null,
	estimatedCredits: null,
};

/**
 * Both estimate forms Sync has, normalised to one object: POST /v2/analyze/cost (inputs → array)
 * or POST /v2/generations/estimate (duration → object).
 */
export const operation = defineOperation({
	value: 'estimateCost',
	readOnly: true,
	name: 'Estimate Cost',
	action: 'Estimate the cost of a lip-sync generation',
	description: 'Estimate the price before creating',
	properties: [
		{
			displayName: 'Estimate From',
			name: 'estimateFrom',
			type: 'options',
			options: [
				{
					name: 'Inputs',
					value: 'inputs',
					description: 'The same inputs as a create; Sync reads the media to measure them',
				},
				{
					name: 'Duration',
					value: 'duration',
					description: 'A duration in seconds; no media is fetched',
				},
			],
			default: 'inputs',
		},
		...generationInputFields({ allowBinary: false, when: { estimateFrom: ['inputs'] } }),
		{ ...modelLocator(), displayOptions: fromDuration },
		{
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10,
			displayOptions: fromDuration,
		},
		{
			displayName: 'Frames per Second',
			name: 'fps',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			displayOptions: fromDuration,
		},
	],
	async execute(itemIndex, requestOptions) {
		if (this.getNodeParameter('estimateFrom', itemIndex, 'inputs') === 'duration') {
			const model = requiredString(this, 'model', 'Model', itemIndex);
			const duration = Number(this.getNodeParameter('duration', itemIndex));
			if (!(duration > 0)) throw fieldError(this, 'Duration (Seconds) must be above 0', itemIndex);
			const fps = Number(this.getNodeParameter('fps', itemIndex, 30));
			const response = await syncRequest(
				this,
				{
					method: 'POST',
					path: '/v2/generations/estimate',
					body: { model, duration, fps },
					itemIndex,
				},
				requestOptions,
			);
			return { ...EMPTY_ESTIMATE, ...response.body, model, source: 'duration' };
		}
		const request = await buildGenerationRequest(this, itemIndex, requestOptions, {
			allowBinary: false,
		});
		const response = await syncRequest<IDataObject[] | IDataObject>(
			this,
			{ method: 'POST', path: '/v2/analyze/cost', body: request.body, itemIndex },
			requestOptions,
		);
		const estimate = (Array.isArray(response.body) ? response.body[0] : response.body) ?? {};
		return { ...EMPTY_ESTIMATE, ...estimate, model: request.body.model, source: 'inputs' };
	},
});
