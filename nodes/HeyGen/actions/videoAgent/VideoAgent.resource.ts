import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getResource } from './getResource.operation';
import { operation as getStyles } from './getStyles.operation';
import { operation as getVideos } from './getVideos.operation';
import { operation as sendMessage } from './sendMessage.operation';
import { operation as stop } from './stop.operation';

/** HeyGen's Video Agent: prompt → finished video (docs/api/heygen.md §11). */
export const videoAgent = defineResource({
	value: 'videoAgent',
	name: 'Video Agent',
	operations: [create, get, getAll, sendMessage, stop, getVideos, getResource, getStyles],
});
