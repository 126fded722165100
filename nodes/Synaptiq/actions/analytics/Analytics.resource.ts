import { defineResource } from '../../../shared/operation';
import { operation as getOverview } from './getOverview.operation';

export const analytics = defineResource({
	value: 'analytics',
	name: 'Analytics',
	operations: [getOverview],
});
