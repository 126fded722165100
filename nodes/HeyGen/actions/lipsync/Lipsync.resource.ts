import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as createBatch } from './createBatch.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getBatch } from './getBatch.operation';
import { operation as getStatuses } from './getStatuses.operation';
import { operation as rename } from './rename.operation';

export const lipsync = defineResource({
	value: 'lipsync',
	name: 'Lipsync',
	operations: [create, get, getAll, rename, remove, getStatuses, createBatch, getBatch],
});
