import { defineResource } from '../../../shared/operation';
import { operation as get } from './get.operation';
import { operation as getUsage } from './getUsage.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	operations: [get, getUsage],
});
