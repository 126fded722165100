import { defineResource } from '../../../shared/operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as upload } from './upload.operation';

export const asset = defineResource({
	value: 'asset',
	name: 'Asset',
	operations: [upload, get, getAll, remove],
});
