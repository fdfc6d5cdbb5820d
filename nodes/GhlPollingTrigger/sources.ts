import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { getLocationId, ghlApiRequest, ghlPath, searchContactsPaged } from '../shared/transport';
import { listCalendars } from '../shared/reads';

export type DateField = 'dateAdded' | 'dateUpdated';

/** Search fields GHL adds for paging, not part of the contact. */
export function withoutPaging(contact: IDataObject): IDataObject {
	const rest = { ...contact };
	delete rest.searchAfter;
	return rest;
}

function rangeFilter(field: DateField, since: number): IDataObject[] {
	// ISO dates: GHL's search (Elasticsearch behind it) reads them on date fields.
	return since > 0 ? [{ field, operator: 'range', value: { gte: new Date(since).toISOString() } }] : [];
}

/**
 * Every contact whose `field` is ≥ `since`, oldest first, read to the last page with `searchAfter`
 * (the sort carries the id as tie-breaker, so pages never skip or repeat a contact).
 */
export async function contactsChangedSince(this: IPollFunctions, field: DateField, since: number): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	const filters = rangeFilter(field, since);
	return await searchContactsPaged.call(this, {
		locationId,
		sort: [{ field, direction: 'asc' }],
		...(filters.length ? { filters } : {}),
	});
}

/** The `limit` most recent contacts by `field` (samples for manual runs). */
export async function latestContacts(this: IPollFunctions, field: DateField, limit: number): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	return await searchContactsPaged.call(this, { locationId, sort: [{ field, direction: 'desc' }] }, limit);
}

export interface ContactPage {
	contacts: IDataObject[];
	/** Cursor after the last contact of this page; undefined on the last page. */
	next?: unknown[];
}

const SWEEP_PAGE_SIZE = 100;

/** One page of all contacts in a stable order (oldest first), for sweeps that span several polls. */
export async function contactsPage(this: IPollFunctions, after: unknown[] | undefined): Promise<ContactPage> {
	const locationId = await getLocationId(this);
	const response = await ghlApiRequest.call(this, {
		method: 'POST',
		path: '/contacts/search',
		body: {
			locationId,
			pageLimit: SWEEP_PAGE_SIZE,
			sort: [{ field: 'dateAdded', direction: 'asc' }],
			...(after ? { searchAfter: after } : {}),
		},
		idempotent: true,
	});
	const contacts = (response.contacts ?? []) as IDataObject[];
	const last = contacts[contacts.length - 1];
	const next = contacts.length === SWEEP_PAGE_SIZE && last && Array.isArray(last.searchAfter) ? last.searchAfter : undefined;
	return { contacts, next };
}

export async function notesOf(this: IPollFunctions, contactId: string): Promise<IDataObject[]> {
	const response = await ghlApiRequest.call(this, { method: 'GET', path: ghlPath`/contacts/${contactId}/notes` });
	return ((response.notes ?? []) as IDataObject[]).map((note) => ({ contactId, ...note }));
}

export async function tasksOf(this: IPollFunctions, contactId: string): Promise<IDataObject[]> {
	const response = await ghlApiRequest.call(this, { method: 'GET', path: ghlPath`/contacts/${contactId}/tasks` });
	return ((response.tasks ?? []) as IDataObject[]).map((task) => ({ contactId, ...task }));
}

export async function calendarIdsOf(this: IPollFunctions): Promise<string[]> {
	return (await listCalendars.call(this)).map((calendar) => String(calendar.id ?? '')).filter(Boolean);
}

/** Appointments of the given calendars whose start time falls in [from, to] (epoch ms), each once. */
export async function appointmentsBetween(
	this: IPollFunctions,
	calendarIds: string[],
	from: number,
	to: number,
): Promise<IDataObject[]> {
	const locationId = await getLocationId(this);
	const byId = new Map<string, IDataObject>();
	for (const calendarId of calendarIds) {
		const response = await ghlApiRequest.call(this, {
			method: 'GET',
			path: '/calendars/events',
			api: 'calendars',
			qs: { locationId, calendarId, startTime: String(from), endTime: String(to) },
		});
		for (const event of (response.events ?? []) as IDataObject[]) {
			const id = String(event.id ?? '');
			if (id && !byId.has(id)) byId.set(id, event);
		}
	}
	return [...byId.values()];
}
