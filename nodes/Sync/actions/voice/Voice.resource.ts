import { defineResource } from '../../../shared/operation';
import { operation as clone } from './clone.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

export const voice = defineResource({
	value: 'voice',
	name: 'Voice',
	operations: [getAll, get, clone, remove],
});
