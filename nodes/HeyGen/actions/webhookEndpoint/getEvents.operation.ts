import { defineOperation } from '../../../shared/operation';
import { listFields } from '../../../shared/pagination';
import { stringParameter } from '../../../shared/parameters';
import { listAll } from '../../helpers';
import { eventOptions } from './fields';

/** GET /v3/webhooks/events (at most 100 a page), optionally of one event type. */
export const operation = defineOperation({
	value: 'getEvents',
	readOnly: true,
	name: 'Get Events',
	action: 'Get webhook events',
	description: 'Get recent events that were sent',
	properties: [
		...listFields(),
		{
			displayName: 'Event Type',
			name: 'eventTypeFilter',
			type: 'options',
			options: [{ name: 'All', value: '' }, ...eventOptions],
			default: '',
		},
	],
	async execute(itemIndex, requestOptions) {
		const type = stringParameter(this, 'eventTypeFilter', itemIndex);
		return await listAll(
			this,
			'/v3/webhooks/events',
			type ? { event_type: type } : {},
			itemIndex,
			requestOptions,
			100,
		);
	},
});
