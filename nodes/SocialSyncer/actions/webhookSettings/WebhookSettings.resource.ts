import { defineResource } from '../../../shared/operation';
import { operation as clear } from './clear.operation';
import { operation as get } from './get.operation';
import { operation as set } from './set.operation';

export const webhookSettings = defineResource({
	value: 'webhookSettings',
	name: 'Webhook Setting',
	operations: [get, set, clear],
});
