import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as update } from './update.operation';

export const videoTranslation = defineResource({
	value: 'videoTranslation',
	name: 'Video Translation',
	operations: [create, get, getAll, update, remove],
});
