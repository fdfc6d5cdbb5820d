import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { ghlApiRequest } from './request';
import type { GhlContext, GhlRequest } from './types';

interface Page {
	items: IDataObject[];
	/** Cursor for the next page; undefined when this was the last page. */
	next?: IDataObject;
}

/**
 * Walks pages until the API runs out or `max` items are collected. A cursor that does not move
 * stops the walk with an error instead of reading the same page forever: the same cursor twice,
 * or, for offsets (which move whatever the answer), a page holding only records already read.
 * (With a cursor taken from the last record, a record changed while paging may rightly come
 * again on a later page, so there only the cursor is compared.)
 */
async function collect(
	this: GhlContext,
	fetchPage: (cursor: IDataObject | undefined, pageSize: number) => Promise<Page>,
	pageSizeLimit: number,
	max?: number,
	itemIndex?: number,
	offsetPaging = false,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const cursorsSeen = new Set<string>();
	const idsSeen = new Set<string>();
	let cursor: IDataObject | undefined;
	let pages = 0;
	do {
		const pageSize = max === undefined ? pageSizeLimit : Math.min(pageSizeLimit, max - items.length);
		const page = await fetchPage(cursor, pageSize);
		pages++;
		const ids = page.items.map((item) => (item.id === undefined ? undefined : String(item.id)));
		if (offsetPaging && pages > 1 && page.items.length > 0 && ids.every((id) => id !== undefined && idsSeen.has(id))) {
			throw stuckCursor(this, pages, itemIndex);
		}
		for (const id of ids) if (id !== undefined) idsSeen.add(id);
		items.push(...page.items);
		cursor = page.items.length < pageSize ? undefined : page.next;
		if (cursor) {
			const key = JSON.stringify(cursor);
			if (cursorsSeen.has(key)) throw stuckCursor(this, pages, itemIndex);
			cursorsSeen.add(key);
		}
	} while (cursor && (max === undefined || items.length < max));
	return max === undefined ? items : items.slice(0, max);
}

function stuckCursor(context: GhlContext, page: number, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`GHL returned page ${page} again instead of the next page (its cursor did not move); stopped reading to avoid an endless loop`,
		{
			itemIndex,
			description: 'Nothing after that page was read. Run the item again; if it repeats, GHL is not honouring the paging cursor for this request.',
		},
	);
}

const SEARCH_PAGE_LIMIT = 500;
const START_AFTER_PAGE_LIMIT = 100;
const SKIP_PAGE_LIMIT = 100;

/**
 * POST /contacts/search with `searchAfter` paging (the only way past 10,000 results). Every page
 * re-sends the whole body, so filters, sort and query hold on every page.
 */
export async function searchContactsPaged(
	this: GhlContext,
	body: IDataObject,
	max?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collect.call(
		this,
		async (cursor, pageSize) => {
			const response = await ghlApiRequest.call(this, {
				method: 'POST',
				path: '/contacts/search',
				body: { ...body, pageLimit: pageSize, ...(cursor ?? {}) },
				// A search reads; it is a POST only because the filters travel in the body.
				idempotent: true,
				itemIndex,
			});
			const contacts = (response.contacts ?? []) as IDataObject[];
			const last = contacts[contacts.length - 1];
			return {
				items: contacts,
				next: last && Array.isArray(last.searchAfter) ? { searchAfter: last.searchAfter } : undefined,
			};
		},
		SEARCH_PAGE_LIMIT,
		max,
		itemIndex,
	);
}

/** GET with `startAfterId`/`startAfter` cursors and `limit` (legacy GET /contacts/). */
export async function getStartAfterPaged(
	this: GhlContext,
	request: Omit<GhlRequest, 'method'>,
	itemsKey: string,
	max?: number,
): Promise<IDataObject[]> {
	return await collect.call(
		this,
		async (cursor, pageSize) => {
			const response = await ghlApiRequest.call(this, {
				...request,
				method: 'GET',
				qs: { ...request.qs, limit: pageSize, ...(cursor ?? {}) },
			});
			const items = (response[itemsKey] ?? []) as IDataObject[];
			const meta = (response.meta ?? {}) as IDataObject;
			const last = items[items.length - 1];
			const startAfterId = meta.startAfterId ?? last?.id;
			const startAfter = meta.startAfter ?? (last?.dateAdded ? Date.parse(String(last.dateAdded)) : undefined);
			return {
				items,
				next: startAfterId ? { startAfterId, ...(startAfter ? { startAfter } : {}) } : undefined,
			};
		},
		START_AFTER_PAGE_LIMIT,
		max,
		request.itemIndex,
	);
}

/** GET with `skip`/`limit` offsets (GET /contacts/business/{businessId}). */
export async function getSkipPaged(
	this: GhlContext,
	request: Omit<GhlRequest, 'method'>,
	itemsKey: string,
	max?: number,
): Promise<IDataObject[]> {
	return await collect.call(
		this,
		async (cursor, pageSize) => {
			const skip = Number(cursor?.skip ?? 0);
			const response = await ghlApiRequest.call(this, {
				...request,
				method: 'GET',
				// The spec types skip and limit as strings.
				qs: { ...request.qs, skip: String(skip), limit: String(pageSize) },
			});
			const items = (response[itemsKey] ?? []) as IDataObject[];
			return { items, next: { skip: skip + items.length } };
		},
		SKIP_PAGE_LIMIT,
		max,
		request.itemIndex,
		true,
	);
}
