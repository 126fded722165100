import { defineResource } from '../../../shared/operation';
import { operation as upload } from './upload.operation';

export const media = defineResource({ value: 'media', name: 'Media', operations: [upload] });
