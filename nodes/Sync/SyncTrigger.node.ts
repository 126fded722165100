import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { verifyTimestampedSignature } from '../shared/signature';
import { GENERATION_STATUSES } from './helpers';

export class SyncTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sync Trigger',
		name: 'syncTrigger',
		icon: { light: 'file:../../icons/sync.svg', dark: 'file:../../icons/sync.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Generation " + ($parameter["statuses"].join(", ") || "finished")}}',
		description:
			'Starts the workflow when a Sync generation or batch ends (its Webhook URL points here)',
		defaults: { name: 'Sync Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'syncApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'sync' }],
		properties: [
			{
				displayName:
					'Sync has no webhook registry: put this trigger\'s Production URL into the "Webhook URL" option of Generation → Create (or Batch → Create).',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: GENERATION_STATUSES.filter(
					(status) => !['PENDING', 'PROCESSING'].includes(status),
				).map((status) => ({ name: status, value: status })),
				default: [],
				description: 'Only start for these end states (all when empty)',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to check the Sync-Signature header with the credential's Webhook Signing Secret and refuse anything else (recommended)",
			},
			{
				displayName: 'Signature Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'How old a signed delivery may be, against replays',
				displayOptions: { show: { verifySignature: [true] } },
			},
		],
	};

	webhookMethods = {
		default: {
			// The URL travels with each generation, so there is nothing to look up, register or remove at Sync.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('verifySignature', true) as boolean) {
					const credentials = await this.getCredentials('syncApi');
					if (!String(credentials.webhookSecret ?? '').trim()) {
						throw new NodeOperationError(
							this.getNode(),
							'Set the Webhook Signing Secret in the Sync credential, or turn off Verify Signature',
							{
								description: 'The whsec_… secret is in the Sync dashboard (API → Webhooks).',
							},
						);
					}
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
		const response = this.getResponseObject();
		const body = (this.getBodyData() ?? {}) as IDataObject;

		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const credentials = await this.getCredentials('syncApi');
			const secret = String(credentials.webhookSecret ?? '').trim();
			const headers = this.getHeaderData() as Record<string, string | undefined>;
			// docs/api/sync.md "Assumptions": the header is Sync-Signature; some docs pages name it X-Signature-Primary.
			const header = headers['sync-signature'] ?? headers['x-signature-primary'];
			const raw = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
			const check = verifyTimestampedSignature(
				secret,
				raw,
				header,
				this.getNodeParameter('toleranceSeconds', 300) as number,
			);
			if (!check.valid) {
				response.status(401).json({ error: `Signature rejected: ${check.reason}` });
				return { noWebhookResponse: true };
			}
		}

		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(String(body.status)))
			return { webhookResponse: 'ignored' };
		return { workflowData: [[{ json: body }]] };
	}
}
