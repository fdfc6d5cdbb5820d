/**
 * Calendar resources (rooms and equipment) and calendar notifications (apps/calendars.json,
 * Version 2021-04-15), kept in the generic collections `/calendars/resources/{resourceType}` and
 * `/calendars/{calendarId}/notifications`. Written by hand because GHL checks what the generic
 * store cannot: a resource's calendars are the location's, its type is the path's, and a
 * notification belongs to a calendar that exists, is soft-deleted and answered with `_id`.
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { assertLocationAccess, getLocation, nowIso } from './common';
import type { Handler, HandlerContext } from './context';
import { calendarOf } from './calendarSetup';

function resourcesOf(ctx: HandlerContext): Map<string, GenericRecord> {
	return ctx.state.store.collection(`/calendars/resources/${ctx.params.resourceType}`);
}

function resourceOf(ctx: HandlerContext): GenericRecord {
	const resource = resourcesOf(ctx).get(ctx.params.id);
	if (!resource) throw errors.badRequest('Resource not found');
	assertLocationAccess(ctx, resource.locationId);
	return resource;
}

function assertCalendars(ctx: HandlerContext, calendarIds: unknown, locationId: string): void {
	if (!Array.isArray(calendarIds)) return;
	for (const calendarId of calendarIds) {
		if (calendarOf(ctx, String(calendarId)).locationId !== locationId) throw errors.badRequest(`Calendar ${String(calendarId)} not found`);
	}
}

/** CalendarResourceByIdResponseDTO (its update answer is the same without calendarIds). */
function toResource(resource: GenericRecord, withCalendars = true): Record<string, unknown> {
	const { id, locationId, name, resourceType, isActive, description, quantity, outOfService, capacity, calendarIds } = resource;
	return { id, locationId, name, resourceType, isActive, description, quantity, outOfService, capacity, ...(withCalendars ? { calendarIds } : {}) };
}

const RESOURCE_FIELDS = ['name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds', 'isActive'];

const createResource: Handler = (ctx) => {
	const location = getLocation(ctx, ctx.body.locationId);
	assertCalendars(ctx, ctx.body.calendarIds, location.id);
	const time = nowIso();
	const resource: GenericRecord = { id: ctx.state.store.newRecordId(), locationId: location.id, resourceType: ctx.params.resourceType, isActive: true, dateAdded: time, dateUpdated: time };
	for (const key of RESOURCE_FIELDS) if (ctx.body[key] !== undefined) resource[key] = ctx.body[key];
	resourcesOf(ctx).set(resource.id, resource);
	return { status: 201, body: toResource(resource) };
};

const updateResource: Handler = (ctx) => {
	const resource = resourceOf(ctx);
	if (ctx.body.locationId !== undefined && ctx.body.locationId !== resource.locationId) throw errors.forbiddenLocation();
	assertCalendars(ctx, ctx.body.calendarIds, String(resource.locationId));
	for (const key of RESOURCE_FIELDS) if (ctx.body[key] !== undefined) resource[key] = ctx.body[key];
	resource.dateUpdated = nowIso();
	return { status: 200, body: toResource(resource, false) };
};

const listResources: Handler = (ctx) => {
	const location = getLocation(ctx, String(ctx.query.locationId));
	const skip = Number(ctx.query.skip ?? 0);
	const limit = Number(ctx.query.limit ?? 100);
	const resources = [...resourcesOf(ctx).values()].filter((resource) => resource.locationId === location.id);
	return { status: 200, body: resources.slice(skip, skip + limit).map((resource) => toResource(resource)) };
};

// ---------------------------------------------------------------------------
// Notifications

const NOTIFICATION_FIELDS = [
	'receiverType',
	'channel',
	'notificationType',
	'isActive',
	'deleted',
	'templateId',
	'body',
	'subject',
	'afterTime',
	'beforeTime',
	'additionalEmailIds',
	'additionalPhoneNumbers',
	'selectedUsers',
	'fromAddress',
	'fromName',
	'fromNumber',
];

function notificationsOf(ctx: HandlerContext): Map<string, GenericRecord> {
	const calendar = calendarOf(ctx, ctx.params.calendarId);
	return ctx.state.store.collection(`/calendars/${calendar.id}/notifications`);
}

function notificationOf(ctx: HandlerContext): { notifications: Map<string, GenericRecord>; notification: GenericRecord } {
	const notifications = notificationsOf(ctx);
	const notification = notifications.get(ctx.params.notificationId);
	if (!notification) throw errors.badRequest('Notification not found');
	return { notifications, notification };
}

/** CalendarNotificationResponseDTO: GHL names the id `_id`. */
function toNotification(notification: GenericRecord): Record<string, unknown> {
	const out: Record<string, unknown> = { _id: notification.id };
	for (const key of NOTIFICATION_FIELDS) if (notification[key] !== undefined) out[key] = notification[key];
	return out;
}

const createNotifications: Handler = (ctx) => {
	const notifications = notificationsOf(ctx);
	const locationId = ctx.state.store.calendars.get(ctx.params.calendarId)!.locationId;
	const created = (ctx.body as unknown as Array<Record<string, unknown>>).map((item) => {
		const time = nowIso();
		const notification: GenericRecord = { id: ctx.state.store.newRecordId(), locationId, calendarId: ctx.params.calendarId, isActive: true, deleted: false, dateAdded: time, dateUpdated: time };
		for (const key of NOTIFICATION_FIELDS) if (item[key] !== undefined) notification[key] = item[key];
		notifications.set(notification.id, notification);
		return notification;
	});
	return { status: 200, body: created.map(toNotification) };
};

/** Deleted notifications are listed only when asked for (`deleted=true`); `isActive` filters when given. */
const listNotifications: Handler = (ctx) => {
	const deleted = ctx.query.deleted === true;
	const skip = Number(ctx.query.skip ?? 0);
	const limit = Number(ctx.query.limit ?? 100);
	const list = [...notificationsOf(ctx).values()]
		.filter((notification) => Boolean(notification.deleted) === deleted)
		.filter((notification) => ctx.query.isActive === undefined || notification.isActive === ctx.query.isActive);
	return { status: 200, body: list.slice(skip, skip + limit).map(toNotification) };
};

const updateNotification: Handler = (ctx) => {
	const { notification } = notificationOf(ctx);
	for (const key of NOTIFICATION_FIELDS) if (ctx.body[key] !== undefined) notification[key] = ctx.body[key];
	notification.dateUpdated = nowIso();
	return { status: 200, body: { message: 'Notification updated successfully' } };
};

/** GHL keeps a deleted notification (listed with `deleted=true`). */
const deleteNotification: Handler = (ctx) => {
	const { notification } = notificationOf(ctx);
	Object.assign(notification, { deleted: true, isActive: false, dateUpdated: nowIso() });
	return { status: 200, body: { message: 'Notification deleted successfully' } };
};

export const calendarResourceHandlers: Record<string, Handler> = {
	'create-calendar-resource': createResource,
	'get-calendar-resource': (ctx) => ({ status: 200, body: toResource(resourceOf(ctx)) }),
	'update-calendar-resource': updateResource,
	'delete-calendar-resource': (ctx) => {
		const resource = resourceOf(ctx);
		resourcesOf(ctx).delete(resource.id);
		return { status: 200, body: { success: true } };
	},
	'fetch-calendar-resources': listResources,
	'create-event-notification': createNotifications,
	'get-event-notification': listNotifications,
	'find-event-notification': (ctx) => ({ status: 200, body: toNotification(notificationOf(ctx).notification) }),
	'update-event-notification': updateNotification,
	'delete-event-notification': deleteNotification,
};
