import { defineResource } from '../../../shared/operation';
import { operation as sendMessage } from './sendMessage.operation';

export const chat = defineResource({ value: 'chat', name: 'Chat', operations: [sendMessage] });
