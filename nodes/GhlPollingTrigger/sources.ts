import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import {
	callEndpoint,
	endpointRequest,
	getLocationId,
	getPageNumberPaged,
	ghlApiRequest,
	ghlPath,
	postSkipPaged,
	searchContactsPaged,
} from '../shared/transport';
import { listCalendars } from '../shared/reads';
import { meta as formSubmissions } from '../Ghl/actions/form/getSubmissions.operation';
import { meta as surveySubmissions } from '../Ghl/actions/survey/getSubmissions.operation';
import { meta as opportunitySearch } from '../Ghl/actions/opportunity/search.operation';
import { meta as taskSearch } from '../Ghl/actions/task/search.operation';
import { toMillis } from './cursor';

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

/** Every task of the location, whatever contact it is on (POST /locations/{locationId}/tasks/search, paged by skip). */
export async function allTasks(this: IPollFunctions): Promise<IDataObject[]> {
	const request = endpointRequest(taskSearch.endpoint, { pathParams: { locationId: await getLocationId(this) }, body: {} });
	return await postSkipPaged.call(this, request, 'tasks');
}

export type SubmissionKind = 'form' | 'survey';

const DAY_MS = 24 * 60 * 60_000;

/** GHL's submission day filter (YYYY-MM-DD, UTC). */
function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Submissions of every form (or survey) sent at or after `since` (GET /forms|surveys/submissions).
 * GHL filters them by day only (startAt/endAt) and lists newest first: the walk starts at the day of
 * `since`, ends tomorrow (a GHL clock ahead of ours is still covered) and stops at the first page
 * that reaches back past `since`.
 */
export async function submissionsSince(this: IPollFunctions, kind: SubmissionKind, since: number, ownerId?: string): Promise<IDataObject[]> {
	const endpoint = kind === 'form' ? formSubmissions.endpoint : surveySubmissions.endpoint;
	const qs: IDataObject = {
		locationId: await getLocationId(this),
		startAt: utcDay(Math.max(0, since)),
		endAt: utcDay(Date.now() + DAY_MS),
		...(ownerId ? { [kind === 'form' ? 'formId' : 'surveyId']: ownerId } : {}),
	};
	return await getPageNumberPaged.call(this, endpointRequest(endpoint, { qs }), 'submissions', undefined, (submission) => toMillis(submission.createdAt) < since);
}

/** The `limit` newest submissions (GHL's default days: the last month). */
export async function latestSubmissions(this: IPollFunctions, kind: SubmissionKind, limit: number, ownerId?: string): Promise<IDataObject[]> {
	const endpoint = kind === 'form' ? formSubmissions.endpoint : surveySubmissions.endpoint;
	const qs: IDataObject = { locationId: await getLocationId(this), ...(ownerId ? { [kind === 'form' ? 'formId' : 'surveyId']: ownerId } : {}) };
	return await getPageNumberPaged.call(this, endpointRequest(endpoint, { qs }), 'submissions', limit);
}

/** GHL's documented maximum page of POST /opportunities/search. */
const OPPORTUNITY_PAGE_SIZE = 500;

async function searchOpportunities(this: IPollFunctions, filters: IDataObject[], direction: 'asc' | 'desc', limit: number): Promise<IDataObject[]> {
	const response = await callEndpoint.call(this, opportunitySearch.endpoint, {
		body: {
			// No query: GHL's documentation of this search makes it optional (a search by filters only).
			locationId: await getLocationId(this),
			limit,
			page: 1,
			additionalDetails: { notes: false, tasks: false, calendarEvents: false, unReadConversations: false },
			filters,
			sort: [{ field: 'date_updated', direction }],
		},
		// A search reads; it is a POST only because its terms travel in the body.
		idempotent: true,
	});
	return (response.opportunities ?? []) as IDataObject[];
}

/**
 * Every opportunity whose updatedAt is ≥ `since`, oldest change first (POST /opportunities/search,
 * filter and sort on date_updated). Each next page asks again from the last updatedAt read rather
 * than by page number: an opportunity changed during the walk moves behind the cursor instead of
 * shifting the others past it. Records at that same millisecond come again and are kept once. A full
 * page all at one millisecond cannot move the cursor: the poll fails instead of looping.
 */
export async function opportunitiesChangedSince(this: IPollFunctions, since: number): Promise<IDataObject[]> {
	const found = new Map<string, IDataObject>();
	let from = since;
	for (let page = 1; ; page++) {
		const filters = from > 0 ? [{ field: 'date_updated', operator: 'range', value: { gte: new Date(from).toISOString() } }] : [];
		const opportunities = await searchOpportunities.call(this, filters, 'asc', OPPORTUNITY_PAGE_SIZE);
		for (const opportunity of opportunities) found.set(`${String(opportunity.id)}@${String(opportunity.updatedAt)}`, opportunity);
		if (opportunities.length < OPPORTUNITY_PAGE_SIZE) break;
		const last = toMillis(opportunities[opportunities.length - 1].updatedAt);
		if (!(last > from)) {
			throw new NodeOperationError(
				this.getNode(),
				`GHL returned page ${page} of opportunities without moving past ${new Date(from).toISOString()} (its cursor did not move); stopped reading to avoid an endless loop`,
				{ description: `More than ${OPPORTUNITY_PAGE_SIZE} opportunities share one updatedAt, or GHL did not sort by date_updated. The cursor was kept; nothing was emitted.` },
			);
		}
		from = last;
	}
	return [...found.values()];
}

/** The `limit` most recently changed opportunities (samples for manual runs, the first poll's anchor). */
export async function latestOpportunities(this: IPollFunctions, limit: number): Promise<IDataObject[]> {
	return await searchOpportunities.call(this, [], 'desc', limit);
}
