/** Synaptiq details several operations share: scopes, requests, page-style lists, field checks. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectPages, nextPageNumber } from '../shared/pagination';
import { apiRequest, type ApiResponse, type RequestSpec, type TransportOptions } from '../shared/transport';
import { synaptiqService, type SynaptiqList } from './transport';

export type Scope = 'read' | 'write' | 'admin';
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/**
 * Every call names the scope it needs (§2). When the credential says which scope its key has,
 * a call the key cannot make fails here, before the request, naming the scope it needs.
 */
export async function synaptiqRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	scope: Scope,
	spec: RequestSpec,
	transport: TransportOptions,
): Promise<ApiResponse<T>> {
	const credentials = await ctx.getCredentials('synaptiqApi', spec.itemIndex);
	const keyScope = String(credentials.keyScope ?? 'unknown') as Scope | 'unknown';
	if (keyScope !== 'unknown' && RANK[keyScope] < RANK[scope]) {
		throw new NodeOperationError(ctx.getNode(), `This operation needs a ${scope}-scope Synaptiq key; the credential's key is ${keyScope}-scope`, {
			itemIndex: spec.itemIndex,
			description: `Create a ${scope}-scope key in the Synaptiq dashboard (Settings → API Keys) and use it in the credential, or correct the credential's Key Scope.`,
		});
	}
	return await apiRequest<T>(ctx, synaptiqService, spec, transport);
}

/** "Return All" / "Limit" over Synaptiq's page style (§6). */
export async function listPages(
	ctx: IExecuteFunctions,
	path: string,
	qs: IDataObject,
	itemIndex: number,
	transport: TransportOptions,
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	return await collectPages<IDataObject, number>(
		async (page = 1, pageSize) => {
			const response = await synaptiqRequest<SynaptiqList<IDataObject>>(ctx, 'read', { method: 'GET', path, qs: { ...qs, page, limit: pageSize }, itemIndex }, transport);
			const body = response.body ?? {};
			return { items: body.data ?? [], next: nextPageNumber(page, body.pagination ?? {}) };
		},
		{ returnAll, limit, maxPageSize: 100 },
	);
}

export function requiredString(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`, { itemIndex });
	return value;
}

export function parseJsonField(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject | undefined {
	if (value === undefined || value === '') return undefined;
	if (typeof value === 'object') return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
		return parsed as IDataObject;
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, { itemIndex });
	}
}

/** §3 #5 limits: email, name 1–200, company ≤ 200, phone ≤ 50. */
export function checkLeadFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const problem = (message: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex });
	if (fields.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(fields.email))) throw problem(`Email "${String(fields.email)}" is not a valid email address`);
	if (fields.name !== undefined && (String(fields.name).length < 1 || String(fields.name).length > 200)) throw problem('Name must be 1 to 200 characters');
	if (fields.company !== undefined && String(fields.company).length > 200) throw problem('Company must be at most 200 characters');
	if (fields.phone !== undefined && String(fields.phone).length > 50) throw problem('Phone must be at most 50 characters');
	const clean: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined) continue;
		if (key === 'tags') clean.tags = Array.isArray(value) ? value : String(value).split(',').map((tag) => tag.trim()).filter(Boolean);
		else if (key === 'customFields' || key === 'metadata') clean[key] = parseJsonField(ctx, value, key === 'customFields' ? 'Custom Fields' : 'Metadata', itemIndex);
		else clean[key] = value;
	}
	return clean;
}

export const LEAD_STATUS_OPTIONS = ['new', 'contacted', 'qualified', 'converted', 'lost'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value }));

/** The Sort Order option both lists offer (§3.2; Synaptiq's default is descending). */
export const SORT_ORDER_OPTION: INodeProperties = {
	displayName: 'Sort Order',
	name: 'sortOrder',
	type: 'options',
	options: [
		{ name: 'Ascending', value: 'asc' },
		{ name: 'Descending', value: 'desc' },
	],
	default: 'desc',
};
