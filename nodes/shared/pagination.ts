/** "Return All" / "Limit" over the three paging styles the five APIs use. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface Page<T, C> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
}

/** A list whose pages do not move forward: "Return All" stops instead of asking forever. */
export class PaginationLoopError extends Error {}

/** An item's identity for spotting a page served again: its id, else its whole content. */
function identityOf(item: unknown): string {
	if (item && typeof item === 'object') {
		const record = item as Record<string, unknown>;
		const id =
			record.id ??
			record.video_id ??
			record.voice_id ??
			record.endpoint_id ??
			record.jobId ??
			record.asset_id;
		if (typeof id === 'string' || typeof id === 'number') return `id:${String(id)}`;
	}
	return `json:${JSON.stringify(item)}`;
}

/**
 * Collects items page by page until the list ends or `limit` items are in hand.
 * `fetchPage` gets the position (undefined for the first page) and how many items to ask for.
 * A service that ignores the cursor or page (the same position again, or a page with nothing
 * new while it claims more) ends the walk with a PaginationLoopError, not an endless loop.
 */
export async function collectPages<T, C>(
	fetchPage: (position: C | undefined, pageSize: number) => Promise<Page<T, C>>,
	options: { returnAll: boolean; limit: number; maxPageSize: number },
): Promise<T[]> {
	const collected: T[] = [];
	const seenPositions = new Set<string>();
	const seenItems = new Set<string>();
	let position: C | undefined;
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	// One page size for the whole walk: page-number APIs count pages in units of it.
	const pageSize = Math.min(options.maxPageSize, wanted);
	for (let pageNumber = 1; collected.length < wanted; pageNumber++) {
		const page = await fetchPage(position, pageSize);
		const fresh = page.items.filter((item) => !seenItems.has(identityOf(item)));
		for (const item of fresh) seenItems.add(identityOf(item));
		collected.push(...page.items.slice(0, wanted - collected.length));
		if (page.next === undefined || collected.length >= wanted) break;
		if (fresh.length === 0) {
			throw new PaginationLoopError(
				`The list stopped moving forward: page ${pageNumber} brought no new item although the service said more would follow. Stopped after ${collected.length} items instead of asking again and again; use Limit, or try again later.`,
			);
		}
		const key = JSON.stringify(page.next);
		if (seenPositions.has(key)) {
			throw new PaginationLoopError(
				`The list stopped moving forward: the service sent the position ${key} a second time (after page ${pageNumber}). Stopped after ${collected.length} items instead of looping; use Limit, or try again later.`,
			);
		}
		seenPositions.add(key);
		position = page.next;
	}
	return collected;
}

/** Page-number style (`page` + `limit`, stop on `hasMore: false` or the last page). */
export function nextPageNumber(
	page: number,
	info: { hasMore?: boolean; totalPages?: number },
): number | undefined {
	if (info.hasMore === false) return undefined;
	if (info.hasMore === undefined && info.totalPages !== undefined && page >= info.totalPages)
		return undefined;
	return page + 1;
}

/** "Return All" and "Limit" (50, as n8n's guidelines want) for a Get Many operation; the limit shows while Return All is off. */
export function listFields(maxLimit = 1000): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Reads Return All / Limit as `collectPages` wants them. */
export function listSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaultLimit = 50,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return {
		returnAll,
		limit: returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, defaultLimit) as number),
	};
}
