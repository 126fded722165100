import { defineResource } from '../../../shared/operation';
import { operation as createDigitalTwin } from './createDigitalTwin.operation';
import { operation as createFromPrompt } from './createFromPrompt.operation';
import { operation as createPhoto } from './createPhoto.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as update } from './update.operation';

/** A look: an outfit or pose of an avatar; its ID is the `avatar_id` a video is made with. */
export const avatarLook = defineResource({
	value: 'avatarLook',
	name: 'Avatar Look',
	operations: [getAll, get, createPhoto, createDigitalTwin, createFromPrompt, update, remove],
});
