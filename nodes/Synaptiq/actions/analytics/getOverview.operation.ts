import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../../shared/operation';
import { fieldError } from '../../../shared/parameters';
import { synaptiqRequest } from '../../helpers';

const day = (value: string) => new Date(value).toISOString().slice(0, 10);

/** GET /analytics/overview (read): KPIs, an optional comparison, and a time series. */
export const operation = defineOperation({
	value: 'getOverview',
	readOnly: true,
	name: 'Get Overview',
	action: 'Get the analytics overview',
	description: 'Conversations, leads, conversion and a time series (read scope)',
	properties: [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: '30 days ago when empty',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Today when empty',
		},
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
		},
	],
	async execute(itemIndex, requestOptions) {
		const start = this.getNodeParameter('startDate', itemIndex, '') as string;
		const end = this.getNodeParameter('endDate', itemIndex, '') as string;
		for (const [label, value] of [
			['Start Date', start],
			['End Date', end],
		]) {
			if (value && Number.isNaN(Date.parse(value)))
				throw fieldError(this, `${label} is not a date (got "${value}")`, itemIndex);
		}
		if (start && end && Date.parse(start) > Date.parse(end))
			throw fieldError(this, 'Start Date must not be after End Date', itemIndex);
		const compareWith = this.getNodeParameter('compareWith', itemIndex, '') as string;
		const qs: IDataObject = {
			granularity: this.getNodeParameter('granularity', itemIndex, 'day'),
			...(start ? { startDate: day(start) } : {}),
			...(end ? { endDate: day(end) } : {}),
			...(compareWith ? { compareWith } : {}),
		};
		return (
			await synaptiqRequest(
				this,
				'read',
				{ method: 'GET', path: '/analytics/overview', qs, itemIndex },
				requestOptions,
			)
		).body;
	},
});
