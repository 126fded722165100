import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as getAll } from './getAll.operation';

export const webhook = defineResource({
	value: 'webhook',
	name: 'Webhook',
	operations: [create, getAll, remove],
});
