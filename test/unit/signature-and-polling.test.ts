import { createHmac } from 'node:crypto';

import { JobWaitTimeoutError, pollUntilTerminal } from '../../nodes/shared/polling';
import {
	hexEqual,
	verifyBodySignature,
	verifyTimestampedSignature,
} from '../../nodes/shared/signature';

const secret = 'whsec_unit_test_secret';
const body = Buffer.from('{"id":"gen_1","status":"COMPLETED"}');
const hex = (payload: Buffer | string) =>
	createHmac('sha256', secret).update(payload).digest('hex');

describe('body signatures', () => {
	it('accepts the hex HMAC of the raw body, bare or sha256=-prefixed, any case', () => {
		expect(verifyBodySignature(secret, body, hex(body))).toBe(true);
		expect(verifyBodySignature(secret, body, `sha256=${hex(body)}`)).toBe(true);
		expect(verifyBodySignature(secret, body, hex(body).toUpperCase())).toBe(true);
	});

	it('rejects another body, another secret, a truncated or missing signature', () => {
		expect(verifyBodySignature(secret, Buffer.from(`${body} `), hex(body))).toBe(false);
		expect(verifyBodySignature('whsec_other', body, hex(body))).toBe(false);
		expect(verifyBodySignature(secret, body, hex(body).slice(0, 63))).toBe(false);
		expect(verifyBodySignature(secret, body, undefined)).toBe(false);
		expect(verifyBodySignature('', body, hex(body))).toBe(false);
	});

	it('compares only same-length hex', () => {
		expect(hexEqual('abcd', 'abcd')).toBe(true);
		expect(hexEqual('abcd', 'abzz')).toBe(false);
		expect(hexEqual('abcd', 'abcdef')).toBe(false);
	});
});

describe('timestamped signatures (t=…,v1=…)', () => {
	const now = 1_795_000_000;
	const header = (t: number, payload = body) =>
		`t=${t},v1=${hex(Buffer.concat([Buffer.from(`${t}.`), payload]))}`;

	it('accepts a fresh, matching signature', () => {
		expect(verifyTimestampedSignature(secret, body, header(now - 10), 300, now)).toEqual({
			valid: true,
		});
	});

	it('accepts any of several v1 values (secret rotation)', () => {
		expect(
			verifyTimestampedSignature(secret, body, `${header(now)},v1=${'0'.repeat(64)}`, 300, now)
				.valid,
		).toBe(true);
	});

	it.each([
		['too old', () => header(now - 301), 'too old'],
		['from the future', () => header(now + 301), 'in the future'],
		['another body', () => header(now, Buffer.from('{}')), 'does not match'],
		['malformed', () => 'v1=abc', 'malformed'],
		['missing', () => undefined, 'missing'],
	])('rejects a signature %s', (_case, make, reason) => {
		const result = verifyTimestampedSignature(secret, body, make(), 300, now);
		expect(result.valid).toBe(false);
		expect(result.reason).toContain(reason);
	});
});

describe('pollUntilTerminal', () => {
	it('polls until a terminal status, treating unknown statuses as running', async () => {
		const states = ['PENDING', 'SOMETHING_NEW', 'PROCESSING', 'COMPLETED'];
		let calls = 0;
		const result = await pollUntilTerminal({
			fetch: async () => ({ status: states[calls++] }),
			statusOf: (job) => job.status,
			terminal: ['COMPLETED', 'FAILED'],
			intervalMs: 20,
			timeoutMs: 5_000,
		});
		expect(result.job.status).toBe('COMPLETED');
		expect(result.polls).toBe(4);
	});

	it('gives up at the timeout with the last status', async () => {
		const promise = pollUntilTerminal({
			fetch: async () => ({ status: 'PROCESSING' }),
			statusOf: (job) => job.status,
			terminal: ['COMPLETED'],
			intervalMs: 30,
			timeoutMs: 100,
		});
		await expect(promise).rejects.toBeInstanceOf(JobWaitTimeoutError);
		await expect(promise).rejects.toThrow('still "PROCESSING"');
	});

	it('stops when the execution is cancelled', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 50);
		const started = Date.now();
		await expect(
			pollUntilTerminal({
				fetch: async () => ({ status: 'PROCESSING' }),
				statusOf: (job) => job.status,
				terminal: ['COMPLETED'],
				intervalMs: 10_000,
				timeoutMs: 60_000,
				signal: controller.signal,
			}),
		).rejects.toThrow('cancelled');
		expect(Date.now() - started).toBeLessThan(1_000);
	});
});
