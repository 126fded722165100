import { defineResource } from '../../../shared/operation';
import { operation as completeConnection } from './completeConnection.operation';
import { operation as disconnect } from './disconnect.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getConnectUrl } from './getConnectUrl.operation';
import { operation as getHealth } from './getHealth.operation';

export const account = defineResource({
	value: 'account',
	name: 'Account',
	operations: [getAll, getHealth, disconnect, getConnectUrl, completeConnection],
});
