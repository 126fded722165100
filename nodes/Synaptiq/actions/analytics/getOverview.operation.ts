import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportOptions } from '../../../shared/transport';
import { synaptiqRequest } from '../../helpers';

const show = { resource: ['analytics'], operation: ['getOverview'] };

export const description: INodeProperties[] = [
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: '30 days ago when empty', displayOptions: { show } },
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Today when empty', displayOptions: { show } },
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Week', value: 'week' },
			{ name: 'Month', value: 'month' },
		],
		default: 'day',
		displayOptions: { show },
	},
	{
		displayName: 'Compare With',
		name: 'compareWith',
		type: 'options',
		options: [
			{ name: 'Nothing', value: '' },
			{ name: 'Previous Period', value: 'previous_period' },
			{ name: 'Previous Year', value: 'previous_year' },
		],
		default: '',
		displayOptions: { show },
	},
];

const day = (value: string) => new Date(value).toISOString().slice(0, 10);

/** GET /analytics/overview (read): KPIs, an optional comparison, and a time series. */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: TransportOptions): Promise<IDataObject> {
	const start = this.getNodeParameter('startDate', itemIndex, '') as string;
	const end = this.getNodeParameter('endDate', itemIndex, '') as string;
	for (const [label, value] of [['Start Date', start], ['End Date', end]]) {
		if (value && Number.isNaN(Date.parse(value))) throw new NodeOperationError(this.getNode(), `${label} is not a date (got "${value}")`, { itemIndex });
	}
	if (start && end && Date.parse(start) > Date.parse(end)) throw new NodeOperationError(this.getNode(), 'Start Date must not be after End Date', { itemIndex });
	const compareWith = this.getNodeParameter('compareWith', itemIndex, '') as string;
	const qs: IDataObject = {
		granularity: this.getNodeParameter('granularity', itemIndex, 'day'),
		...(start ? { startDate: day(start) } : {}),
		...(end ? { endDate: day(end) } : {}),
		...(compareWith ? { compareWith } : {}),
	};
	return (await synaptiqRequest(this, 'read', { method: 'GET', path: '/analytics/overview', qs, itemIndex }, transport)).body;
}
