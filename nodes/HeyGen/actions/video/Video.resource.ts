import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getStatuses } from './getStatuses.operation';

export const video = defineResource({
	value: 'video',
	name: 'Video',
	operations: [create, get, getAll, remove, getStatuses],
});
