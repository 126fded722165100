/** Synaptiq details several operations share: scopes, requests, the one page-style list walk, lead field checks. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectPages, listSettings, nextPageNumber, type Page } from '../shared/pagination';
import { commaList, jsonParameter } from '../shared/parameters';
import {
	apiRequest,
	DEFAULT_REQUEST_OPTIONS,
	type ApiResponse,
	type RequestContext,
	type RequestOptions,
	type RequestSpec,
} from '../shared/request';
import { synaptiqService, type SynaptiqList } from './service';

export type Scope = 'read' | 'write' | 'admin';
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/**
 * Every call names the scope it needs (docs/api/synaptiq.md, "Auth"). When the credential says which
 * scope its key has, a call the key cannot make fails here, before the request, naming the scope it needs.
 */
export async function requireScope(
	ctx: RequestContext,
	scope: Scope,
	itemIndex?: number,
): Promise<void> {
	const credentials = await ctx.getCredentials('synaptiqApi', itemIndex);
	const keyScope = String(credentials.keyScope ?? 'unknown') as Scope | 'unknown';
	if (keyScope !== 'unknown' && RANK[keyScope] < RANK[scope]) {
		throw new NodeOperationError(
			ctx.getNode(),
			`This operation needs a ${scope}-scope Synaptiq key; the credential's key is ${keyScope}-scope`,
			{
				itemIndex,
				description: `Create a ${scope}-scope key in the Synaptiq dashboard (Settings → API Keys) and use it in the credential, or correct the credential's Key Scope.`,
			},
		);
	}
}

export async function synaptiqRequest<T = IDataObject>(
	ctx: RequestContext,
	scope: Scope,
	spec: RequestSpec,
	requestOptions: RequestOptions = DEFAULT_REQUEST_OPTIONS,
): Promise<ApiResponse<T>> {
	await requireScope(ctx, scope, spec.itemIndex);
	return await apiRequest<T>(ctx, synaptiqService, spec, requestOptions);
}

export interface PageQuery {
	path: string;
	qs?: IDataObject;
	/** GET lists are read scope, except `/webhooks` (admin). */
	scope?: Scope;
	itemIndex?: number;
}

/**
 * One page of a Synaptiq list: `page` (from 1) + `limit` (≤ 100) → `{data, pagination}`; the next page
 * number until `hasMore` is false (docs/api/synaptiq.md, "Pagination"). Get Many, Search and the pickers use it.
 */
export async function synaptiqPage(
	ctx: RequestContext,
	query: PageQuery,
	page: number,
	limit: number,
	requestOptions: RequestOptions = DEFAULT_REQUEST_OPTIONS,
): Promise<Page<IDataObject, number>> {
	const spec: RequestSpec = {
		method: 'GET',
		path: query.path,
		qs: { ...(query.qs ?? {}), page, limit },
		itemIndex: query.itemIndex,
	};
	const response = await synaptiqRequest<SynaptiqList<IDataObject>>(
		ctx,
		query.scope ?? 'read',
		spec,
		requestOptions,
	);
	const body = response.body ?? {};
	return { items: body.data ?? [], next: nextPageNumber(page, body.pagination ?? {}) };
}

/** "Return All" / "Limit" over Synaptiq's pages, 100 per request. */
export async function listPages(
	ctx: IExecuteFunctions,
	query: PageQuery & { itemIndex: number },
	requestOptions: RequestOptions,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, number>(
		async (page = 1, pageSize) => await synaptiqPage(ctx, query, page, pageSize, requestOptions),
		{
			...listSettings(ctx, query.itemIndex),
			maxPageSize: 100,
		},
	);
}

/** The lead limits (docs/api/synaptiq.md, "Endpoints"): email, name 1–200, company ≤ 200, phone ≤ 50. */
export function checkLeadFields(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const problem = (message: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex });
	if (fields.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(fields.email)))
		throw problem(`Email "${String(fields.email)}" is not a valid email address`);
	if (
		fields.name !== undefined &&
		(String(fields.name).length < 1 || String(fields.name).length > 200)
	)
		throw problem('Name must be 1 to 200 characters');
	if (fields.company !== undefined && String(fields.company).length > 200)
		throw problem('Company must be at most 200 characters');
	if (fields.phone !== undefined && String(fields.phone).length > 50)
		throw problem('Phone must be at most 50 characters');
	const clean: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined) continue;
		if (key === 'tags') clean.tags = Array.isArray(value) ? value : commaList(value);
		else if (key === 'customFields' || key === 'metadata')
			clean[key] = jsonParameter(
				ctx,
				value,
				key === 'customFields' ? 'Custom Fields' : 'Metadata',
				itemIndex,
				'object',
			) as IDataObject | undefined;
		else clean[key] = value;
	}
	return clean;
}

export const LEAD_STATUS_OPTIONS = ['new', 'contacted', 'qualified', 'converted', 'lost'].map(
	(value) => ({ name: value[0].toUpperCase() + value.slice(1), value }),
);

/** The Sort Order option both lists offer (Synaptiq's default is descending). */
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
