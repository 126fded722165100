import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

export const lipsync = defineResource({
	value: 'lipsync',
	name: 'Lipsync',
	operations: [create, get, getAll],
});
