import { defineResource } from '../../../shared/operation';
import { operation as count } from './count.operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as estimateCost } from './estimateCost.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getDownloadUrl } from './getDownloadUrl.operation';

export const generation = defineResource({
	value: 'generation',
	name: 'Generation',
	operations: [create, get, getAll, count, remove, getDownloadUrl, estimateCost],
});
