import { defineResource } from '../../../shared/operation';
import { operation as getAll } from './getAll.operation';

export const model = defineResource({ value: 'model', name: 'Model', operations: [getAll] });
