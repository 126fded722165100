/**
 * Synaptiq Trigger: activation registers a webhook (or uses a dashboard secret), the emulator's
 * signed events start it, forged or stale ones are refused with 401; against the Synaptiq emulator.
 */
import { createHmac } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { SynaptiqTrigger } from '../../../nodes/Synaptiq/SynaptiqTrigger.node';
import { TEST_KEYS } from '../../emulators';
import { engineLog } from '../../harness/leak-guard';
import { serveTriggerWebhook } from '../../harness/webhook';
import { nodeRunner, useEmulator } from '../../harness/workflows';
import { leadToCreate } from './fixtures';

const { liveRead, liveWrite, liveAdmin } = TEST_KEYS.synaptiq;
const emulator = useEmulator('synaptiq');
const run = nodeRunner('synaptiq', 'synaptiqApi', emulator, liveAdmin, {
	credentials: { keyScope: 'unknown' },
});
const calls = () => emulator.current.log.filter((entry) => entry.path.startsWith('/api/v1/'));
const createLead = (email: string, extra: INodeParameters = {}) =>
	run(leadToCreate(email, extra), { key: liveWrite });

describe('Synaptiq Trigger', () => {
	async function trigger(key: string, parameters: Record<string, unknown> = {}) {
		return await serveTriggerWebhook({
			type: 'synaptiqTrigger',
			nodeType: new SynaptiqTrigger(),
			parameters: {
				events: ['lead.created', 'lead.qualified'],
				verifySignature: true,
				toleranceSeconds: 300,
				manualSecret: '',
				...parameters,
			},
			credentialType: 'synaptiqApi',
			credentials: { apiKey: key, baseUrl: emulator.current.baseUrl, keyScope: 'unknown' },
		});
	}
	const settle = async (count: number) => {
		const until = Date.now() + 3000;
		while (emulator.current.deliveries.length < count && Date.now() < until)
			await new Promise((resolve) => setTimeout(resolve, 20));
	};

	it('registers itself, receives signed events, and unregisters on deactivation', async () => {
		const hook = await trigger(liveAdmin);
		try {
			expect(await hook.lifecycle('checkExists')).toBe(false);
			expect(await hook.lifecycle('create')).toBe(true);
			const registration = calls().find(
				(entry) => entry.method === 'POST' && entry.path === '/api/v1/webhooks',
			)!;
			const sent = JSON.parse(registration.body) as {
				url: string;
				events: string[];
				secret: string;
			};
			expect(sent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//);
			expect(sent.events).toEqual(['lead.created', 'lead.qualified']);
			expect(sent.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
			// The id and secret are kept in the workflow's static data for the deliveries and for deactivation.
			const registered = JSON.parse(
				calls().find((entry) => entry.path === '/api/v1/webhooks')!.responseBody!,
			) as { id: string };
			expect(JSON.stringify(hook.workflow.staticData)).toContain(sent.secret);
			expect(JSON.stringify(hook.workflow.staticData)).toContain(registered.id);
			expect(await hook.lifecycle('checkExists')).toBe(true);

			const lead = await createLead('ada@example.com');
			await run(
				{
					resource: 'lead',
					operation: 'update',
					leadId: String(lead.items[0].json.id),
					updateFields: { status: 'contacted' },
				},
				{ key: liveWrite },
			);
			await settle(1);
			expect(emulator.current.deliveries).toHaveLength(1);
			expect(emulator.current.deliveries[0].headers['x-synaptiq-signature']).toMatch(
				/^t=\d+,v1=[0-9a-f]{64}$/,
			);
			const started = hook.calls.filter((call) => call.result?.workflowData);
			expect(started).toHaveLength(1);
			expect(started[0].result!.workflowData![0][0].json).toMatchObject({
				type: 'lead.created',
				id: expect.stringMatching(/^evt_/),
				apiVersion: '2026-01-15',
				data: { email: 'ada@example.com' },
			});

			expect(await hook.lifecycle('delete')).toBe(true);
			expect(calls().at(-1)).toMatchObject({
				method: 'DELETE',
				path: expect.stringMatching(/^\/api\/v1\/webhooks\/wh_/),
				status: 200,
			});
			const listed = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
			expect(listed.items).toHaveLength(0);
		} finally {
			await hook.close();
		}
	});

	it('reads the snake_case envelope too', async () => {
		emulator.current.config.snakeCaseEnvelope = true;
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			await createLead('ada@example.com');
			await settle(1);
			const event = hook.calls.find((call) => call.result?.workflowData)!.result!
				.workflowData![0][0].json;
			expect(event).toMatchObject({ type: 'lead.created', createdAt: expect.any(String) });
		} finally {
			await hook.close();
		}
	});

	it('refuses forged, stale and unsigned deliveries with 401', async () => {
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			const secret = (
				JSON.parse(calls().find((entry) => entry.path === '/api/v1/webhooks')!.body) as {
					secret: string;
				}
			).secret;
			const body = JSON.stringify({
				id: 'evt_1',
				type: 'lead.created',
				createdAt: new Date().toISOString(),
				data: {},
			});
			const sign = (t: number, key: string) =>
				`t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
			const now = Math.floor(Date.now() / 1000);
			for (const header of [
				sign(now, 'whsec_forged0000000000000000000000'),
				sign(now - 600, secret),
				undefined,
			]) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(header ? { 'x-synaptiq-signature': header } : {}),
					},
					body,
				});
				expect(response.status).toBe(401);
			}
			const good = await fetch(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-synaptiq-signature': sign(now, secret) },
				body,
			});
			expect(good.status).toBe(200);
			expect(hook.calls.filter((call) => call.result?.workflowData)).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	it.each(['timestamped', 'hex', 'sha256'])(
		'accepts a delivery signed in the %s format',
		async (format) => {
			emulator.current.config.signatureFormat = format;
			const hook = await trigger(liveAdmin);
			try {
				await hook.lifecycle('create');
				await createLead('ada@example.com');
				await settle(1);
				const header = emulator.current.deliveries[0].headers['x-synaptiq-signature'];
				expect(header).toMatch(
					{
						timestamped: /^t=\d+,v1=[0-9a-f]{64}$/,
						hex: /^[0-9a-f]{64}$/,
						sha256: /^sha256=[0-9a-f]{64}$/,
					}[format]!,
				);
				expect(hook.calls[0].status).toBe(200);
				expect(hook.calls.filter((call) => call.result?.workflowData)).toHaveLength(1);
			} finally {
				await hook.close();
			}
		},
	);

	it('says in every 401 why: no header, unknown format, mismatch, too old', async () => {
		const hook = await trigger(liveAdmin);
		try {
			await hook.lifecycle('create');
			const secret = (
				JSON.parse(calls().find((entry) => entry.path === '/api/v1/webhooks')!.body) as {
					secret: string;
				}
			).secret;
			const body = JSON.stringify({
				id: 'evt_3',
				type: 'lead.created',
				createdAt: new Date().toISOString(),
				data: {},
			});
			const hex = (key: string) => createHmac('sha256', key).update(body).digest('hex');
			const stale = Math.floor(Date.now() / 1000) - 600;
			const logged = engineLog.length;
			const cases: Array<[string | undefined, string]> = [
				[undefined, 'no X-Synaptiq-Signature header'],
				[
					'v2:abc',
					'the signature has an unknown format (expected t=…,v1=…, sha256=… or a hex HMAC)',
				],
				[`sha256=${hex('whsec_someoneElse000000000000000000')}`, 'the signature does not match'],
				[
					`t=${stale},v1=${createHmac('sha256', secret).update(`${stale}.${body}`).digest('hex')}`,
					'the delivery is too old (or from the future)',
				],
			];
			for (const [header, reason] of cases) {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(header ? { 'x-synaptiq-signature': header } : {}),
					},
					body,
				});
				expect(response.status).toBe(401);
				const answer = await response.text();
				expect(JSON.parse(answer)).toEqual({ error: `Signature rejected: ${reason}` });
				expect(answer).not.toContain(secret);
			}
			expect(
				engineLog
					.slice(logged)
					.filter((line) => line.message.startsWith('Synaptiq Trigger refused a delivery:'))
					.map((line) => line.message.split(': ').slice(1).join(': ')),
			).toEqual(cases.map(([, reason]) => reason));
		} finally {
			await hook.close();
		}
	});

	it('tells a non-admin user to add the URL in the dashboard', async () => {
		const hook = await trigger(liveWrite);
		try {
			await expect(hook.lifecycle('create')).rejects.toThrow(
				'This Synaptiq key cannot register webhooks (admin scope needed)',
			);
		} finally {
			await hook.close();
		}
	});

	it('with a dashboard secret, verifies with it and registers nothing', async () => {
		const manualSecret = 'whsec_dashboardSecret0123456789abcdef';
		const hook = await trigger(liveRead, { manualSecret });
		try {
			expect(await hook.lifecycle('create')).toBe(true);
			expect(calls()).toHaveLength(0);
			const body = JSON.stringify({
				id: 'evt_2',
				type: 'lead.qualified',
				created_at: '2026-11-22T10:00:00Z',
				data: { lead_id: 'lead_1' },
			});
			const t = Math.floor(Date.now() / 1000);
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-synaptiq-signature': `t=${t},v1=${createHmac('sha256', manualSecret).update(`${t}.${body}`).digest('hex')}`,
				},
				body,
			});
			expect(response.status).toBe(200);
			expect(hook.calls[0].result?.workflowData?.[0][0].json).toEqual({
				id: 'evt_2',
				type: 'lead.qualified',
				createdAt: '2026-11-22T10:00:00Z',
				apiVersion: null,
				data: { lead_id: 'lead_1' },
			});
		} finally {
			await hook.close();
		}
	});
});
