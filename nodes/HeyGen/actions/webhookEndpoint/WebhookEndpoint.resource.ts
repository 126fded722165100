import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getEvents } from './getEvents.operation';
import { operation as getEventTypes } from './getEventTypes.operation';
import { operation as rotateSecret } from './rotateSecret.operation';
import { operation as update } from './update.operation';

export const webhookEndpoint = defineResource({
	value: 'webhookEndpoint',
	name: 'Webhook Endpoint',
	operations: [getAll, create, update, remove, rotateSecret, getEventTypes, getEvents],
});
