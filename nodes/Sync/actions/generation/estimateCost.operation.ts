import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { requireText, syncRequest } from '../../helpers';
import { buildGenerationRequest, generationInputFields, modelField } from './inputs';

const show = { resource: ['generation'], operation: ['estimateCost'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Estimate From',
		name: 'estimateFrom',
		type: 'options',
		options: [
			{ name: 'Inputs', value: 'inputs', description: 'The same inputs as a create; Sync reads the media to measure them' },
			{ name: 'Duration', value: 'duration', description: 'A duration in seconds; no media is fetched' },
		],
		default: 'inputs',
		displayOptions: { show },
	},
	...generationInputFields({ show: { ...show, estimateFrom: ['inputs'] } }, { allowBinary: false }),
	modelField({ show: { ...show, estimateFrom: ['duration'] } }),
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		displayOptions: { show: { ...show, estimateFrom: ['duration'] } },
	},
	{
		displayName: 'Frames per Second',
		name: 'fps',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		displayOptions: { show: { ...show, estimateFrom: ['duration'] } },
	},
];

/**
 * Both estimate forms (§8), normalised to one object: POST /v2/analyze/cost (inputs → array)
 * or POST /v2/generations/estimate (duration → object).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	if (this.getNodeParameter('estimateFrom', itemIndex, 'inputs') === 'duration') {
		const model = requireText(this, 'model', 'Model', itemIndex);
		const duration = Number(this.getNodeParameter('duration', itemIndex));
		if (!(duration > 0)) throw new NodeOperationError(this.getNode(), 'Duration (Seconds) must be above 0', { itemIndex });
		const fps = Number(this.getNodeParameter('fps', itemIndex, 30));
		const response = await syncRequest(this, { method: 'POST', path: '/v2/generations/estimate', body: { model, duration, fps }, itemIndex }, transport);
		return { estimatedFrameCount: null, estimatedGenerationCost: null, estimatedCredits: null, ...response.body, model, source: 'duration' };
	}
	const request = await buildGenerationRequest(this, itemIndex, transport, { allowBinary: false });
	const response = await syncRequest<IDataObject[] | IDataObject>(this, { method: 'POST', path: '/v2/analyze/cost', body: request.body, itemIndex }, transport);
	const estimate = (Array.isArray(response.body) ? response.body[0] : response.body) ?? {};
	return { estimatedFrameCount: null, estimatedGenerationCost: null, estimatedCredits: null, ...estimate, model: request.body.model, source: 'inputs' };
}
