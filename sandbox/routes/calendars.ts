/** Calendars and appointments (apps/calendars.json, Version 2021-04-15) + a contact's appointments. */
import { errors } from '../http';
import {
	contactName,
	toAppointmentResponse,
	toCalendar,
	toCalendarEvent,
	toContactEvent,
	type AppointmentRecord,
	type CalendarRecord,
} from '../store';
import { bodyRefusal } from '../validation';
import { appointmentEvent } from '../webhooks';
import { assertLocationAccess, formatWithOffset, getContact, getLocation, isoOffsetMinutes, nowIso, parseIsoMs } from './common';
import type { Handler, HandlerContext } from './context';

function getCalendar(ctx: HandlerContext, calendarId: string, locationId?: string): CalendarRecord {
	const calendar = ctx.state.store.calendars.get(calendarId);
	if (!calendar || (locationId && calendar.locationId !== locationId)) throw errors.badRequest('Calendar not found');
	assertLocationAccess(ctx, calendar.locationId);
	return calendar;
}

function getAppointment(ctx: HandlerContext, eventId: string): AppointmentRecord {
	const appointment = ctx.state.store.appointments.get(eventId);
	if (!appointment) throw errors.badRequest('Appointment not found');
	assertLocationAccess(ctx, appointment.locationId);
	return appointment;
}

/** Times are answered with the offset the client sent (GHL answers in the location's zone). */
function normalizeTime(value: string): string {
	return formatWithOffset(parseIsoMs(value), isoOffsetMinutes(value));
}

/**
 * Free-slot validation, simplified: an appointment may not overlap another non-cancelled
 * one of the same calendar and assigned user, unless `ignoreFreeSlotValidation: true`.
 * (Real GHL also checks open hours; the sandbox does not.)
 */
function assertSlotFree(ctx: HandlerContext, candidate: AppointmentRecord, ignore: boolean): void {
	if (ignore) return;
	const start = parseIsoMs(candidate.startTime);
	const end = parseIsoMs(candidate.endTime);
	for (const other of ctx.state.store.appointments.values()) {
		if (other.id === candidate.id || other.calendarId !== candidate.calendarId) continue;
		if (other.appointmentStatus === 'cancelled' || other.assignedUserId !== candidate.assignedUserId) continue;
		if (parseIsoMs(other.startTime) < end && start < parseIsoMs(other.endTime)) {
			throw errors.badRequest('The slot you have selected is no longer available.');
		}
	}
}

function assertTimeOrder(ctx: HandlerContext, startTime: string, endTime: string): void {
	if (parseIsoMs(endTime) <= parseIsoMs(startTime)) throw bodyRefusal(ctx.op, ['endTime must be after startTime']);
}

const createAppointment: Handler = (ctx) => {
	const b = ctx.body;
	const location = getLocation(ctx, b.locationId);
	const calendar = getCalendar(ctx, b.calendarId, location.id);
	const contact = getContact(ctx, b.contactId);
	if (contact.locationId !== location.id) throw errors.badRequest('Contact not found');
	const startTime = normalizeTime(b.startTime);
	const endTime = b.endTime
		? normalizeTime(b.endTime)
		: formatWithOffset(parseIsoMs(b.startTime) + calendar.slotDuration * 60_000, isoOffsetMinutes(b.startTime));
	assertTimeOrder(ctx, startTime, endTime);
	const time = nowIso();
	const recurring = typeof b.rrule === 'string' && b.rrule !== '' && b.ignoreFreeSlotValidation === true;
	const appointment: AppointmentRecord = {
		id: '',
		locationId: location.id,
		calendarId: calendar.id,
		contactId: contact.id,
		groupId: calendar.groupId ?? '',
		title: b.title ?? contactName(contact) ?? 'Appointment',
		startTime,
		endTime,
		appointmentStatus: b.appointmentStatus ?? (calendar.autoConfirm ? 'confirmed' : 'new'),
		assignedUserId: b.assignedUserId ?? calendar.teamMembers[0],
		users: [],
		address: b.address,
		meetingLocationType: b.meetingLocationType ?? (b.address ? 'custom' : undefined),
		meetingLocationId: b.meetingLocationId,
		description: b.description,
		rrule: recurring ? b.rrule : undefined,
		isRecurring: recurring,
		source: 'third_party',
		dateAdded: time,
		dateUpdated: time,
	};
	assertSlotFree(ctx, appointment, b.ignoreFreeSlotValidation === true);
	appointment.id = ctx.state.store.newId();
	ctx.state.store.appointments.set(appointment.id, appointment);
	ctx.state.webhooks.emit(appointmentEvent('AppointmentCreate', appointment));
	// The spec declares 200 (not 201) and a flat AppointmentSchemaResponse.
	return { status: 200, body: toAppointmentResponse(appointment) };
};

const editAppointment: Handler = (ctx) => {
	const existing = getAppointment(ctx, ctx.params.eventId);
	const b = ctx.body;
	const next: AppointmentRecord = { ...existing, users: [...existing.users] };
	if (b.calendarId !== undefined) next.calendarId = getCalendar(ctx, b.calendarId, existing.locationId).id;
	if (b.startTime !== undefined) {
		const duration = parseIsoMs(existing.endTime) - parseIsoMs(existing.startTime);
		next.startTime = normalizeTime(b.startTime);
		next.endTime = b.endTime
			? normalizeTime(b.endTime)
			: formatWithOffset(parseIsoMs(b.startTime) + duration, isoOffsetMinutes(b.startTime));
	} else if (b.endTime !== undefined) {
		next.endTime = normalizeTime(b.endTime);
	}
	assertTimeOrder(ctx, next.startTime, next.endTime);
	for (const key of ['title', 'appointmentStatus', 'assignedUserId', 'address', 'meetingLocationType', 'meetingLocationId', 'description'] as const) {
		if (b[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = b[key];
	}
	if (b.address !== undefined && b.meetingLocationType === undefined) next.meetingLocationType = 'custom';
	if (typeof b.rrule === 'string' && b.ignoreFreeSlotValidation === true) {
		next.rrule = b.rrule;
		next.isRecurring = b.rrule !== '';
	}
	const timingChanged =
		next.startTime !== existing.startTime || next.endTime !== existing.endTime || next.calendarId !== existing.calendarId || next.assignedUserId !== existing.assignedUserId;
	if (timingChanged) assertSlotFree(ctx, next, b.ignoreFreeSlotValidation === true);
	next.dateUpdated = nowIso();
	ctx.state.store.appointments.set(next.id, next);
	ctx.state.webhooks.emit(appointmentEvent('AppointmentUpdate', next));
	return { status: 200, body: toAppointmentResponse(next) };
};

/** `DELETE /calendars/events/{eventId}` answers 201 `{succeeded: true}` (spec; note the spelling differs from contacts' `succeded`). */
const deleteEvent: Handler = (ctx) => {
	// Any calendar event: a blocked slot too.
	const blocked = ctx.state.store.collection('/calendars/events/block-slots').get(ctx.params.eventId);
	if (blocked) {
		assertLocationAccess(ctx, blocked.locationId);
		ctx.state.store.collection('/calendars/events/block-slots').delete(blocked.id);
		return { status: 201, body: { succeeded: true } };
	}
	const appointment = getAppointment(ctx, ctx.params.eventId);
	ctx.state.store.appointments.delete(appointment.id);
	ctx.state.webhooks.emit(appointmentEvent('AppointmentDelete', appointment));
	return { status: 201, body: { succeeded: true } };
};

/** `GET /calendars/events`: epoch-ms window, and one of calendarId/userId/groupId is required. */
const listEvents: Handler = (ctx) => {
	const q = ctx.query;
	const location = getLocation(ctx, String(q.locationId));
	if (!q.calendarId && !q.userId && !q.groupId) throw errors.badRequest('calendarId, userId or groupId is required');
	const from = Number(q.startTime);
	const to = Number(q.endTime);
	const events = [...ctx.state.store.appointments.values()]
		.filter((a) => a.locationId === location.id)
		.filter((a) => (!q.calendarId || a.calendarId === q.calendarId) && (!q.groupId || a.groupId === q.groupId))
		.filter((a) => !q.userId || a.assignedUserId === q.userId || a.users.includes(String(q.userId)))
		.filter((a) => parseIsoMs(a.startTime) <= to && parseIsoMs(a.endTime) >= from)
		.sort((a, b) => parseIsoMs(a.startTime) - parseIsoMs(b.startTime));
	return { status: 200, body: { events: events.map(toCalendarEvent) } };
};

export const calendarHandlers: Record<string, Handler> = {
	'create-appointment': createAppointment,
	'edit-appointment': editAppointment,
	'get-appointment': (ctx) => ({ status: 200, body: { event: toCalendarEvent(getAppointment(ctx, ctx.params.eventId)) } }),
	'delete-event': deleteEvent,
	'get-calendar-events': listEvents,
	'get-calendars': (ctx) => {
		const location = getLocation(ctx, String(ctx.query.locationId));
		const calendars = [...ctx.state.store.calendars.values()]
			.filter((c) => c.locationId === location.id)
			.filter((c) => !ctx.query.groupId || c.groupId === ctx.query.groupId)
			.filter((c) => c.isActive || ctx.query.showDrafted === true);
		return { status: 200, body: { calendars: calendars.map(toCalendar) } };
	},
	'get-calendar': (ctx) => ({ status: 200, body: { calendar: toCalendar(getCalendar(ctx, ctx.params.calendarId)) } }),
	'get-appointments-for-contact': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const events = [...ctx.state.store.appointments.values()]
			.filter((a) => a.contactId === contact.id)
			.sort((a, b) => parseIsoMs(a.startTime) - parseIsoMs(b.startTime));
		return { status: 200, body: { events: events.map(toContactEvent) } };
	},
};
