import { defineResource } from '../../../shared/operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

/** An avatar: a character with its looks (GET /v3/avatars). */
export const avatarGroup = defineResource({
	value: 'avatarGroup',
	name: 'Avatar Group',
	operations: [getAll, get, remove],
});
