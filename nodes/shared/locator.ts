/**
 * Resource locators (n8n's guideline for picking an existing thing): "From List" (searchable, paged
 * through the API) and "By ID". (None of the five services has page URLs that carry these IDs, so
 * there is no "By URL" mode.)
 */
import type { INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

export interface LocatorSpec {
	name: string;
	displayName: string;
	/** The node's `methods.listSearch` function that fills "From List". */
	searchMethod: string;
	idPlaceholder?: string;
	required?: boolean;
	description?: string;
	/** The ID selected before the user picks one (e.g. a default model). */
	defaultId?: string;
}

export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const initial = spec.defaultId
		? { mode: 'id', value: spec.defaultId }
		: { mode: 'list', value: '' };
	const placeholder = spec.idPlaceholder ?? '';
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: initial,
		required: spec.required ?? true,
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

/** Keeps the entries whose name or ID contains the typed text (case-insensitive). */
export function matching(
	results: INodeListSearchItems[],
	filter: string | undefined,
): INodeListSearchItems[] {
	const wanted = filter?.trim().toLowerCase();
	if (!wanted) return results;
	return results.filter(
		(result) =>
			result.name.toLowerCase().includes(wanted) ||
			String(result.value).toLowerCase().includes(wanted),
	);
}

/** A page of search results; the token is handed back by n8n to get the next page. */
export function searchPage(
	results: INodeListSearchItems[],
	filter: string | undefined,
	paginationToken?: string,
): INodeListSearchResult {
	return { results: matching(results, filter), ...(paginationToken ? { paginationToken } : {}) };
}
