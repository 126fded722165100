/** "Return All" / "Limit" over the three paging styles the five APIs use. */
import type { INodeProperties } from 'n8n-workflow';

export interface Page<T, C> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
}

/**
 * Collects items page by page until the list ends or `limit` items are in hand.
 * `fetchPage` gets the position (undefined for the first page) and how many items to ask for.
 */
export async function collectPages<T, C>(
	fetchPage: (position: C | undefined, pageSize: number) => Promise<Page<T, C>>,
	options: { returnAll: boolean; limit: number; maxPageSize: number },
): Promise<T[]> {
	const collected: T[] = [];
	let position: C | undefined;
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	// One page size for the whole walk: page-number APIs count pages in units of it.
	const pageSize = Math.min(options.maxPageSize, wanted);
	while (collected.length < wanted) {
		const page = await fetchPage(position, pageSize);
		collected.push(...page.items.slice(0, wanted - collected.length));
		if (page.next === undefined || page.items.length === 0) break;
		position = page.next;
	}
	return collected;
}

/** Page-number style (`page` + `limit`, stop on `hasMore: false` or the last page). */
export function nextPageNumber(page: number, info: { hasMore?: boolean; totalPages?: number }): number | undefined {
	if (info.hasMore === false) return undefined;
	if (info.hasMore === undefined && info.totalPages !== undefined && page >= info.totalPages) return undefined;
	return page + 1;
}

/** The usual pair of list fields, shown for the given resource and operation. */
export function returnAllAndLimit(resource: string, operation: string, maxLimit: number, defaultLimit = 50): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: Math.min(defaultLimit, maxLimit),
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
