import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { toGhlDateTime } from './dates';
import { checkId, checkIdList, checkText, requireText } from './validation';

/** The calendar ID of a calendar locator (or of a plain ID from an expression), checked. */
export function readCalendarId(ctx: IExecuteFunctions, itemIndex: number, parameter = 'calendarId', label = 'Calendar'): string {
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
