/**
 * Calendars themselves (create, update, delete, free slots) and calendar groups' slugs
 * (apps/calendars.json, Version 2021-04-15). Reads of calendars are in calendars.ts; the other
 * calendar resources (groups' CRUD, resources, notifications) are the generic store's.
 */
import { errors } from '../http';
import { toCalendar, type CalendarRecord, type GenericRecord } from '../store';
import { bodyRefusal } from '../validation';
import { assertLocationAccess, formatWithOffset, getLocation, parseIsoMs } from './common';
import type { Handler, HandlerContext } from './context';
import { answer, findRecord } from './generic';

/** CalendarRecord's typed fields; every other CalendarDTO field a client writes is kept in `settings`. */
const TYPED_FIELDS = [
	'name',
	'description',
	'slug',
	'widgetSlug',
	'calendarType',
	'widgetType',
	'eventTitle',
	'eventColor',
	'slotDuration',
	'slotInterval',
	'isActive',
	'autoConfirm',
	'openHours',
	'groupId',
] as const;

export function calendarOf(ctx: HandlerContext, calendarId: string): CalendarRecord {
	const calendar = ctx.state.store.calendars.get(calendarId);
	if (!calendar) throw errors.badRequest('Calendar not found');
	assertLocationAccess(ctx, calendar.locationId);
	return calendar;
}

function groupsOf(ctx: HandlerContext): Map<string, GenericRecord> {
	return ctx.state.store.collection('/calendars/groups');
}

function assertGroup(ctx: HandlerContext, groupId: unknown, locationId: string): void {
	if (groupId === undefined || groupId === '') return;
	const group = groupsOf(ctx).get(String(groupId));
	if (!group || group.locationId !== locationId) throw errors.badRequest('Group not found');
}

/** Team members must be users of the calendar's location (GHL: "Invalid team member"). */
function memberIds(ctx: HandlerContext, members: unknown, locationId: string): string[] | undefined {
	if (!Array.isArray(members)) return undefined;
	return members.map((member: { userId: string }) => {
		const user = ctx.state.store.users.get(member.userId);
		if (!user || !user.locationIds.includes(locationId)) throw errors.badRequest(`Invalid team member ${member.userId}`);
		return member.userId;
	});
}

function write(ctx: HandlerContext, calendar: CalendarRecord, body: Record<string, unknown>): void {
	assertGroup(ctx, body.groupId, calendar.locationId);
	const members = memberIds(ctx, body.teamMembers, calendar.locationId);
	if (members) calendar.teamMembers = members;
	const record = calendar as unknown as Record<string, unknown>;
	const settings: Record<string, unknown> = { ...calendar.settings };
	for (const [name, value] of Object.entries(body)) {
		if (name === 'locationId') continue;
		if ((TYPED_FIELDS as readonly string[]).includes(name)) record[name] = value;
		else settings[name] = value;
	}
	calendar.settings = settings;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const createCalendar: Handler = (ctx) => {
	const location = getLocation(ctx, ctx.body.locationId);
	const calendar: CalendarRecord = {
		id: ctx.state.store.newId(),
		locationId: location.id,
		name: ctx.body.name,
		description: '',
		slug: slug(ctx.body.name),
		widgetSlug: slug(ctx.body.name),
		calendarType: 'event',
		widgetType: 'default',
		eventTitle: '{{contact.name}}',
		eventColor: '#039be5',
		slotDuration: 30,
		slotInterval: 30,
		teamMembers: [],
		isActive: true,
		autoConfirm: true,
	};
	write(ctx, calendar, ctx.body);
	ctx.state.store.calendars.set(calendar.id, calendar);
	return { status: 200, body: { calendar: toCalendar(calendar) } };
};

const updateCalendar: Handler = (ctx) => {
	const calendar = calendarOf(ctx, ctx.params.calendarId);
	const next: CalendarRecord = { ...calendar, teamMembers: [...calendar.teamMembers] };
	write(ctx, next, ctx.body);
	ctx.state.store.calendars.set(next.id, next);
	return { status: 200, body: { calendar: toCalendar(next) } };
};

const deleteCalendar: Handler = (ctx) => {
	const calendar = calendarOf(ctx, ctx.params.calendarId);
	ctx.state.store.calendars.delete(calendar.id);
	return { status: 200, body: { success: true } };
};

// ---------------------------------------------------------------------------
// Free slots

/** GHL refuses a free-slot window longer than this. */
const MAX_SLOT_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;
/** Open hours of a calendar that has none: Monday to Friday, 9:00 to 17:00. */
const DEFAULT_OPEN_HOURS = [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }];

export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** The wall clock of `timeZone` at `utcMs`, and how many minutes it is ahead of UTC. */
function wallClock(utcMs: number, timeZone: string): { year: number; month: number; day: number; weekday: number; offset: number } {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
	const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return {
		year: part('year'),
		month: part('month'),
		day: part('day'),
		weekday: new Date(Date.UTC(part('year'), part('month') - 1, part('day'))).getUTCDay(),
		offset: Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60_000),
	};
}

/** The instant a wall-clock time of `timeZone` names. */
function fromWallClock(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
	const wall = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
	const guess = wall - wallClock(wall, timeZone).offset * 60_000;
	return wall - wallClock(guess, timeZone).offset * 60_000;
}

/** Whether a user of the calendar has a non-cancelled appointment or a blocked slot overlapping [start, end). */
function busy(ctx: HandlerContext, calendar: CalendarRecord, userId: string | undefined, start: number, end: number): boolean {
	const overlaps = (from: string, to: string) => parseIsoMs(from) < end && start < parseIsoMs(to);
	for (const appointment of ctx.state.store.appointments.values()) {
		if (appointment.calendarId !== calendar.id || appointment.appointmentStatus === 'cancelled') continue;
		if (userId && appointment.assignedUserId !== userId) continue;
		if (overlaps(appointment.startTime, appointment.endTime)) return true;
	}
	for (const slot of ctx.state.store.collection('/calendars/events/block-slots').values()) {
		if (slot.calendarId !== calendar.id && !(userId && slot.assignedUserId === userId)) continue;
		if (userId && slot.assignedUserId && slot.assignedUserId !== userId) continue;
		if (overlaps(String(slot.startTime), String(slot.endTime))) return true;
	}
	return false;
}

/**
 * `GET /calendars/{calendarId}/free-slots`: the calendar's open slots between two epoch-ms instants,
 * by date in the requested time zone (else the location's), each slot written with that zone's
 * offset. A slot is free when one of the users asked for (else of the team) has nothing booked or
 * blocked then. Real GHL also applies booking notice, buffers and per-day limits; the sandbox does not.
 */
const freeSlots: Handler = (ctx) => {
	const calendar = calendarOf(ctx, ctx.params.calendarId);
	const from = Number(ctx.query.startDate);
	const to = Number(ctx.query.endDate);
	if (to < from) throw bodyRefusal(ctx.op, ['endDate must be after startDate']);
	if (to - from > MAX_SLOT_WINDOW_DAYS * DAY_MS) throw errors.badRequest(`The date range cannot be more than ${MAX_SLOT_WINDOW_DAYS} days`);
	const timeZone = typeof ctx.query.timezone === 'string' && ctx.query.timezone ? ctx.query.timezone : getLocation(ctx, calendar.locationId).timezone;
	if (!isTimeZone(timeZone)) throw errors.badRequest(`Invalid timezone ${timeZone}`);
	const asked = [ctx.query.userId, ...(Array.isArray(ctx.query.userIds) ? ctx.query.userIds : ctx.query.userIds ? [ctx.query.userIds] : [])]
		.filter((id): id is string => typeof id === 'string' && id !== '');
	const users: Array<string | undefined> = asked.length ? asked.filter((id) => calendar.teamMembers.includes(id)) : calendar.teamMembers.length ? calendar.teamMembers : [undefined];
	const duration = calendar.slotDuration * 60_000;
	const openHours = calendar.openHours ?? DEFAULT_OPEN_HOURS;
	const answerBody: Record<string, { slots: string[] }> = {};
	for (let dayStart = from - DAY_MS; dayStart <= to + DAY_MS; dayStart += DAY_MS) {
		const { year, month, day, weekday } = wallClock(dayStart, timeZone);
		const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
		if (answerBody[date]) continue;
		const slots: string[] = [];
		for (const rule of openHours.filter((candidate) => candidate.daysOfTheWeek.includes(weekday))) {
			for (const hours of rule.hours) {
				const close = hours.closeHour * 60 + hours.closeMinute;
				for (let minute = hours.openHour * 60 + hours.openMinute; minute + calendar.slotDuration <= close; minute += calendar.slotInterval || calendar.slotDuration) {
					const start = fromWallClock(year, month, day, minute, timeZone);
					if (start < from || start > to) continue;
					if (!users.some((userId) => !busy(ctx, calendar, userId, start, start + duration))) continue;
					slots.push(formatWithOffset(start, wallClock(start, timeZone).offset));
				}
			}
		}
		if (slots.length) answerBody[date] = { slots: slots.sort() };
	}
	return { status: 200, body: answerBody };
};

// ---------------------------------------------------------------------------
// Calendar groups: a slug is unique in its location

function slugTaken(ctx: HandlerContext, locationId: string, wanted: string, except?: string): boolean {
	return [...groupsOf(ctx).values()].some((group) => group.locationId === locationId && group.slug === wanted && group.id !== except);
}

const createGroup: Handler = (ctx) => {
	const location = getLocation(ctx, ctx.body.locationId);
	if (slugTaken(ctx, location.id, ctx.body.slug)) throw errors.badRequest('Slug is already taken');
	const time = new Date().toISOString();
	const group: GenericRecord = { isActive: true, ...ctx.body, id: ctx.state.store.newRecordId(), locationId: location.id, dateAdded: time, dateUpdated: time };
	groupsOf(ctx).set(group.id, group);
	return answer(ctx.op, { record: group });
};

const editGroup: Handler = (ctx) => {
	const group = findRecord(ctx, groupsOf(ctx), ctx.params.groupId, 'Group');
	if (slugTaken(ctx, String(group.locationId), ctx.body.slug, group.id)) throw errors.badRequest('Slug is already taken');
	Object.assign(group, ctx.body, { dateUpdated: new Date().toISOString() });
	return answer(ctx.op, { record: group });
};

export const calendarSetupHandlers: Record<string, Handler> = {
	'create-calendar': createCalendar,
	'update-calendar': updateCalendar,
	'delete-calendar': deleteCalendar,
	'get-slots': freeSlots,
	'create-calendar-group': createGroup,
	'edit-group': editGroup,
	'validate-groups-slug': (ctx) => {
		const location = getLocation(ctx, ctx.body.locationId);
		return { status: 200, body: { available: !slugTaken(ctx, location.id, ctx.body.slug) } };
	},
};
