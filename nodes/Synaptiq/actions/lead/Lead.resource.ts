import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as search } from './search.operation';
import { operation as update } from './update.operation';

export const lead = defineResource({
	value: 'lead',
	name: 'Lead',
	operations: [getAll, create, get, update, remove, search],
});
