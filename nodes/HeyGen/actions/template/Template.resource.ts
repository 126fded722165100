import { defineResource } from '../../../shared/operation';
import { operation as generate } from './generate.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

export const template = defineResource({
	value: 'template',
	name: 'Template',
	operations: [generate, get, getAll],
});
