/** Synaptiq Analytics operations in n8n-core's engine against the Synaptiq emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { TEST_KEYS } from '../../emulators';
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

describe('Analytics', () => {
	it('gets the overview with dates, granularity and comparison', async () => {
		await createLead('ada@example.com');
		const today = new Date().toISOString().slice(0, 10);
		const result = await run(
			{
				resource: 'analytics',
				operation: 'getOverview',
				startDate: `${today}T00:00:00`,
				endDate: `${today}T00:00:00`,
				granularity: 'week',
				compareWith: 'previous_period',
			},
			{ key: liveRead },
		);
		expect(result.items[0].json).toMatchObject({
			period: { startDate: today, endDate: today },
			summary: { totalLeads: 1 },
			comparison: { totalLeads: 0 },
			timeSeries: [expect.objectContaining({ period: today, leads: 1 })],
		});
		expect(calls().at(-1)?.query).toEqual({
			granularity: 'week',
			startDate: today,
			endDate: today,
			compareWith: 'previous_period',
		});
	});

	it('refuses a start after the end before any request', async () => {
		const result = await run(
			{
				resource: 'analytics',
				operation: 'getOverview',
				startDate: '2026-11-10',
				endDate: '2026-11-01',
				granularity: 'day',
			},
			{ key: liveRead },
		);
		expect(result.error?.message).toBe('Start Date must not be after End Date');
		expect(calls()).toHaveLength(0);
	});
});
