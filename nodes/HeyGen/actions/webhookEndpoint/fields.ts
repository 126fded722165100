/** Fields several Webhook Endpoint operations share. */
import type { INodeProperties } from 'n8n-workflow';

import { EVENT_TYPES } from '../../service';

export const eventOptions = EVENT_TYPES.map((event) => ({ name: event, value: event }));

export const endpointIdField: INodeProperties = {
	displayName: 'Endpoint ID',
	name: 'endpointId',
	type: 'string',
	required: true,
	default: '',
};
