import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/idempotency';
import { jobWaitFields, waitForJob } from '../../../shared/jobWait';
import { asNodeError } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { syncRequest } from '../../helpers';
import { audioFileName, speechBody, speechFields } from './fields';
import { jobPath, TTS_TERMINAL } from './getJob.operation';

/**
 * POST /v2/tts/jobs (../shared/api/sync.md §10.1) with an Idempotency-Key: `202` and a job that ends
 * in SUCCESS (not COMPLETED) or FAILED; optionally waits and downloads the audio.
 */
export const operation = defineOperation({
	value: 'createJob',
	name: 'Create Job',
	action: 'Create a text to speech job',
	description:
		'Start speaking a script in the background (async text to speech, being rolled out per organization) and optionally wait for the audio',
	properties: [
		...speechFields,
		...jobWaitFields({
			offDescription: 'Return the new job (PENDING) at once',
			// Sync answers a running job with Retry-After: 3.
			defaultIntervalSeconds: 3,
			minIntervalSeconds: 0,
			intervalDescription: 'Time between status checks (Sync suggests 3 s)',
			outputLabel: 'audio',
		}),
	],
	async execute(itemIndex, requestOptions) {
		const body = speechBody(this, itemIndex);
		let job: IDataObject;
		try {
			job = (
				await syncRequest(
					this,
					{
						method: 'POST',
						path: '/v2/tts/jobs',
						body,
						idempotencyKey: idempotencyKeyFor(this, itemIndex, 'tts-job'),
						itemIndex,
					},
					requestOptions,
				)
			).body;
		} catch (error) {
			const status = String((error as { httpCode?: unknown }).httpCode ?? '');
			if (status === '503' && error instanceof Error) {
				(error as { description?: string }).description = [
					'Async text to speech may not be enabled for your organization yet: use Text to Speech → Create (synchronous) instead.',
					(error as { description?: string }).description,
				]
					.filter(Boolean)
					.join('\n');
			}
			throw asNodeError(this.getNode(), error);
		}
		const label = `Sync text-to-speech job ${String(job.id)}`;
		return await waitForJob(this, itemIndex, job, {
			serviceName: 'Sync',
			jobLabel: label,
			getLaterHint: 'Text to Speech → Get Job',
			fetch: async () =>
				(
					await syncRequest(
						this,
						{ method: 'GET', path: jobPath(String(job.id)), itemIndex },
						requestOptions,
					)
				).body,
			statusOf: (current) => current.status as string | undefined,
			terminal: TTS_TERMINAL,
			succeeded: (current) => current.status === 'SUCCESS',
			failure: (current) =>
				new NodeOperationError(
					this.getNode(),
					`${label} failed: ${String(current.error ?? 'no reason given')}`,
					{ itemIndex, description: `Job ID: ${String(current.id)}` },
				),
			outputUrl: (current) => current.url as string | undefined,
			fileName: (current) => audioFileName(current.id),
		});
	},
});
