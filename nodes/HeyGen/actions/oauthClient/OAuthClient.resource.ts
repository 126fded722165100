import { defineResource } from '../../../shared/operation';
import { operation as register } from './register.operation';

/** Needs no credential: the node hides Authentication and the credentials for this resource. */
export const oAuthClient = defineResource({
	value: 'oAuthClient',
	name: 'OAuth Client',
	operations: [register],
});
