/**
 * Resource locators (n8n's guideline for picking an existing thing): "From List" (searchable, paged
 * through the API), "By ID", and "By URL" where the service has pages for its things.
 */
import type {
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

export interface LocatorSpec {
	name: string;
	displayName: string;
	/** The node's `methods.listSearch` function that fills "From List". */
	searchMethod: string;
	idPlaceholder?: string;
	/** A page URL of the thing, and how its ID is read from it. */
	url?: { placeholder: string; regex: string };
	required?: boolean;
	description?: string;
	/** The ID selected before the user picks one (e.g. a default model). */
	defaultId?: string;
}

export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const modes: INodePropertyMode[] = [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: spec.searchMethod, searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: spec.idPlaceholder ?? '' },
	];
	if (spec.url) {
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: spec.url.placeholder,
			extractValue: { type: 'regex', regex: spec.url.regex },
			validation: [
				{
					type: 'regex',
					properties: { regex: spec.url.regex, errorMessage: 'Not a valid URL of this kind' },
				},
			],
		});
	}
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: spec.defaultId ? { mode: 'id', value: spec.defaultId } : { mode: 'list', value: '' },
		required: spec.required ?? true,
		...(spec.description ? { description: spec.description } : {}),
		modes,
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
