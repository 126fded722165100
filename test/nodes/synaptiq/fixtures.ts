/** What the Synaptiq node tests share: a lead to create. */
import type { INodeParameters } from 'n8n-workflow';

/** Lead → Create for `email`, with a company, tags and custom fields (`extra` overrides). */
export const leadToCreate = (email: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'lead',
	operation: 'create',
	email,
	name: 'Ada Lovelace',
	additionalFields: {
		company: 'Analytical Engines',
		tags: 'vip, beta',
		customFields: '{"plan":"pro"}',
	},
	...extra,
});
