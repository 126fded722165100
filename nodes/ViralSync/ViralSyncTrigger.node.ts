import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { rawBodyOf, verifyBodySignature } from '../shared/signature';
import { JOB_STATUSES, TERMINAL_STATUSES } from './helpers';

export class ViralSyncTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ViralSync Trigger',
		name: 'viralSyncTrigger',
		icon: { light: 'file:../../icons/viralsync.svg', dark: 'file:../../icons/viralsync.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["terminalOnly"] ? "Job finished" : "Job progress"}}',
		description: "Starts the workflow on a render job's callbacks (its Callback URL points here)",
		defaults: { name: 'ViralSync Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'viralSyncApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'viralsync' },
		],
		properties: [
			{
				displayName:
					'ViralSync has no webhook registry: put this trigger\'s Production URL into the "Callback URL" render option of Render Job → Create.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Finished Jobs Only',
				name: 'terminalOnly',
				type: 'boolean',
				default: true,
				description:
					'Whether to ignore the progress callbacks sent every few seconds and start only on done, failed or cancelled',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: JOB_STATUSES.map((value) => ({
					name: value[0].toUpperCase() + value.slice(1),
					value,
				})),
				default: [],
				description: 'Only start for these statuses (all when empty)',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					"Whether to check x-render-signature with the credential's Callback Signing Secret (when one is set) and refuse anything else",
			},
		],
	};

	webhookMethods = {
		default: {
			// The URL travels with each render job; there is nothing to register or remove at ViralSync.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = (this.getBodyData() ?? {}) as IDataObject;
		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const credentials = await this.getCredentials('viralSyncApi');
			const secret = String(credentials.webhookSecret ?? '').trim();
			// Verification needs the account's callback secret; without one the callback cannot be checked.
			if (secret) {
				const signature = (this.getHeaderData() as Record<string, string | undefined>)[
					'x-render-signature'
				];
				if (!verifyBodySignature(secret, rawBodyOf(this), signature)) {
					this.getResponseObject()
						.status(401)
						.json({
							error: signature
								? 'Signature rejected: it does not match'
								: 'Signature rejected: x-render-signature is missing',
						});
					return { noWebhookResponse: true };
				}
			}
		}
		const status = String(body.status ?? '');
		// Progress callbacks must get a 200 too, or ViralSync may stop sending them.
		if (
			(this.getNodeParameter('terminalOnly', true) as boolean) &&
			!TERMINAL_STATUSES.includes(status)
		)
			return { webhookResponse: 'ignored' };
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(status)) return { webhookResponse: 'ignored' };
		return { workflowData: [[{ json: body }]] };
	}
}
