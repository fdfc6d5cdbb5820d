import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { getLocationId } from '../../shared/transport';
import { WEEKDAYS } from '../descriptions/calendarFields';
import { toGhlDateTime } from './dates';
import { checkE164, checkEmail, checkId, checkIdList, checkText, requireText, toList } from './validation';

/** The calendar ID of a calendar locator (or of a plain ID from an expression), checked. */
export function readCalendarId(ctx: IExecuteFunctions, itemIndex: number, parameter = 'calendarId', label = 'Calendar'): string {
	return readLocatorId(ctx, itemIndex, parameter, label);
}

/** The ID a resource locator holds (or a plain ID from an expression), checked. */
export function readLocatorId(ctx: IExecuteFunctions, itemIndex: number, parameter: string, label: string): string {
	const locator = ctx.getNodeParameter(parameter, itemIndex, '') as INodeParameterResourceLocator | string;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return checkId(ctx, itemIndex, label, value);
}

/** Whether Intl knows `name` as an IANA time zone (as GHL does). */
export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return /\//.test(name) || name === 'UTC';
	} catch {
		return false;
	}
}

export function checkTimeZone(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const name = checkText(ctx, itemIndex, field, value);
	if (!isTimeZone(name)) {
		throw new NodeOperationError(ctx.getNode(), `${field}: expected an IANA time zone such as America/New_York, got "${name}"`, { itemIndex });
	}
	return name;
}

/**
 * A date-time as GHL's epoch milliseconds. A wall-clock time without an offset (what n8n's date
 * picker gives) is read in `timeZone`, else in the workflow's time zone; a bare date is its midnight.
 */
export function toEpochMs(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown, timeZone?: string): number {
	const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00` : value;
	return Date.parse(toGhlDateTime(ctx, itemIndex, field, text, timeZone));
}

const NUMBER_FIELDS: Record<string, string> = { slotDuration: 'Slot Duration', slotInterval: 'Slot Interval' };
const TEXT_FIELDS: Record<string, string> = {
	calendarType: 'Calendar Type',
	description: 'Description',
	eventColor: 'Event Color',
	eventTitle: 'Event Title',
	slotDurationUnit: 'Slot Duration Unit',
	slotIntervalUnit: 'Slot Interval Unit',
	slug: 'Slug',
	widgetSlug: 'Widget Slug',
};
const FLAGS = ['allowCancellation', 'allowReschedule', 'autoConfirm', 'isActive'];

/** GHL's calendar body (CalendarCreateDTO / CalendarUpdateDTO) from the node's fields, checked before any request. */
export function buildCalendarBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = checkText(ctx, itemIndex, 'Name', fields.name);
	for (const [key, label] of Object.entries(TEXT_FIELDS)) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = checkText(ctx, itemIndex, label, fields[key]);
	}
	for (const [key, label] of Object.entries(NUMBER_FIELDS)) {
		if (fields[key] === undefined || fields[key] === '') continue;
		const number = Number(fields[key]);
		if (!Number.isFinite(number) || number <= 0) {
			throw new NodeOperationError(ctx.getNode(), `${label}: expected a positive number, got "${String(fields[key])}"`, { itemIndex });
		}
		body[key] = number;
	}
	for (const key of FLAGS) if (fields[key] !== undefined) body[key] = fields[key] === true || fields[key] === 'true';
	if (fields.groupId !== undefined && fields.groupId !== '') body.groupId = checkId(ctx, itemIndex, 'Calendar Group', fields.groupId);
	if (fields.teamMembers !== undefined && !(Array.isArray(fields.teamMembers) && fields.teamMembers.length === 0) && fields.teamMembers !== '') {
		// The first member listed is the primary one.
		body.teamMembers = checkIdList(ctx, itemIndex, 'Team Members', fields.teamMembers).map((userId, index) => ({ userId, isPrimary: index === 0 }));
	}
	return body;
}

/** A booking-link slug: lowercase letters, digits and hyphens. */
export function checkSlug(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field = 'Slug'): string {
	const slug = checkText(ctx, itemIndex, field, value);
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
		throw new NodeOperationError(ctx.getNode(), `${field}: expected lowercase letters, digits and hyphens such as sales-team, got "${slug}"`, { itemIndex });
	}
	return slug;
}

/** A calendar group's name, description and slug, all required by GHL. */
export function readGroupFields(ctx: IExecuteFunctions, itemIndex: number): { name: string; description: string; slug: string } {
	return {
		name: requireText(ctx, itemIndex, 'Name', ctx.getNodeParameter('name', itemIndex, '')),
		description: requireText(ctx, itemIndex, 'Description', ctx.getNodeParameter('description', itemIndex, '')),
		slug: checkSlug(ctx, itemIndex, ctx.getNodeParameter('slug', itemIndex, '')),
	};
}

/**
 * The query of GHL's event listings (`GET /calendars/events`, `GET /calendars/blocked-slots`): the
 * calendar, user or group asked for and the window as epoch milliseconds (GHL's spec types them as text).
 */
export function readEventWindow(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const eventsOf = ctx.getNodeParameter('eventsOf', itemIndex, 'calendar') as string;
	const qs: IDataObject = {};
	if (eventsOf === 'calendar') qs.calendarId = readCalendarId(ctx, itemIndex);
	else if (eventsOf === 'calendarGroup') qs.groupId = checkId(ctx, itemIndex, 'Calendar Group', ctx.getNodeParameter('groupId', itemIndex, ''));
	else qs.userId = checkId(ctx, itemIndex, 'User', ctx.getNodeParameter('userId', itemIndex, ''));
	const startTime = toEpochMs(ctx, itemIndex, 'Start Time', ctx.getNodeParameter('startTime', itemIndex, ''));
	const endTime = toEpochMs(ctx, itemIndex, 'End Time', ctx.getNodeParameter('endTime', itemIndex, ''));
	if (endTime <= startTime) throw new NodeOperationError(ctx.getNode(), 'End Time: expected a time after the Start Time', { itemIndex });
	return { ...qs, startTime: String(startTime), endTime: String(endTime) };
}

/** The query of Calendar Event and Blocked Slot: Get Many: the location, and the window asked for. */
export async function eventWindowQuery(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return { locationId: await getLocationId(ctx), ...readEventWindow(ctx, itemIndex) };
}

/** An event window example: January 2030 of a seeded calendar, every record. */
export function eventWindowExample(calendarId: string): INodeParameters {
	return { eventsOf: 'calendar', calendarId: { mode: 'id', value: calendarId }, startTime: '2030-01-01T00:00:00Z', endTime: '2030-02-01T00:00:00Z', returnAll: true };
}

/** A blocked slot's times (ISO 8601 with an offset), the end after the start when both are given. */
export function readSlotTimes(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const times: IDataObject = {};
	if (fields.startTime !== undefined && fields.startTime !== '') times.startTime = toGhlDateTime(ctx, itemIndex, 'Start Time', fields.startTime);
	if (fields.endTime !== undefined && fields.endTime !== '') times.endTime = toGhlDateTime(ctx, itemIndex, 'End Time', fields.endTime);
	if (times.startTime && times.endTime && Date.parse(times.endTime as string) <= Date.parse(times.startTime as string)) {
		throw new NodeOperationError(ctx.getNode(), `End Time: expected a time after the Start Time (${String(times.startTime)}), got "${String(times.endTime)}"`, { itemIndex });
	}
	return times;
}

/** An appointment note's body (NotesDTO): its text, and its author when one is picked. */
export function readNoteBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = { body: requireText(ctx, itemIndex, 'Body', ctx.getNodeParameter('body', itemIndex, '')) };
	if (fields.userId) body.userId = checkId(ctx, itemIndex, 'Author', fields.userId);
	return body;
}

const COUNT_FIELDS: Record<string, string> = { quantity: 'Quantity', outOfService: 'Out of Service', capacity: 'Capacity' };

/** A room's or equipment's body (Create/UpdateCalendarResourceDTO) from the node's fields, checked. */
export function buildResourceBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireText(ctx, itemIndex, 'Name', fields.name);
	if (fields.description !== undefined) body.description = requireText(ctx, itemIndex, 'Description', fields.description);
	for (const [key, label] of Object.entries(COUNT_FIELDS)) {
		if (fields[key] === undefined || fields[key] === '') continue;
		const count = Number(fields[key]);
		if (!Number.isInteger(count) || count < 0) {
			throw new NodeOperationError(ctx.getNode(), `${label}: expected a whole number of 0 or more, got "${String(fields[key])}"`, { itemIndex });
		}
		body[key] = count;
	}
	if (body.outOfService !== undefined && body.quantity !== undefined && (body.outOfService as number) > (body.quantity as number)) {
		throw new NodeOperationError(ctx.getNode(), `Out of Service: expected at most the Quantity (${String(body.quantity)}), got ${String(body.outOfService)}`, { itemIndex });
	}
	if (fields.calendarIds !== undefined) body.calendarIds = toList(fields.calendarIds).map((id) => checkId(ctx, itemIndex, 'Calendars', id));
	if (fields.isActive !== undefined) body.isActive = fields.isActive === true;
	return body;
}

/** A calendar notification's body (Create/UpdateCalendarNotificationDTO) from the node's fields, checked. */
export function buildNotificationBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const texts: Record<string, string> = {
		receiverType: 'Receiver Type',
		channel: 'Channel',
		notificationType: 'Notification Type',
		templateId: 'Template ID',
		body: 'Body',
		subject: 'Subject',
		fromAddress: 'From Address',
		fromName: 'From Name',
		fromNumber: 'From Number',
	};
	for (const [key, label] of Object.entries(texts)) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = checkText(ctx, itemIndex, label, fields[key]);
	}
	if (body.fromAddress) body.fromAddress = checkEmail(ctx, itemIndex, 'From Address', body.fromAddress);
	if (body.fromNumber) body.fromNumber = checkE164(ctx, itemIndex, 'From Number', body.fromNumber);
	if (fields.isActive !== undefined) body.isActive = fields.isActive === true;
	if (fields.additionalEmailIds) body.additionalEmailIds = toList(fields.additionalEmailIds).map((email) => checkEmail(ctx, itemIndex, 'Additional Emails', email));
	if (fields.additionalPhoneNumbers) body.additionalPhoneNumbers = toList(fields.additionalPhoneNumbers).map((phone) => checkE164(ctx, itemIndex, 'Additional Phone Numbers', phone));
	if (Array.isArray(fields.selectedUsers) && fields.selectedUsers.length) body.selectedUsers = checkIdList(ctx, itemIndex, 'Selected Users', fields.selectedUsers);
	for (const [key, label] of [['beforeTime', 'Before Time'], ['afterTime', 'After Time']] as const) {
		const offsets = ((fields[key] as IDataObject | undefined)?.offset ?? []) as IDataObject[];
		if (!offsets.length) continue;
		body[key] = offsets.map((offset) => {
			const timeOffset = Number(offset.timeOffset);
			if (!Number.isFinite(timeOffset) || timeOffset < 0) {
				throw new NodeOperationError(ctx.getNode(), `${label}: expected a time offset of 0 or more, got "${String(offset.timeOffset)}"`, { itemIndex });
			}
			return { timeOffset, unit: checkText(ctx, itemIndex, `${label} Unit`, offset.unit ?? 'hours') };
		});
	}
	return body;
}

/** GHL takes a schedule's zone only as Area/City (its pattern `^[A-Za-z_]+/[A-Za-z_]+$`). */
const SCHEDULE_TIME_ZONE = /^[A-Za-z_]+\/[A-Za-z_]+$/;
const CLOCK_TIME = /^([01]?[0-9]|2[0-3]):[0-5][0-9]$/;

/** A schedule's name, time zone and hours (Create/UpdateScheduleDTO) from the fields given, checked before any request. */
export function buildScheduleBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = requireText(ctx, itemIndex, 'Name', fields.name);
	if (fields.timezone !== undefined) {
		const zone = checkTimeZone(ctx, itemIndex, 'Time Zone', fields.timezone);
		if (!SCHEDULE_TIME_ZONE.test(zone)) {
			throw new NodeOperationError(ctx.getNode(), `Time Zone: GHL takes a zone of the form Area/City such as America/New_York, got "${zone}"`, { itemIndex });
		}
		body.timezone = zone;
	}
	const ranges = ((fields.rules as IDataObject | undefined)?.range ?? []) as IDataObject[];
	if (ranges.length) body.rules = scheduleRules(ctx, itemIndex, ranges);
	return body;
}

/** GHL's rules (ScheduleRuleDTO) from the node's time ranges: one rule per weekday or date, its ranges as intervals. */
function scheduleRules(ctx: IExecuteFunctions, itemIndex: number, ranges: IDataObject[]): IDataObject[] {
	const rules = new Map<string, IDataObject & { intervals: IDataObject[] }>();
	ranges.forEach((range, index) => {
		const field = (name: string) => `Available Hours ${index + 1}: ${name}`;
		const from = checkText(ctx, itemIndex, field('From'), range.from);
		const to = checkText(ctx, itemIndex, field('To'), range.to);
		for (const [name, time] of [['From', from], ['To', to]]) {
			if (!CLOCK_TIME.test(time)) throw new NodeOperationError(ctx.getNode(), `${field(name)}: expected a 24-hour time such as 09:00, got "${time}"`, { itemIndex });
		}
		const minutes = (time: string) => Number(time.split(':')[0]) * 60 + Number(time.split(':')[1]);
		if (minutes(to) <= minutes(from)) throw new NodeOperationError(ctx.getNode(), `${field('To')}: expected a time after ${from}, got "${to}"`, { itemIndex });
		let rule: IDataObject;
		if (range.type === 'date') {
			const date = checkText(ctx, itemIndex, field('Date'), range.date).slice(0, 10);
			if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
				throw new NodeOperationError(ctx.getNode(), `${field('Date')}: expected a date such as 2030-12-24, got "${String(range.date ?? '')}"`, { itemIndex });
			}
			rule = { type: 'date', date };
		} else {
			const day = checkText(ctx, itemIndex, field('Day'), range.day ?? 'monday').toLowerCase();
			if (!WEEKDAYS.includes(day)) throw new NodeOperationError(ctx.getNode(), `${field('Day')}: expected a weekday such as monday, got "${day}"`, { itemIndex });
			rule = { type: 'wday', day };
		}
		const key = `${String(rule.type)}:${String(rule.date ?? rule.day)}`;
		if (!rules.has(key)) rules.set(key, { ...rule, intervals: [] });
		rules.get(key)!.intervals.push({ from, to });
	});
	return [...rules.values()];
}
