/**
 * Blocked slots and appointment notes (apps/calendars.json, Version 2021-04-15). Blocked slots are
 * kept in the generic collection `/calendars/events/block-slots`, so free slots (calendarSetup.ts)
 * and `DELETE /calendars/events/{eventId}` see them; notes in `/calendars/appointments/{id}/notes`.
 */
import { errors } from '../http';
import type { AppointmentRecord, GenericRecord } from '../store';
import { bodyRefusal } from '../validation';
import { assertLocationAccess, formatWithOffset, getLocation, isoOffsetMinutes, nowIso, parseIsoMs } from './common';
import type { Handler, HandlerContext } from './context';
import { calendarOf } from './calendarSetup';

export const BLOCK_SLOTS = '/calendars/events/block-slots';

export function blockSlotsOf(ctx: HandlerContext): Map<string, GenericRecord> {
	return ctx.state.store.collection(BLOCK_SLOTS);
}

/** Times are answered with the offset the client sent, as appointments are. */
function normalizeTime(value: string): string {
	return formatWithOffset(parseIsoMs(value), isoOffsetMinutes(value));
}

function assertUserOfLocation(ctx: HandlerContext, userId: unknown, locationId: string): void {
	if (userId === undefined) return;
	const user = ctx.state.store.users.get(String(userId));
	if (!user || !user.locationIds.includes(locationId)) throw errors.badRequest('User not found');
}

/** A blocked slot as BlockedSlotSuccessfulResponseDto. */
function toBlockedSlot(slot: GenericRecord): Record<string, unknown> {
	const { id, locationId, title, startTime, endTime, calendarId, assignedUserId } = slot;
	return Object.fromEntries(Object.entries({ id, locationId, title, startTime, endTime, calendarId, assignedUserId }).filter(([, value]) => value !== undefined));
}

/** A blocked slot as a CalendarEventDTO (what `GET /calendars/blocked-slots` lists): no contact, no status. */
function toBlockedEvent(ctx: HandlerContext, slot: GenericRecord): Record<string, unknown> {
	const calendar = ctx.state.store.calendars.get(String(slot.calendarId));
	return {
		...toBlockedSlot(slot),
		contactId: '',
		groupId: calendar?.groupId ?? '',
		appointmentStatus: '',
		assignedUserId: slot.assignedUserId ?? '',
		users: [],
		dateAdded: slot.dateAdded,
		dateUpdated: slot.dateUpdated,
	};
}

/** Applies a create or edit body to a blocked slot: its calendar and user must be the location's, its end after its start. */
function writeBlockSlot(ctx: HandlerContext, slot: GenericRecord, body: Record<string, unknown>): void {
	const location = getLocation(ctx, String(body.locationId ?? slot.locationId));
	if (slot.locationId && slot.locationId !== location.id) throw errors.badRequest('Blocked slot not found');
	if (body.calendarId !== undefined && calendarOf(ctx, String(body.calendarId)).locationId !== location.id) throw errors.badRequest('Calendar not found');
	assertUserOfLocation(ctx, body.assignedUserId, location.id);
	for (const key of ['title', 'calendarId', 'assignedUserId'] as const) if (body[key] !== undefined) slot[key] = body[key];
	for (const key of ['startTime', 'endTime'] as const) if (body[key] !== undefined) slot[key] = normalizeTime(String(body[key]));
	if (!slot.startTime || !slot.endTime) throw bodyRefusal(ctx.op, ['startTime and endTime are required']);
	if (parseIsoMs(String(slot.endTime)) <= parseIsoMs(String(slot.startTime))) throw bodyRefusal(ctx.op, ['endTime must be after startTime']);
	slot.locationId = location.id;
	slot.title = slot.title ?? 'Blocked';
	slot.dateUpdated = nowIso();
}

const createBlockSlot: Handler = (ctx) => {
	const time = nowIso();
	const slot: GenericRecord = { id: ctx.state.store.newId(), dateAdded: time, dateUpdated: time };
	writeBlockSlot(ctx, slot, ctx.body);
	blockSlotsOf(ctx).set(slot.id, slot);
	return { status: 201, body: toBlockedSlot(slot) };
};

const editBlockSlot: Handler = (ctx) => {
	const existing = blockSlotsOf(ctx).get(ctx.params.eventId);
	if (!existing) throw errors.badRequest('Blocked slot not found');
	assertLocationAccess(ctx, existing.locationId);
	const next: GenericRecord = { ...existing };
	writeBlockSlot(ctx, next, ctx.body);
	blockSlotsOf(ctx).set(next.id, next);
	// The spec declares 201 for this PUT.
	return { status: 201, body: toBlockedSlot(next) };
};

/** `GET /calendars/blocked-slots`: epoch-ms window, and one of calendarId/userId/groupId is required (as for events). */
const listBlockedSlots: Handler = (ctx) => {
	const q = ctx.query;
	const location = getLocation(ctx, String(q.locationId));
	if (!q.calendarId && !q.userId && !q.groupId) throw errors.badRequest('calendarId, userId or groupId is required');
	const from = Number(q.startTime);
	const to = Number(q.endTime);
	const events = [...blockSlotsOf(ctx).values()]
		.filter((slot) => slot.locationId === location.id)
		.filter((slot) => !q.calendarId || slot.calendarId === q.calendarId)
		.filter((slot) => !q.userId || slot.assignedUserId === q.userId)
		.filter((slot) => !q.groupId || ctx.state.store.calendars.get(String(slot.calendarId))?.groupId === q.groupId)
		.filter((slot) => parseIsoMs(String(slot.startTime)) <= to && parseIsoMs(String(slot.endTime)) >= from)
		.sort((a, b) => parseIsoMs(String(a.startTime)) - parseIsoMs(String(b.startTime)));
	return { status: 200, body: { events: events.map((slot) => toBlockedEvent(ctx, slot)) } };
};

// ---------------------------------------------------------------------------
// Appointment notes

function appointmentOf(ctx: HandlerContext): AppointmentRecord {
	const appointment = ctx.state.store.appointments.get(ctx.params.appointmentId);
	if (!appointment) throw errors.badRequest('Appointment not found');
	assertLocationAccess(ctx, appointment.locationId);
	return appointment;
}

function notesOf(ctx: HandlerContext, appointment: AppointmentRecord): Map<string, GenericRecord> {
	return ctx.state.store.collection(`/calendars/appointments/${appointment.id}/notes`);
}

function noteOf(ctx: HandlerContext): { notes: Map<string, GenericRecord>; note: GenericRecord } {
	const notes = notesOf(ctx, appointmentOf(ctx));
	const note = notes.get(ctx.params.noteId);
	if (!note) throw errors.badRequest('Note not found');
	return { notes, note };
}

/** GetNoteSchema: the note, its appointment's contact and who wrote it. */
function toNote(ctx: HandlerContext, note: GenericRecord): Record<string, unknown> {
	const user = note.userId ? ctx.state.store.users.get(String(note.userId)) : undefined;
	return {
		id: note.id,
		body: note.body,
		...(note.userId ? { userId: note.userId } : {}),
		dateAdded: note.dateAdded,
		contactId: note.contactId,
		...(user ? { createdBy: { id: user.id, name: `${user.firstName} ${user.lastName}`.trim() } } : {}),
	};
}

const listNotes: Handler = (ctx) => {
	const notes = [...notesOf(ctx, appointmentOf(ctx)).values()].sort((a, b) => String(b.dateAdded).localeCompare(String(a.dateAdded)) || String(b.id).localeCompare(String(a.id)));
	const offset = Number(ctx.query.offset ?? 0);
	const limit = Number(ctx.query.limit ?? 10);
	const page = notes.slice(offset, offset + limit);
	return { status: 200, body: { notes: page.map((note) => toNote(ctx, note)), hasMore: offset + page.length < notes.length } };
};

const createNote: Handler = (ctx) => {
	const appointment = appointmentOf(ctx);
	assertUserOfLocation(ctx, ctx.body.userId, appointment.locationId);
	const time = nowIso();
	const note: GenericRecord = { id: ctx.state.store.newId(), locationId: appointment.locationId, contactId: appointment.contactId, body: ctx.body.body, userId: ctx.body.userId, dateAdded: time, dateUpdated: time };
	notesOf(ctx, appointment).set(note.id, note);
	return { status: 201, body: { note: toNote(ctx, note) } };
};

const updateNote: Handler = (ctx) => {
	const { note } = noteOf(ctx);
	assertUserOfLocation(ctx, ctx.body.userId, String(note.locationId));
	Object.assign(note, { body: ctx.body.body, ...(ctx.body.userId !== undefined ? { userId: ctx.body.userId } : {}), dateUpdated: nowIso() });
	return { status: 200, body: { note: toNote(ctx, note) } };
};

const deleteNote: Handler = (ctx) => {
	const { notes, note } = noteOf(ctx);
	notes.delete(note.id);
	return { status: 200, body: { success: true } };
};

export const calendarEventHandlers: Record<string, Handler> = {
	'create-block-slot': createBlockSlot,
	'edit-block-slot': editBlockSlot,
	'get-blocked-slots': listBlockedSlots,
	'get-appointment-notes': listNotes,
	'create-appointment-note': createNote,
	'update-appointment-note': updateNote,
	'delete-appointment-note': deleteNote,
};
