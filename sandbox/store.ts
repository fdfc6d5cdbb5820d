/**
 * In-memory data of the sandbox, and the serialisers that turn records into the
 * response shapes of the official spec (GetContectByIdSchema, TaskSchema, ...).
 */
import { IdGenerator } from './ids';

export type CustomFieldType =
	| 'TEXT'
	| 'LARGE_TEXT'
	| 'NUMERICAL'
	| 'MONETORY'
	| 'SINGLE_OPTIONS'
	| 'MULTIPLE_OPTIONS'
	| 'CHECKBOX'
	| 'RADIO'
	| 'DATE'
	| 'FILE_UPLOAD'
	| 'PHONE'
	| 'TEXTBOX_LIST';

export interface DndSetting {
	status: 'active' | 'inactive' | 'permanent';
	message?: string;
	code?: string;
}

export interface LocationRecord {
	id: string;
	companyId: string;
	name: string;
	address: string;
	timezone: string;
	/** GHL's "Allow Duplicate Contact" setting. */
	allowDuplicateContact: boolean;
}

export interface ContactRecord {
	id: string;
	locationId: string;
	firstName?: string | null;
	lastName?: string | null;
	name?: string | null;
	email?: string | null;
	phone?: string | null;
	gender?: string;
	companyName?: string | null;
	address1?: string | null;
	city?: string | null;
	state?: string | null;
	country?: string;
	postalCode?: string;
	website?: string | null;
	timezone?: string | null;
	dnd: boolean;
	dndSettings?: Record<string, DndSetting>;
	inboundDndSettings?: Record<string, { status: string; message?: string }>;
	tags: string[];
	source?: string | null;
	type: 'lead' | 'customer';
	assignedTo?: string | null;
	/** ISO string (midnight UTC). */
	dateOfBirth?: string | null;
	/** custom field id -> value */
	customFields: Record<string, unknown>;
	businessId?: string | null;
	followers: string[];
	campaigns: string[];
	workflows: string[];
	dateAdded: string;
	dateUpdated: string;
}

export interface TaskRecord {
	id: string;
	contactId: string;
	locationId: string;
	title: string;
	body?: string;
	dueDate: string;
	completed: boolean;
	assignedTo?: string;
	dateAdded: string;
	dateUpdated: string;
}

export interface NoteRecord {
	id: string;
	contactId: string;
	locationId: string;
	body: string;
	userId?: string;
	title?: string;
	color?: string;
	pinned?: boolean;
	dateAdded: string;
	dateUpdated: string;
}

export interface CalendarRecord {
	id: string;
	locationId: string;
	groupId?: string;
	name: string;
	description: string;
	slug: string;
	widgetSlug: string;
	calendarType: 'round_robin' | 'event' | 'class_booking' | 'collective' | 'service_booking' | 'personal';
	widgetType: 'default' | 'classic';
	eventTitle: string;
	eventColor: string;
	slotDuration: number;
	slotInterval: number;
	teamMembers: string[];
	isActive: boolean;
	autoConfirm: boolean;
	/** Weekly open hours (CalendarDTO `openHours`); none means the sandbox's Monday–Friday 9:00–17:00. */
	openHours?: Array<{ daysOfTheWeek: number[]; hours: Array<{ openHour: number; openMinute: number; closeHour: number; closeMinute: number }> }>;
	/** The other CalendarDTO fields a create or update wrote, answered as written (team member details under `teamMembers`). */
	settings?: Record<string, unknown>;
}

export interface AppointmentRecord {
	id: string;
	locationId: string;
	calendarId: string;
	contactId: string;
	groupId: string;
	title: string;
	startTime: string;
	endTime: string;
	appointmentStatus: string;
	assignedUserId?: string;
	users: string[];
	address?: string;
	meetingLocationType?: string;
	meetingLocationId?: string;
	description?: string;
	notes?: string;
	rrule?: string;
	isRecurring: boolean;
	source: string;
	dateAdded: string;
	dateUpdated: string;
}

export interface CustomFieldRecord {
	id: string;
	locationId: string;
	name: string;
	/** e.g. `contact.lead_quality` */
	fieldKey: string;
	dataType: CustomFieldType;
	placeholder: string;
	position: number;
	model: 'contact' | 'opportunity';
	picklistOptions?: string[];
}

export interface SimpleRecord {
	id: string;
	locationId: string;
	name: string;
	status?: string;
}

export interface UserRecord {
	id: string;
	companyId: string;
	locationIds: string[];
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	role: 'admin' | 'user';
}

/** A record of a resource the sandbox keeps generically (sandbox/routes/generic.ts): GHL's JSON as written. */
export type GenericRecord = Record<string, unknown> & { id: string; locationId?: string };

export class Store {
	readonly ids = new IdGenerator();
	/** Ids of generic records and seeded reference data: their own sequence, so the ids above never move. */
	readonly recordIds = new IdGenerator(0x2b7e1516);
	/** Generic records per collection path (`/opportunities`, `/locations/{id}/tags`, …). */
	records = new Map<string, Map<string, GenericRecord>>();
	locations = new Map<string, LocationRecord>();
	contacts = new Map<string, ContactRecord>();
	tasks = new Map<string, TaskRecord>();
	notes = new Map<string, NoteRecord>();
	calendars = new Map<string, CalendarRecord>();
	appointments = new Map<string, AppointmentRecord>();
	customFields = new Map<string, CustomFieldRecord>();
	campaigns = new Map<string, SimpleRecord>();
	workflows = new Map<string, SimpleRecord>();
	businesses = new Map<string, SimpleRecord>();
	users = new Map<string, UserRecord>();
	/** Sub-accounts the demo app was uninstalled from (it is installed in every other one). */
	uninstalled = new Set<string>();

	newId(): string {
		return this.ids.next(20);
	}

	newRecordId(): string {
		return this.recordIds.next(20);
	}

	/** The generic records of a collection path, created empty on first use. */
	collection(key: string): Map<string, GenericRecord> {
		let records = this.records.get(key);
		if (!records) {
			records = new Map();
			this.records.set(key, records);
		}
		return records;
	}

	clear(): void {
		this.ids.reset();
		this.recordIds.reset();
		this.records.clear();
		this.uninstalled.clear();
		for (const map of [
			this.locations,
			this.contacts,
			this.tasks,
			this.notes,
			this.calendars,
			this.appointments,
			this.customFields,
			this.campaigns,
			this.workflows,
			this.businesses,
			this.users,
		]) {
			(map as Map<string, unknown>).clear();
		}
	}

	customFieldsOf(locationId: string): CustomFieldRecord[] {
		return [...this.customFields.values()].filter((f) => f.locationId === locationId).sort((a, b) => a.position - b.position);
	}

	snapshot(): Record<string, unknown> {
		// A copy, so later writes do not change what a test captured.
		const list = <T>(m: Map<string, T>) => structuredClone([...m.values()]);
		return {
			locations: list(this.locations),
			contacts: list(this.contacts),
			tasks: list(this.tasks),
			notes: list(this.notes),
			calendars: list(this.calendars),
			appointments: list(this.appointments),
			customFields: list(this.customFields),
			campaigns: list(this.campaigns),
			workflows: list(this.workflows),
			businesses: list(this.businesses),
			users: list(this.users),
			records: Object.fromEntries([...this.records].map(([key, records]) => [key, list(records)])),
		};
	}
}

// ---------------------------------------------------------------------------
// Serialisers (omit undefined keys, as GHL's JSON does)

function compact<T extends Record<string, unknown>>(obj: T): T {
	for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
	return obj;
}

export function contactName(c: ContactRecord): string | undefined {
	const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
	return full || c.name || undefined;
}

export function customFieldList(c: ContactRecord): { id: string; value: unknown }[] {
	return Object.entries(c.customFields).map(([id, value]) => ({ id, value }));
}

const lower = (v: string | null | undefined) => (v ? v.toLowerCase() : undefined);

/** GetContectByIdSchema (sic): `GET /contacts/{id}`, update and upsert responses. */
export function toContact(c: ContactRecord): Record<string, unknown> {
	const name = contactName(c);
	return compact({
		id: c.id,
		name,
		locationId: c.locationId,
		firstName: c.firstName ?? undefined,
		lastName: c.lastName ?? undefined,
		email: c.email ?? undefined,
		emailLowerCase: lower(c.email),
		timezone: c.timezone ?? undefined,
		companyName: c.companyName ?? undefined,
		phone: c.phone ?? undefined,
		dnd: c.dnd,
		dndSettings: c.dndSettings,
		type: c.type,
		source: c.source ?? undefined,
		assignedTo: c.assignedTo ?? undefined,
		address1: c.address1 ?? undefined,
		city: c.city ?? undefined,
		state: c.state ?? undefined,
		country: c.country,
		postalCode: c.postalCode,
		website: c.website ?? undefined,
		tags: [...c.tags],
		dateOfBirth: c.dateOfBirth ?? undefined,
		dateAdded: c.dateAdded,
		dateUpdated: c.dateUpdated,
		firstNameLowerCase: lower(c.firstName),
		fullNameLowerCase: lower(name),
		lastNameLowerCase: lower(c.lastName),
		customFields: customFieldList(c),
		businessId: c.businessId ?? undefined,
	});
}

/** CreateContactSchema: `POST /contacts/` response. */
export function toCreatedContact(c: ContactRecord): Record<string, unknown> {
	const name = contactName(c);
	const dob = c.dateOfBirth ? new Date(c.dateOfBirth) : undefined;
	return compact({
		id: c.id,
		dateAdded: c.dateAdded,
		dateUpdated: c.dateUpdated,
		deleted: false,
		tags: [...c.tags],
		type: c.type,
		customFields: customFieldList(c),
		locationId: c.locationId,
		firstName: c.firstName ?? undefined,
		firstNameLowerCase: lower(c.firstName),
		fullNameLowerCase: lower(name),
		lastName: c.lastName ?? undefined,
		lastNameLowerCase: lower(c.lastName),
		email: c.email ?? undefined,
		emailLowerCase: lower(c.email),
		bounceEmail: false,
		unsubscribeEmail: false,
		dnd: c.dnd,
		dndSettings: c.dndSettings,
		phone: c.phone ?? undefined,
		address1: c.address1 ?? undefined,
		city: c.city ?? undefined,
		state: c.state ?? undefined,
		country: c.country,
		postalCode: c.postalCode,
		website: c.website ?? undefined,
		source: c.source ?? undefined,
		companyName: c.companyName ?? undefined,
		dateOfBirth: c.dateOfBirth ?? undefined,
		birthMonth: dob ? dob.getUTCMonth() + 1 : undefined,
		birthDay: dob ? dob.getUTCDate() : undefined,
		businessId: c.businessId ?? undefined,
		assignedTo: c.assignedTo ?? undefined,
	});
}

/**
 * Contact as listed by `POST /contacts/search` (the `Contact` schema of spec revision
 * de87e88, research §1.4) and by the list endpoints (ContactsSearchSchema is a subset).
 */
export function toListedContact(c: ContactRecord): Record<string, unknown> {
	return compact({
		id: c.id,
		locationId: c.locationId,
		contactName: contactName(c),
		firstName: c.firstName ?? undefined,
		lastName: c.lastName ?? undefined,
		firstNameLowerCase: lower(c.firstName),
		lastNameLowerCase: lower(c.lastName),
		companyName: c.companyName ?? undefined,
		businessName: c.companyName ?? undefined,
		email: c.email ?? undefined,
		validEmail: c.email ? true : undefined,
		phone: c.phone ?? undefined,
		additionalEmails: [],
		additionalPhones: [],
		dnd: c.dnd,
		dndSettings: c.dndSettings,
		type: c.type,
		source: c.source ?? undefined,
		assignedTo: c.assignedTo ?? undefined,
		address: c.address1 ?? undefined,
		address1: c.address1 ?? undefined,
		city: c.city ?? undefined,
		state: c.state ?? undefined,
		country: c.country,
		postalCode: c.postalCode,
		website: c.website ?? undefined,
		timezone: c.timezone ?? undefined,
		dateOfBirth: c.dateOfBirth ?? undefined,
		dateAdded: c.dateAdded,
		dateUpdated: c.dateUpdated,
		tags: [...c.tags],
		customFields: customFieldList(c),
		businessId: c.businessId ?? undefined,
		followers: [...c.followers],
		attributions: [],
		opportunities: [],
	});
}

/** TaskSchema */
export function toTask(t: TaskRecord): Record<string, unknown> {
	return compact({
		id: t.id,
		title: t.title,
		body: t.body,
		assignedTo: t.assignedTo,
		dueDate: t.dueDate,
		completed: t.completed,
		contactId: t.contactId,
	});
}

/** GetNoteSchema */
export function toNote(n: NoteRecord): Record<string, unknown> {
	return compact({
		id: n.id,
		body: n.body,
		userId: n.userId,
		dateAdded: n.dateAdded,
		contactId: n.contactId,
		title: n.title,
		color: n.color,
		pinned: n.pinned,
	});
}

/** AppointmentSchemaResponse (create/update appointment, flat, not wrapped). */
export function toAppointmentResponse(a: AppointmentRecord): Record<string, unknown> {
	return compact({
		calendarId: a.calendarId,
		locationId: a.locationId,
		contactId: a.contactId,
		startTime: a.startTime,
		endTime: a.endTime,
		title: a.title,
		meetingLocationType: a.meetingLocationType ?? 'default',
		appointmentStatus: a.appointmentStatus,
		assignedUserId: a.assignedUserId,
		address: a.address,
		isRecurring: a.isRecurring,
		rrule: a.rrule,
		id: a.id,
	});
}

/** CalendarEventDTO (`GET /calendars/events/appointments/{id}` → `{event}`, `GET /calendars/events` → `{events}`). */
export function toCalendarEvent(a: AppointmentRecord): Record<string, unknown> {
	return compact({
		id: a.id,
		address: a.address,
		title: a.title,
		calendarId: a.calendarId,
		locationId: a.locationId,
		contactId: a.contactId,
		groupId: a.groupId,
		appointmentStatus: a.appointmentStatus,
		assignedUserId: a.assignedUserId ?? '',
		users: [...a.users],
		notes: a.notes,
		description: a.description,
		isRecurring: a.isRecurring,
		rrule: a.rrule,
		startTime: a.startTime,
		endTime: a.endTime,
		dateAdded: a.dateAdded,
		dateUpdated: a.dateUpdated,
		assignedResources: [],
		createdBy: { source: a.source, userId: a.assignedUserId },
	});
}

/** GetEventSchema (`GET /contacts/{id}/appointments` → `{events}`). */
export function toContactEvent(a: AppointmentRecord): Record<string, unknown> {
	return compact({
		id: a.id,
		calendarId: a.calendarId,
		status: a.appointmentStatus === 'cancelled' ? 'cancelled' : 'booked',
		title: a.title,
		assignedUserId: a.assignedUserId,
		notes: a.notes,
		startTime: a.startTime,
		endTime: a.endTime,
		address: a.address,
		locationId: a.locationId,
		contactId: a.contactId,
		groupId: a.groupId,
		appointmentStatus: a.appointmentStatus,
		users: [...a.users],
		dateAdded: a.dateAdded,
		dateUpdated: a.dateUpdated,
		assignedResources: [],
	});
}

/** CalendarDTO (subset that matters for pickers). */
export function toCalendar(c: CalendarRecord): Record<string, unknown> {
	const { teamMembers: memberDetails, ...settings } = c.settings ?? {};
	const detail = (userId: string) => (Array.isArray(memberDetails) ? memberDetails : []).find((member) => member?.userId === userId) ?? {};
	return compact({
		...settings,
		id: c.id,
		locationId: c.locationId,
		groupId: c.groupId,
		name: c.name,
		description: c.description,
		slug: c.slug,
		widgetSlug: c.widgetSlug,
		calendarType: c.calendarType,
		widgetType: c.widgetType,
		eventTitle: c.eventTitle,
		eventColor: c.eventColor,
		slotDuration: c.slotDuration,
		slotDurationUnit: 'mins',
		slotInterval: c.slotInterval,
		slotIntervalUnit: 'mins',
		teamMembers: c.teamMembers.map((userId, i) => ({ priority: 0.5, isPrimary: i === 0, ...detail(userId), userId })),
		openHours: c.openHours,
		isActive: c.isActive,
		autoConfirm: c.autoConfirm,
	});
}

export function toCustomField(f: CustomFieldRecord): Record<string, unknown> {
	return compact({
		id: f.id,
		name: f.name,
		fieldKey: f.fieldKey,
		dataType: f.dataType,
		placeholder: f.placeholder,
		position: f.position,
		model: f.model,
		locationId: f.locationId,
		picklistOptions: f.picklistOptions ? [...f.picklistOptions] : undefined,
	});
}

export function toUser(u: UserRecord): Record<string, unknown> {
	return {
		id: u.id,
		name: `${u.firstName} ${u.lastName}`,
		firstName: u.firstName,
		lastName: u.lastName,
		email: u.email,
		phone: u.phone,
		extension: '',
		permissions: {},
		roles: { type: 'account', role: u.role, locationIds: [...u.locationIds] },
		deleted: false,
	};
}
