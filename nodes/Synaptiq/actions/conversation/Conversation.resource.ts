import { defineResource } from '../../../shared/operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getMessages } from './getMessages.operation';

export const conversation = defineResource({
	value: 'conversation',
	name: 'Conversation',
	operations: [getAll, get, getMessages],
});
