import { defineOperation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';

/** A job's terminal states (../shared/api/sync.md §10.1): SUCCESS, not COMPLETED. */
export const TTS_TERMINAL = ['SUCCESS', 'FAILED'];

export const jobPath = (id: string) => `/v2/tts/jobs/${encodeURIComponent(id)}`;

/** GET /v2/tts/jobs/{id}: `{id, status, createdAt, url?, duration?, error?, startedAt?, finishedAt?}`. */
export const operation = defineOperation({
	value: 'getJob',
	readOnly: true,
	name: 'Get Job',
	action: 'Get a text to speech job',
	description:
		'Get an async text to speech job: its status (PENDING, PROCESSING, SUCCESS or FAILED) and audio URL',
	properties: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID Text to Speech → Create Job returned',
		},
	],
	async execute(itemIndex, requestOptions) {
		const id = requiredString(this, 'jobId', 'Job ID', itemIndex);
		return (
			await syncRequest(this, { method: 'GET', path: jobPath(id), itemIndex }, requestOptions)
		).body;
	},
});
