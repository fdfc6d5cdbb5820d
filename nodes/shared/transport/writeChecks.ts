import type { IDataObject } from 'n8n-workflow';
import type { GhlRequest } from './types';

/**
 * How to tell whether a create that failed in transit (a 5xx, a dropped connection) was applied by
 * GHL, for each create GHL offers no idempotency key for. The transport asks before writing again:
 * a record found is the write's result; none found means the write is sent again; a check that
 * cannot tell fails the item saying the record may have been written.
 */

/** A GET through the transport (so with its own retries), for the check's reads. */
export type ReadGhl = (path: string, qs?: IDataObject) => Promise<IDataObject>;

export type WriteCheck = (read: ReadGhl, attemptSentAt: number) => Promise<IDataObject | undefined>;

/**
 * How much earlier than the failed attempt GHL may date the record it wrote (GHL's clock against
 * this machine's). A matching record dated before that is an older one, not this write.
 */
export const WRITE_CLOCK_TOLERANCE_MS = 60_000;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function sameInstant(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string') return a === b;
	const left = Date.parse(a);
	const right = Date.parse(b);
	return Number.isFinite(left) && left === right;
}

/** Whether a record is this write's by its date: not dated before the attempt (less the clock tolerance). */
function datedSince(record: IDataObject, attemptSentAt: number): boolean {
	const added = Date.parse(String(record.dateAdded ?? ''));
	return !Number.isFinite(added) || added >= attemptSentAt - WRITE_CLOCK_TOLERANCE_MS;
}

function newest(records: IDataObject[]): IDataObject | undefined {
	return [...records].sort((a, b) => Date.parse(String(b.dateAdded ?? '')) - Date.parse(String(a.dateAdded ?? '')))[0];
}

/** Contact fields a create sends as plain values, which GHL stores as sent. */
const CONTACT_PLAIN_FIELDS = ['firstName', 'lastName', 'name', 'companyName', 'address1', 'city', 'state', 'country', 'postalCode', 'website', 'source'];

/** Create contact (and upsert that always creates): GHL's duplicate lookup by email, else phone. */
function contactCheck(body: IDataObject): WriteCheck {
	return async (read, attemptSentAt) => {
		const email = text(body.email);
		const phone = text(body.phone);
		if (!email && !phone) throw new Error('the contact has no email or phone to look it up by');
		const response = await read('/contacts/search/duplicate', {
			locationId: body.locationId,
			...(email ? { email } : { number: phone }),
		});
		const contact = response.contact as IDataObject | null | undefined;
		if (!contact) return undefined;
		if (!datedSince(contact, attemptSentAt)) {
			throw new Error(`a contact with this ${email ? 'email' : 'phone'} existed before this write`);
		}
		const differing = CONTACT_PLAIN_FIELDS.filter((field) => body[field] !== undefined && contact[field] !== body[field]);
		if (differing.length) throw new Error(`the contact GHL has with this ${email ? 'email' : 'phone'} differs in ${differing.join(', ')}`);
		return { contact };
	};
}

/** Create task: the contact's tasks, by title and due date (GHL's tasks carry no creation date). */
function taskCheck(contactPath: string, body: IDataObject): WriteCheck {
	return async (read) => {
		const tasks = ((await read(`${contactPath}/tasks`)).tasks ?? []) as IDataObject[];
		const task = tasks.find(
			(candidate) =>
				candidate.title === body.title &&
				sameInstant(candidate.dueDate, body.dueDate) &&
				(body.body === undefined || candidate.body === body.body),
		);
		return task ? { task } : undefined;
	};
}

/** Create note: the contact's notes, by body, dated since the attempt. */
function noteCheck(contactPath: string, body: IDataObject): WriteCheck {
	return async (read, attemptSentAt) => {
		const notes = ((await read(`${contactPath}/notes`)).notes ?? []) as IDataObject[];
		const note = newest(notes.filter((candidate) => candidate.body === body.body && datedSince(candidate, attemptSentAt)));
		return note ? { note } : undefined;
	};
}

/** Create appointment: the contact's appointments, by calendar and start time, dated since the attempt. */
function appointmentCheck(body: IDataObject): WriteCheck {
	return async (read, attemptSentAt) => {
		const contactId = text(body.contactId);
		if (!contactId) throw new Error('the appointment has no contact to look it up by');
		const events = ((await read(`/contacts/${encodeURIComponent(contactId)}/appointments`)).events ?? []) as IDataObject[];
		return newest(
			events.filter(
				(event) =>
					event.calendarId === body.calendarId && sameInstant(event.startTime, body.startTime) && datedSince(event, attemptSentAt),
			),
		);
	};
}

/** The check for this write, when it is a create this module knows how to look for. */
export function writeCheckFor(request: GhlRequest): WriteCheck | undefined {
	if (request.method !== 'POST' || !request.body) return undefined;
	const { path, body } = request;
	if (path === '/contacts/' || path === '/contacts/upsert') return contactCheck(body);
	if (path === '/calendars/events/appointments') return appointmentCheck(body);
	const child = /^(\/contacts\/[^/]+)\/(tasks|notes)$/.exec(path);
	if (child) return child[2] === 'tasks' ? taskCheck(child[1], body) : noteCheck(child[1], body);
	return undefined;
}
