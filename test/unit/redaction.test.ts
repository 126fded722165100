import { NodeApiError } from 'n8n-workflow';

import { buildApiError, redact } from '../../nodes/shared/errors';
import { assertNoSecrets, SecretLeakError } from '../harness/leak-guard';

const node = {
	id: 'n',
	name: 'N',
	type: 't',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

describe('redaction', () => {
	it('removes every occurrence of every secret', () => {
		expect(redact('key abc12345 and abc12345 again, whsec_zzz9', ['abc12345', 'whsec_zzz9'])).toBe(
			'key [redacted] and [redacted] again, [redacted]',
		);
	});

	it('builds a NodeApiError with no secret in message, description or context', () => {
		const error = buildApiError({
			node,
			serviceName: 'Sync',
			status: 401,
			info: {
				message: 'Key sk-leaky-1234 is invalid',
				code: 'unauthorized',
				detail: 'you sent sk-leaky-1234',
			},
			hint: 'hint',
			requestId: 'req_1',
			itemIndex: 3,
			secrets: ['sk-leaky-1234'],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe('Sync: Key [redacted] is invalid (HTTP 401 unauthorized)');
		expect(error.description).toContain('Request ID: req_1');
		expect(error.description).toContain('Item: 3');
		expect(() => assertNoSecrets(error, 'test')).not.toThrow();
		expect(JSON.stringify(error)).not.toContain('sk-leaky-1234');
	});
});

describe('the leak guard itself', () => {
	it('finds a test key hidden in an error description', () => {
		const error = new Error('boom') as Error & { description?: string };
		error.description = 'header was sync-key-emulator-valid-7f3a9c21';
		expect(() => assertNoSecrets({ nested: [error] }, 'planted')).toThrow(SecretLeakError);
	});
});
