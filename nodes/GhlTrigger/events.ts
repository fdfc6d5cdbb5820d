import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * GHL marketplace webhook event types.
 *
 * The first 14 are the contact, note, task and appointment events this package is built around
 * (their payloads are documented and emulated by the sandbox); the rest are every other event type
 * GHL lists (toc.json of GoHighLevel/highlevel-api-docs plus four only on the docs site). Values are
 * the `type` field GHL puts in the body; where the docs page name differs from the `type` in its
 * example, the example's `type` is used (ConversationUnreadUpdate, ProviderOutboundMessage,
 * INSTALL/UNINSTALL, SaasPlanCreate).
 */

export const ALL_EVENTS = '*';

/** Deliveries without a `type` field, e.g. from a GHL workflow's Webhook / Custom Webhook action. */
export const UNTYPED_EVENT = 'WorkflowWebhook';

export const CORE_EVENTS: Array<[type: string, name: string, description: string]> = [
	['ContactCreate', 'Contact Created', 'A contact was created'],
	['ContactUpdate', 'Contact Updated', 'Fields of a contact changed'],
	['ContactDelete', 'Contact Deleted', 'A contact was deleted'],
	['ContactTagUpdate', 'Contact Tags Updated', 'Tags of a contact changed'],
	['ContactDndUpdate', 'Contact DND Updated', 'Do-not-disturb settings of a contact changed'],
	['NoteCreate', 'Note Created', 'A note was added to a contact'],
	['NoteUpdate', 'Note Updated', 'A note of a contact changed'],
	['NoteDelete', 'Note Deleted', 'A note of a contact was deleted'],
	['TaskCreate', 'Task Created', 'A task was added to a contact'],
	['TaskComplete', 'Task Completed', 'A task was marked completed (GHL sends no task-update event)'],
	['TaskDelete', 'Task Deleted', 'A task of a contact was deleted'],
	['AppointmentCreate', 'Appointment Created', 'An appointment was booked'],
	['AppointmentUpdate', 'Appointment Updated', 'An appointment changed'],
	['AppointmentDelete', 'Appointment Deleted', 'An appointment was deleted'],
];

const OTHER_EVENT_TYPES = [
	'INSTALL',
	'UNINSTALL',
	'AssociationCreate',
	'AssociationUpdate',
	'AssociationDelete',
	'CampaignStatusUpdate',
	'ConversationUnreadUpdate',
	'ExternalAuthConnected',
	'InboundMessage',
	'OutboundMessage',
	'ProviderOutboundMessage',
	'InvoiceCreate',
	'InvoiceUpdate',
	'InvoiceDelete',
	'InvoiceSent',
	'InvoiceVoid',
	'InvoicePaid',
	'InvoicePartiallyPaid',
	'LCEmailStats',
	'LocationCreate',
	'LocationUpdate',
	'ObjectSchemaCreate',
	'ObjectSchemaUpdate',
	'OpportunityCreate',
	'OpportunityUpdate',
	'OpportunityDelete',
	'OpportunityAssignedToUpdate',
	'OpportunityMonetaryValueUpdate',
	'OpportunityStageUpdate',
	'OpportunityStatusUpdate',
	'OrderCreate',
	'OrderStatusUpdate',
	'PlanChange',
	'PriceCreate',
	'PriceUpdate',
	'PriceDelete',
	'ProductCreate',
	'ProductUpdate',
	'ProductDelete',
	'RecordCreate',
	'RecordUpdate',
	'RecordDelete',
	'RelationCreate',
	'RelationDelete',
	'SaasPlanCreate',
	'UserCreate',
	'UserUpdate',
	'UserDelete',
	'VoiceAiCallEnd',
];

const OTHER_EVENT_NAMES: Record<string, string> = {
	INSTALL: 'App Installed',
	UNINSTALL: 'App Uninstalled',
	LCEmailStats: 'LC Email Stats',
	SaasPlanCreate: 'SaaS Plan Created',
	VoiceAiCallEnd: 'Voice AI Call Ended',
	ConversationUnreadUpdate: 'Conversation Unread Update',
	ProviderOutboundMessage: 'Conversation Provider Outbound Message',
};

function words(type: string): string {
	return type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event GHL sends to this URL' },
	...CORE_EVENTS.map(([value, name, description]) => ({ name, value, description })),
	...OTHER_EVENT_TYPES.map((value) => ({
		name: OTHER_EVENT_NAMES[value] ?? words(value),
		value,
		description: `GHL event type ${value}`,
	})),
	{
		name: 'Workflow Webhook (No Event Type)',
		value: UNTYPED_EVENT,
		description: 'A delivery without a "type" field, e.g. from the Webhook action of a GHL workflow',
	},
];

/** Whether an event of this type is wanted (types compared case-insensitively: GHL's docs vary in case). */
export function isSelected(type: string, selected: string[]): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	const wanted = type.toLowerCase();
	return selected.some((value) => value.toLowerCase() === wanted);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Fields of the delivery envelope, not of the record. */
const ENVELOPE = new Set(['type', 'locationId', 'timestamp', 'webhookId']);

export interface EventView {
	event: string;
	locationId?: string;
	/** IDs of the records the event is about, under explicit names. */
	ids: IDataObject;
	/** The record data: the body without its envelope; appointment events unwrapped from `appointment`. */
	payload: IDataObject;
}

/**
 * Marketplace events carry `locationId`; GHL workflow webhooks send a `location` object; location
 * events (LocationCreate, LocationUpdate) are about the location itself and carry only its `id`.
 */
export function locationOf(body: IDataObject): string | undefined {
	const location = body.location;
	const nested = location && typeof location === 'object' ? (location as IDataObject).id : undefined;
	const itself = typeof body.type === 'string' && body.type.startsWith('Location') ? text(body.id) : undefined;
	return text(body.locationId) ?? text(nested) ?? itself;
}

/** Turns a delivery body into the trigger's output shape. */
export function viewOf(body: IDataObject): EventView {
	const event = text(body.type) ?? UNTYPED_EVENT;
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(body)) if (!ENVELOPE.has(key)) rest[key] = value;
	const ids: IDataObject = {};
	let payload = rest;
	if (event.startsWith('Contact')) {
		ids.contactId = text(body.id);
	} else if (event.startsWith('Note')) {
		ids.noteId = text(body.id);
		ids.contactId = text(body.contactId);
	} else if (event.startsWith('Task')) {
		ids.taskId = text(body.id);
		ids.contactId = text(body.contactId);
	} else if (event.startsWith('Appointment')) {
		const appointment = body.appointment;
		if (appointment && typeof appointment === 'object' && !Array.isArray(appointment)) {
			payload = appointment as IDataObject;
		}
		ids.appointmentId = text(payload.id);
		ids.contactId = text(payload.contactId);
		ids.calendarId = text(payload.calendarId);
	} else if (event.startsWith('Relation')) {
		// A link between two records under an association (GHL's associations API).
		ids.relationId = text(body.id);
		ids.associationId = text(body.associationId);
		ids.firstRecordId = text(body.firstRecordId);
		ids.secondRecordId = text(body.secondRecordId);
	} else if (event.startsWith('Association')) {
		ids.associationId = text(body.id);
	} else if (event.startsWith('Record')) {
		// Custom object record events name the record; its object only where GHL adds objectKey.
		ids.recordId = text(body.id);
		ids.objectKey = text(body.objectKey);
	} else if (event.startsWith('ObjectSchema')) {
		ids.objectSchemaId = text(body.id);
		ids.objectKey = text(body.key);
	} else if (event === UNTYPED_EVENT) {
		// GHL workflow webhooks send the contact's fields; the contact id is in contact_id or id.
		ids.contactId = text(body.contact_id) ?? text(body.contactId) ?? text(body.id);
	} else {
		ids.id = text(body.id) ?? text(body._id);
		ids.contactId = text(body.contactId);
	}
	for (const key of Object.keys(ids)) if (ids[key] === undefined) delete ids[key];
	return { event, locationId: locationOf(body), ids, payload };
}

export interface EventFilters {
	/** Empty: every location (possible only without GHL's signature). */
	locations: string[];
	/** When set, deliveries naming another `appId` are not wanted (only some event types carry one). */
	appId?: string;
	/** Agency credential: deliveries that name this company (INSTALL, UNINSTALL, …) pass the location filter. */
	companyId?: string;
	events: string[];
}

/** Whether an authenticated delivery is one this trigger starts for: its location, app and event type. */
export function isWanted(view: EventView, body: IDataObject, filters: EventFilters): boolean {
	const ofAgency = filters.companyId !== undefined && body.companyId === filters.companyId;
	if (!ofAgency && filters.locations.length && (!view.locationId || !filters.locations.includes(view.locationId))) return false;
	if (filters.appId && body.appId !== undefined && body.appId !== filters.appId) return false;
	return isSelected(view.event, filters.events);
}
