import { defineResource } from '../../../shared/operation';
import { operation as getCurrent } from './getCurrent.operation';

export const user = defineResource({ value: 'user', name: 'User', operations: [getCurrent] });
