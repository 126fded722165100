import { buildMultipart, textPart } from '../../../shared/multipart';
import { defineOperation } from '../../../shared/operation';
import { checkUrl, fieldError } from '../../../shared/parameters';
import { syncRequest } from '../../helpers';

/** POST /v2/batch from all input items (JSON rows) or a JSONL file (multipart); runs once for all items. */
export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a batch',
	description: 'Create one batch of 20–500 generations (Scale plan or higher)',
	aggregate: true,
	properties: [
		{
			displayName: 'Rows From',
			name: 'rowsFrom',
			type: 'options',
			options: [
				{
					name: 'Incoming Items',
					value: 'items',
					description:
						"Each item is one row: a full JSONL line {request_id, endpoint, payload}, or a create payload whose request_id is the item's position",
				},
				{
					name: 'JSONL File',
					value: 'jsonl',
					description: 'A .jsonl binary file of the first item, one line per generation',
				},
			],
			default: 'items',
		},
		{
			displayName: 'JSONL Binary Property',
			name: 'jsonlBinaryProperty',
			type: 'string',
			default: 'data',
			displayOptions: { show: { rowsFrom: ['jsonl'] } },
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only validate the rows (nothing is created or billed)',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			description: 'HTTPS URL Sync calls when the batch ends',
		},
	],
	async execute(_itemIndex, requestOptions) {
		const dryRun = this.getNodeParameter('dryRun', 0, false) as boolean;
		const webhookUrl = (this.getNodeParameter('webhookUrl', 0, '') as string).trim();
		if (webhookUrl)
			checkUrl(this, webhookUrl, 'Webhook URL', 0, 'https', 'Sync only calls HTTPS webhooks.');

		if (this.getNodeParameter('rowsFrom', 0, 'items') === 'jsonl') {
			const property = this.getNodeParameter('jsonlBinaryProperty', 0, 'data') as string;
			let data;
			try {
				data = this.helpers.assertBinaryData(0, property);
			} catch {
				throw fieldError(
					this,
					`JSONL Binary Property: the first item has no binary data "${property}"`,
					0,
				);
			}
			const multipart = buildMultipart([
				{
					name: 'input',
					fileName: data.fileName ?? 'batch.jsonl',
					contentType: 'application/jsonl',
					data: await this.helpers.getBinaryDataBuffer(0, property),
				},
				...(webhookUrl ? [textPart('webhook_url', webhookUrl)] : []),
				textPart('dry_run', dryRun ? 'true' : 'false'),
			]);
			const response = await syncRequest(
				this,
				{
					method: 'POST',
					path: '/v2/batch',
					rawBody: multipart.body,
					contentType: multipart.contentType,
				},
				requestOptions,
			);
			return response.body;
		}

		const rows = this.getInputData().map((item, index) => {
			const json = item.json;
			if (json.payload && typeof json.payload === 'object') {
				return {
					request_id: json.request_id ?? String(index + 1),
					endpoint: json.endpoint ?? '/v2/generate',
					payload: json.payload,
				};
			}
			return { request_id: String(index + 1), endpoint: '/v2/generate', payload: json };
		});
		const response = await syncRequest(
			this,
			{
				method: 'POST',
				path: '/v2/batch',
				body: { rows, ...(webhookUrl ? { webhook_url: webhookUrl } : {}), dry_run: dryRun },
			},
			requestOptions,
		);
		return response.body;
	},
});
