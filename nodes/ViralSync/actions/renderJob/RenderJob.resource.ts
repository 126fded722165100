import { defineResource } from '../../../shared/operation';
import { operation as cancel } from './cancel.operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

export const renderJob = defineResource({
	value: 'renderJob',
	name: 'Render Job',
	operations: [create, get, getAll, cancel, remove],
});
