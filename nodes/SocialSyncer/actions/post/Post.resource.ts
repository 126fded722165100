import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as retry } from './retry.operation';
import { operation as update } from './update.operation';

export const post = defineResource({
	value: 'post',
	name: 'Post',
	operations: [create, get, getAll, update, remove, retry],
});
