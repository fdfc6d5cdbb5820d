import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { ghlApiRequest } from './request';
import type { GhlContext, GhlRequest } from './types';

interface Page {
	items: IDataObject[];
	/** Cursor for the next page; undefined when this was the last page. */
	next?: IDataObject;
	/** How many records the whole walk holds, when GHL says it (search `total`, list `meta.total`). */
	total?: number;
}

/**
 * GHL's search runs on Elasticsearch, whose hit count stops at 10,000 unless exact counts are asked
 * for: a total of exactly this may mean "10,000 or more", so it never ends a walk.
 */
const UNCERTAIN_TOTAL = 10_000;

/** A record count from GHL's answer, when it is one that can end a walk. */
function totalOf(value: unknown): number | undefined {
	const total = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof total === 'number' && Number.isInteger(total) && total >= 0 && total !== UNCERTAIN_TOTAL ? total : undefined;
}

/**
 * Walks pages until the API runs out or `max` items are collected. A cursor that does not move
 * stops the walk with an error instead of reading the same page forever: the same cursor twice,
 * or, for offsets (which move whatever the answer), a page holding only records already read.
 * (With a cursor taken from the last record, a record changed while paging may rightly come
 * again on a later page, so there only the cursor is compared.)
 *
 * The walk ends at a short page, or as soon as it holds as many records as GHL's `total` says, so
 * a result that fills its last page exactly costs no extra, empty page.
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
		// Checked before the total: a page answered twice can fill the count with repeats.
		if (page.next && page.items.length) {
			const key = JSON.stringify(page.next);
			if (cursorsSeen.has(key)) throw stuckCursor(this, pages, itemIndex);
			cursorsSeen.add(key);
		}
		const complete = page.total !== undefined && items.length >= page.total;
		cursor = page.items.length < pageSize || complete ? undefined : page.next;
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

/**
 * A page of a search walked with `searchAfter`: the next page starts after the last record's
 * `searchAfter` (each value passed through `asSent`).
 */
function searchAfterPage(records: IDataObject[], total: unknown, asSent: (value: unknown) => unknown = (value) => value): Page {
	const last = records[records.length - 1];
	return {
		items: records,
		next: last && Array.isArray(last.searchAfter) ? { searchAfter: (last.searchAfter as unknown[]).map(asSent) } : undefined,
		total: totalOf(total),
	};
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
			return searchAfterPage((response.contacts ?? []) as IDataObject[], response.total);
		},
		SEARCH_PAGE_LIMIT,
		max,
		itemIndex,
	);
}

const RECORD_SEARCH_PAGE_LIMIT = 100;

/**
 * POST search of custom object records: `pageLimit` a page, the next page after the `searchAfter` of
 * the last record (sent as text, as the spec types it). The spec requires `page` with it; it stays 1,
 * the cursor moves the walk. Every page re-sends the whole body, so the query holds on every page.
 */
export async function searchRecordsPaged(this: GhlContext, request: Omit<GhlRequest, 'method'>, max?: number): Promise<IDataObject[]> {
	return await collect.call(
		this,
		async (cursor, pageSize) => {
			const response = await ghlApiRequest.call(this, {
				...request,
				method: 'POST',
				// A search reads; it is a POST only because the query travels in the body.
				idempotent: true,
				body: { ...request.body, page: 1, pageLimit: pageSize, searchAfter: [], ...(cursor ?? {}) },
			});
			// The spec types the records' searchAfter as text.
			return searchAfterPage((response.records ?? []) as IDataObject[], response.total, String);
		},
		RECORD_SEARCH_PAGE_LIMIT,
		max,
		request.itemIndex,
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
				total: totalOf(meta.total),
			};
		},
		START_AFTER_PAGE_LIMIT,
		max,
		request.itemIndex,
	);
}

/**
 * GET with `skip`/`limit` offsets (GET /contacts/business/{businessId}); `offsetParam` names the
 * offset where GHL calls it otherwise (appointment notes: `offset`). `itemsKey` '' reads an answer
 * that is the list itself (calendar resources). A `hasMore: false` answer ends the walk.
 * `pageSizeLimit` where GHL allows fewer than 100 a page (forms and surveys: 50).
 */
export async function getSkipPaged(
	this: GhlContext,
	request: Omit<GhlRequest, 'method'>,
	itemsKey: string,
	max?: number,
	offsetParam = 'skip',
	pageSizeLimit = SKIP_PAGE_LIMIT,
): Promise<IDataObject[]> {
	return await collect.call(
		this,
		async (cursor, pageSize) => {
			const skip = Number(cursor?.skip ?? 0);
			const response: unknown = await ghlApiRequest.call(this, {
				...request,
				method: 'GET',
				// The spec types skip and limit as strings.
				qs: { ...request.qs, [offsetParam]: String(skip), limit: String(pageSize) },
			});
			const answer = (response ?? {}) as IDataObject;
			const list = itemsKey ? answer[itemsKey] : response;
			const items = (Array.isArray(list) ? list : []) as IDataObject[];
			return { items, next: answer.hasMore === false ? undefined : { skip: skip + items.length }, total: totalOf(answer.total) };
		},
		pageSizeLimit,
		max,
		request.itemIndex,
		true,
	);
}

/** POST search with `skip`/`limit` in the body (POST /locations/{locationId}/tasks/search); the whole body is re-sent each page. */
export async function postSkipPaged(
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
				method: 'POST',
				// A search sent as POST writes nothing: safe to repeat.
				idempotent: true,
				body: { ...request.body, skip, limit: pageSize },
			});
			const items = (response[itemsKey] ?? []) as IDataObject[];
			return { items, next: { skip: skip + items.length }, total: totalOf(response.total) };
		},
		SKIP_PAGE_LIMIT,
		max,
		request.itemIndex,
		true,
	);
}

const PAGE_NUMBER_LIMIT = 100;

/**
 * GET with `page`/`limit` (form and survey submissions), following GHL's `meta.nextPage`. GHL lists
 * newest first, so a record added during the walk pushes the others one place down and one may come
 * twice: each record is kept once, by id. `olderThanWanted` ends the walk after the page holding such
 * a record (newest first, every later one is older too).
 */
export async function getPageNumberPaged(
	this: GhlContext,
	request: Omit<GhlRequest, 'method'>,
	itemsKey: string,
	max?: number,
	olderThanWanted?: (item: IDataObject) => boolean,
): Promise<IDataObject[]> {
	// Page numbers count pages of one size: it stays the same on every page (the Limit is cut at the end).
	const pageSize = Math.min(PAGE_NUMBER_LIMIT, max ?? PAGE_NUMBER_LIMIT);
	const items = await collect.call(
		this,
		async (cursor) => {
			const page = Number(cursor?.page ?? 1);
			const response = await ghlApiRequest.call(this, { ...request, method: 'GET', qs: { ...request.qs, page, limit: pageSize } });
			const meta = (response.meta ?? {}) as IDataObject;
			const nextPage = Number(meta.nextPage);
			const items = (response[itemsKey] ?? []) as IDataObject[];
			const more = Number.isInteger(nextPage) && nextPage > page && !(olderThanWanted && items.some(olderThanWanted));
			return {
				items,
				next: more ? { page: nextPage } : undefined,
				total: totalOf(meta.total),
			};
		},
		PAGE_NUMBER_LIMIT,
		max,
		request.itemIndex,
		true,
	);
	const seen = new Set<string>();
	return items.filter((item) => item.id === undefined || (!seen.has(String(item.id)) && !!seen.add(String(item.id))));
}
