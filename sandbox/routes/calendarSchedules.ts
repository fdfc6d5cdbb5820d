/**
 * Users' availability schedules (apps/calendars.json, Version 2021-04-15), kept in the generic
 * collection `/calendars/schedules`. Written by hand because GHL checks what the generic store
 * cannot: a schedule belongs to a user of its location, its calendars are that location's, a rule
 * names its weekday or date and ends after it starts, the search needs the user, a deleted schedule
 * is gone (404), and linking a calendar changes the schedule's `calendarIds`.
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { bodyRefusal } from '../validation';
import { assertLocationAccess, getLocation, nowIso } from './common';
import { isTimeZone } from './calendarSetup';
import type { Handler, HandlerContext } from './context';

const COLLECTION = '/calendars/schedules';

interface ScheduleRule {
	type: 'wday' | 'date';
	day?: string;
	date?: string;
	intervals: Array<{ from: string; to: string }>;
}

function schedulesOf(ctx: HandlerContext): Map<string, GenericRecord> {
	return ctx.state.store.collection(COLLECTION);
}

/** The schedule of the path's `id`: 404 when there is none (or it was deleted), 403 when it is another location's. */
function scheduleOf(ctx: HandlerContext): GenericRecord {
	const schedule = schedulesOf(ctx).get(ctx.params.id);
	if (!schedule || schedule.deleted) throw errors.notFound('Schedule not found');
	assertLocationAccess(ctx, String(schedule.locationId));
	return schedule;
}

/** ScheduleObjectResponseDTO. */
function toSchedule(schedule: GenericRecord): Record<string, unknown> {
	const { id, name, locationId, rules, timezone, dateAdded, dateUpdated, userId, calendarIds, deleted } = schedule;
	return { id, name, locationId, rules, timezone, dateAdded, dateUpdated, userId, calendarIds, deleted: Boolean(deleted) };
}

const minutes = (time: string) => Number(time.split(':')[0]) * 60 + Number(time.split(':')[1]);

/** What the DTO's schema cannot say: a weekday rule names its day, a date rule its date, an interval ends after it starts. */
function checkRules(ctx: HandlerContext, rules: unknown): void {
	if (!Array.isArray(rules)) return;
	const problems: string[] = [];
	(rules as ScheduleRule[]).forEach((rule, index) => {
		if (rule.type === 'wday' && !rule.day) problems.push(`rules.${index}.day is required for a wday rule`);
		if (rule.type === 'date' && !rule.date) problems.push(`rules.${index}.date is required for a date rule`);
		if (rule.type === 'date' && rule.date && Number.isNaN(Date.parse(`${rule.date}T00:00:00Z`))) problems.push(`rules.${index}.date must be a valid date`);
		rule.intervals.forEach((interval, at) => {
			if (minutes(interval.to) <= minutes(interval.from)) problems.push(`rules.${index}.intervals.${at}.to must be after from`);
		});
	});
	if (problems.length) throw bodyRefusal(ctx.op, problems);
}

function checkTimeZone(ctx: HandlerContext, timezone: unknown): void {
	if (timezone !== undefined && !isTimeZone(String(timezone))) throw bodyRefusal(ctx.op, [`timezone ${String(timezone)} is not a valid IANA time zone`]);
}

/** A calendar of the schedule's location; else `missing` (the status the operation declares). */
function assertCalendar(ctx: HandlerContext, calendarId: string, locationId: string, missing: (message: string) => Error): void {
	const calendar = ctx.state.store.calendars.get(calendarId);
	if (!calendar || calendar.locationId !== locationId) throw missing(`Calendar ${calendarId} not found`);
}

const createSchedule: Handler = (ctx) => {
	const location = getLocation(ctx, ctx.body.locationId);
	const user = ctx.state.store.users.get(ctx.body.userId);
	if (!user || !user.locationIds.includes(location.id)) throw errors.badRequest(`User ${String(ctx.body.userId)} not found in this location`);
	checkTimeZone(ctx, ctx.body.timezone);
	checkRules(ctx, ctx.body.rules);
	const calendarIds = [...new Set((ctx.body.calendarIds ?? []) as string[])];
	for (const calendarId of calendarIds) assertCalendar(ctx, calendarId, location.id, errors.badRequest);
	const time = nowIso();
	const schedule: GenericRecord = {
		id: ctx.state.store.newRecordId(),
		locationId: location.id,
		userId: user.id,
		name: ctx.body.name,
		timezone: ctx.body.timezone,
		rules: ctx.body.rules ?? [],
		calendarIds,
		deleted: false,
		dateAdded: time,
		dateUpdated: time,
	};
	schedulesOf(ctx).set(schedule.id, schedule);
	return { status: 201, body: { schedule: toSchedule(schedule) } };
};

/** Only the fields sent change (UpdateScheduleDTO: name, rules, timezone). */
const updateSchedule: Handler = (ctx) => {
	const schedule = scheduleOf(ctx);
	checkTimeZone(ctx, ctx.body.timezone);
	checkRules(ctx, ctx.body.rules);
	for (const key of ['name', 'rules', 'timezone']) if (ctx.body[key] !== undefined) schedule[key] = ctx.body[key];
	schedule.dateUpdated = nowIso();
	return { status: 200, body: { schedule: toSchedule(schedule) } };
};

/** A user's schedules in a location, optionally only those applied to one calendar; paged by skip/limit. */
const searchSchedules: Handler = (ctx) => {
	const location = getLocation(ctx, String(ctx.query.locationId));
	const skip = Number(ctx.query.skip ?? 0);
	const limit = Number(ctx.query.limit ?? 50);
	const calendarId = typeof ctx.query.calendarId === 'string' && ctx.query.calendarId ? ctx.query.calendarId : undefined;
	const found = [...schedulesOf(ctx).values()].filter(
		(schedule) =>
			schedule.locationId === location.id &&
			schedule.userId === ctx.query.userId &&
			!schedule.deleted &&
			(calendarId === undefined || (schedule.calendarIds as string[]).includes(calendarId)),
	);
	return { status: 200, body: { schedules: found.slice(skip, skip + limit).map(toSchedule) } };
};

/** GHL removes the schedule for good: reads answer 404 and the search no longer lists it. */
const deleteSchedule: Handler = (ctx) => {
	const schedule = scheduleOf(ctx);
	schedulesOf(ctx).delete(schedule.id);
	return { status: 200, body: { success: true } };
};

const addCalendar: Handler = (ctx) => {
	const schedule = scheduleOf(ctx);
	assertCalendar(ctx, ctx.params.calendarId, String(schedule.locationId), errors.notFound);
	const calendarIds = schedule.calendarIds as string[];
	if (!calendarIds.includes(ctx.params.calendarId)) calendarIds.push(ctx.params.calendarId);
	schedule.dateUpdated = nowIso();
	return { status: 200, body: { success: true } };
};

const removeCalendar: Handler = (ctx) => {
	const schedule = scheduleOf(ctx);
	assertCalendar(ctx, ctx.params.calendarId, String(schedule.locationId), errors.notFound);
	const calendarIds = schedule.calendarIds as string[];
	if (!calendarIds.includes(ctx.params.calendarId)) throw errors.notFound(`Calendar ${ctx.params.calendarId} is not in this schedule`);
	schedule.calendarIds = calendarIds.filter((id) => id !== ctx.params.calendarId);
	schedule.dateUpdated = nowIso();
	return { status: 200, body: { success: true } };
};

export const calendarScheduleHandlers: Record<string, Handler> = {
	createSchedule,
	getAllSchedules: searchSchedules,
	getScheduleById: (ctx) => ({ status: 200, body: { schedule: toSchedule(scheduleOf(ctx)) } }),
	updateSchedule,
	deleteSchedule,
	'add-calendar-to-schedule': addCalendar,
	'remove-calendar-from-schedule': removeCalendar,
};
