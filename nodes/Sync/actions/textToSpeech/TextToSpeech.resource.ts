import { defineResource } from '../../../shared/operation';
import { operation as create } from './create.operation';
import { operation as createJob } from './createJob.operation';
import { operation as getJob } from './getJob.operation';

export const textToSpeech = defineResource({
	value: 'textToSpeech',
	name: 'Text to Speech',
	operations: [create, createJob, getJob],
});
