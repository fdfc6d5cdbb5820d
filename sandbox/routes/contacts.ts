/** Contact CRUD, upsert, legacy list, by-business list and duplicate lookup (apps/contacts.json). */
import { randomUUID } from 'crypto';
import { errors, HttpError, isPlainObject } from '../http';
import { toContact, toCreatedContact, toListedContact, type ContactRecord, type CustomFieldRecord } from '../store';
import { isIso8601, parseDateOfBirth } from '../validation';
import { contactEvent } from '../webhooks';
import {
	assertLocationAccess,
	getContact,
	getLocation,
	normalizeEmail,
	normalizePhone,
	normalizeTags,
	nowIso,
	sameTags,
} from './common';
import type { Handler, HandlerContext } from './context';

// ---------------------------------------------------------------------------
// Custom field values on writes: `[{id, key?, field_value}]` (the spec's field DTOs; `id` required)

const STRING_TYPES = new Set(['TEXT', 'LARGE_TEXT', 'PHONE', 'SINGLE_OPTIONS', 'RADIO']);

function coerceCustomValue(def: CustomFieldRecord, raw: unknown, at: string, problems: string[]): unknown {
	if (raw === null || raw === '') return null; // clears the field
	if (STRING_TYPES.has(def.dataType)) {
		if (typeof raw === 'string') return raw;
		if (typeof raw === 'number') return String(raw);
		problems.push(`${at}.field_value must be a string for ${def.dataType} field ${def.fieldKey}`);
	} else if (def.dataType === 'NUMERICAL' || def.dataType === 'MONETORY') {
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
		if (Number.isFinite(n)) return n;
		problems.push(`${at}.field_value must be a number for ${def.dataType} field ${def.fieldKey}`);
	} else if (def.dataType === 'MULTIPLE_OPTIONS' || def.dataType === 'CHECKBOX') {
		if (typeof raw === 'string') return [raw];
		if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return [...raw];
		problems.push(`${at}.field_value must be an array of strings for ${def.dataType} field ${def.fieldKey}`);
	} else if (def.dataType === 'DATE') {
		if (typeof raw === 'number') return raw;
		if (typeof raw === 'string' && (isIso8601(raw) || parseDateOfBirth(raw))) return raw;
		problems.push(`${at}.field_value must be a date for DATE field ${def.fieldKey}`);
	} else if (def.dataType === 'FILE_UPLOAD') {
		if (isPlainObject(raw)) return raw;
		problems.push(`${at}.field_value must be an object for FILE_UPLOAD field ${def.fieldKey}`);
	}
	return undefined;
}

/** Unknown custom field ids are a 422 (the location defines its fields). */
function resolveCustomFields(ctx: HandlerContext, locationId: string, items: unknown): [string, unknown][] {
	if (!Array.isArray(items)) return [];
	const fields = ctx.state.store.customFieldsOf(locationId);
	const problems: string[] = [];
	const out: [string, unknown][] = [];
	items.forEach((item, i) => {
		// Shape (`id` present, no other keys than id, key, field_value) was checked against the spec already.
		const entry = item as { id: string; key?: string; field_value?: unknown };
		const at = `customFields.${i}`;
		const def = fields.find((f) => f.id === entry.id);
		if (!def) {
			problems.push(`${at} id ${entry.id} is not a custom field of this location`);
			return;
		}
		const raw = entry.field_value;
		if (raw === undefined) {
			problems.push(`${at}.field_value should not be empty`);
			return;
		}
		const value = coerceCustomValue(def, raw, at, problems);
		if (value !== undefined) out.push([def.id, value]);
	});
	if (problems.length) throw errors.unprocessable(problems);
	return out;
}

// ---------------------------------------------------------------------------
// Writes

const PLAIN_FIELDS = [
	'firstName',
	'lastName',
	'name',
	'gender',
	'companyName',
	'address1',
	'city',
	'state',
	'country',
	'postalCode',
	'website',
	'timezone',
	'source',
	'assignedTo',
] as const;

interface ChangeSet {
	fields: boolean;
	tags: boolean;
	dnd: boolean;
}

/**
 * Apply a validated create/update/upsert body to a contact (tags are overwritten when given).
 * `customValues` come from resolveCustomFields(), called before any state changes.
 */
function applyContactBody(
	contact: ContactRecord,
	body: Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
	customValues: [string, unknown][],
	opts: { skipPhone?: boolean } = {},
): ChangeSet {
	const changes: ChangeSet = { fields: false, tags: false, dnd: false };
	const set = (key: keyof ContactRecord, value: unknown) => {
		if (JSON.stringify(contact[key]) !== JSON.stringify(value)) {
			(contact as unknown as Record<string, unknown>)[key] = value;
			changes.fields = true;
		}
	};
	for (const key of PLAIN_FIELDS) if (key in body) set(key, body[key]);
	if ('email' in body) set('email', normalizeEmail(body.email));
	if ('phone' in body && !opts.skipPhone) set('phone', normalizePhone(body.phone));
	if ('dateOfBirth' in body) set('dateOfBirth', body.dateOfBirth === null ? null : parseDateOfBirth(body.dateOfBirth));
	if ('inboundDndSettings' in body) set('inboundDndSettings', body.inboundDndSettings);
	if ('dnd' in body && body.dnd !== contact.dnd) {
		contact.dnd = body.dnd;
		changes.dnd = true;
	}
	if ('dndSettings' in body && JSON.stringify(body.dndSettings) !== JSON.stringify(contact.dndSettings ?? {})) {
		contact.dndSettings = { ...(contact.dndSettings ?? {}), ...body.dndSettings };
		changes.dnd = true;
	}
	if ('tags' in body) {
		const tags = normalizeTags(body.tags);
		if (!sameTags(tags, contact.tags)) {
			contact.tags = tags;
			changes.tags = true;
		}
	}
	for (const [id, value] of customValues) {
		const before = JSON.stringify(contact.customFields[id]);
		if (value === null) delete contact.customFields[id];
		else contact.customFields[id] = value;
		if (before !== JSON.stringify(contact.customFields[id])) changes.fields = true;
	}
	if (changes.fields || changes.tags || changes.dnd) contact.dateUpdated = nowIso();
	return changes;
}

function emitChanges(ctx: HandlerContext, contact: ContactRecord, changes: ChangeSet): void {
	const { webhooks } = ctx.state;
	if (changes.fields) webhooks.emit(contactEvent('ContactUpdate', contact));
	if (changes.tags) webhooks.emit(contactEvent('ContactTagUpdate', contact));
	if (changes.dnd) webhooks.emit(contactEvent('ContactDndUpdate', contact));
}

function findByEmail(ctx: HandlerContext, locationId: string, email: string | null | undefined, exceptId?: string) {
	if (!email) return undefined;
	for (const c of ctx.state.store.contacts.values()) {
		if (c.locationId === locationId && c.id !== exceptId && c.email === email) return c;
	}
	return undefined;
}

function findByPhone(ctx: HandlerContext, locationId: string, phone: string | null | undefined, exceptId?: string) {
	if (!phone) return undefined;
	for (const c of ctx.state.store.contacts.values()) {
		if (c.locationId === locationId && c.id !== exceptId && c.phone === phone) return c;
	}
	return undefined;
}

/** "Allow Duplicate Contact" off: another contact with the same email (first) or phone is refused. */
function assertNoDuplicate(ctx: HandlerContext, locationId: string, email: unknown, phone: unknown, exceptId?: string): void {
	const location = ctx.state.store.locations.get(locationId);
	if (!location || location.allowDuplicateContact) return;
	const byEmail = findByEmail(ctx, locationId, normalizeEmail(email as string), exceptId);
	const byPhone = byEmail ? undefined : findByPhone(ctx, locationId, normalizePhone(phone as string), exceptId);
	const match = byEmail ?? byPhone;
	if (match) {
		throw new HttpError(400, {
			statusCode: 400,
			message: 'This location does not allow duplicated contacts.',
			meta: { contactId: match.id, matchingField: byEmail ? 'email' : 'phone' },
		});
	}
}

/** A new contact of the location as GHL starts one: a lead with no tags, DND off, created now. */
export function newContactRecord(store: { newId(): string }, locationId: string): ContactRecord {
	const time = nowIso();
	return {
		id: store.newId(),
		locationId,
		dnd: false,
		tags: [],
		type: 'lead',
		customFields: {},
		followers: [],
		campaigns: [],
		workflows: [],
		dateAdded: time,
		dateUpdated: time,
	};
}

const createContact: Handler = (ctx) => {
	const { body } = ctx;
	getLocation(ctx, body.locationId);
	const customValues = resolveCustomFields(ctx, body.locationId, body.customFields);
	assertNoDuplicate(ctx, body.locationId, body.email, body.phone);
	const contact = newContactRecord(ctx.state.store, body.locationId);
	const { locationId: _l, ...fields } = body;
	applyContactBody(contact, fields, customValues);
	contact.dateUpdated = contact.dateAdded;
	ctx.state.store.contacts.set(contact.id, contact);
	ctx.state.webhooks.emit(contactEvent('ContactCreate', contact));
	return { status: 201, body: { contact: toCreatedContact(contact) } };
};

const getContactHandler: Handler = (ctx) => ({ status: 200, body: { contact: toContact(getContact(ctx, ctx.params.contactId)) } });

const updateContact: Handler = (ctx) => {
	const contact = getContact(ctx, ctx.params.contactId);
	const customValues = resolveCustomFields(ctx, contact.locationId, ctx.body.customFields);
	if ('email' in ctx.body || 'phone' in ctx.body) {
		assertNoDuplicate(ctx, contact.locationId, ctx.body.email, ctx.body.phone, contact.id);
	}
	emitChanges(ctx, contact, applyContactBody(contact, ctx.body, customValues));
	return { status: 200, body: { succeded: true, contact: toContact(contact) } };
};

const deleteContact: Handler = (ctx) => {
	const contact = getContact(ctx, ctx.params.contactId);
	const { store } = ctx.state;
	store.contacts.delete(contact.id);
	for (const [id, task] of store.tasks) if (task.contactId === contact.id) store.tasks.delete(id);
	for (const [id, note] of store.notes) if (note.contactId === contact.id) store.notes.delete(id);
	ctx.state.webhooks.emit(contactEvent('ContactDelete', contact));
	return { status: 200, body: { succeded: true } };
};

/**
 * Upsert (spec description): follows "Allow Duplicate Contact"; email has priority over
 * phone; when email and phone match two different contacts the email match is updated
 * and the phone ignored. `createNewIfDuplicateAllowed` only matters when duplicates are allowed.
 */
const upsertContact: Handler = (ctx) => {
	const { body } = ctx;
	const location = getLocation(ctx, body.locationId);
	const { locationId: _l, createNewIfDuplicateAllowed, ...fields } = body;
	const customValues = resolveCustomFields(ctx, location.id, fields.customFields);
	const email = normalizeEmail(fields.email);
	const phone = normalizePhone(fields.phone);
	const forceNew = createNewIfDuplicateAllowed === true && location.allowDuplicateContact;
	const byEmail = forceNew ? undefined : findByEmail(ctx, location.id, email);
	const byPhone = forceNew ? undefined : findByPhone(ctx, location.id, phone);
	const existing = byEmail ?? byPhone;
	const traceId = randomUUID();
	if (existing) {
		const skipPhone = !!byEmail && !!byPhone && byEmail.id !== byPhone.id;
		emitChanges(ctx, existing, applyContactBody(existing, fields, customValues, { skipPhone }));
		return { status: 200, body: { new: false, contact: toContact(existing), traceId } };
	}
	const contact = newContactRecord(ctx.state.store, location.id);
	applyContactBody(contact, fields, customValues);
	contact.dateUpdated = contact.dateAdded;
	ctx.state.store.contacts.set(contact.id, contact);
	ctx.state.webhooks.emit(contactEvent('ContactCreate', contact));
	return { status: 200, body: { new: true, contact: toContact(contact), traceId } };
};

// ---------------------------------------------------------------------------
// Reads

function matchesQuery(c: ContactRecord, query: unknown): boolean {
	if (typeof query !== 'string' || query === '') return true;
	const q = query.toLowerCase();
	return [c.firstName, c.lastName, c.name, [c.firstName, c.lastName].filter(Boolean).join(' '), c.email, c.phone, c.companyName]
		.filter((v): v is string => typeof v === 'string')
		.some((v) => v.toLowerCase().includes(q));
}

/** Newest first, then id: the order of the legacy list and the by-business list. */
function newestFirst(a: ContactRecord, b: ContactRecord): number {
	const diff = Date.parse(b.dateAdded) - Date.parse(a.dateAdded);
	return diff !== 0 ? diff : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Deprecated `GET /contacts/`: cursor = (`startAfter` = dateAdded epoch ms, `startAfterId`)
 * of the last contact of the previous page. The spec only declares `{contacts, count}`;
 * `meta` is what third parties report (research §1.4) and is added for convenience.
 */
const listContacts: Handler = (ctx) => {
	const { query } = ctx;
	const locationId = String(query.locationId);
	getLocation(ctx, locationId);
	const limit = Number(query.limit ?? 20);
	const rows = [...ctx.state.store.contacts.values()]
		.filter((c) => c.locationId === locationId && matchesQuery(c, query.query))
		.sort(newestFirst);
	let cursorMs = query.startAfter as number | undefined;
	const cursorId = query.startAfterId as string | undefined;
	if (cursorId !== undefined && cursorMs === undefined) {
		const ref = ctx.state.store.contacts.get(cursorId);
		if (ref) cursorMs = Date.parse(ref.dateAdded);
	}
	const after =
		cursorMs === undefined
			? rows
			: rows.filter((c) => {
					const ms = Date.parse(c.dateAdded);
					return ms < cursorMs! || (ms === cursorMs && cursorId !== undefined && c.id < cursorId);
				});
	const page = after.slice(0, limit);
	const last = page[page.length - 1];
	const hasMore = after.length > page.length;
	const next = last ? { startAfter: Date.parse(last.dateAdded), startAfterId: last.id } : undefined;
	const nextPageUrl =
		hasMore && next
			? `${ctx.state.baseUrl}/contacts/?${new URLSearchParams({
					locationId,
					limit: String(limit),
					startAfter: String(next.startAfter),
					startAfterId: next.startAfterId,
					...(typeof query.query === 'string' ? { query: query.query } : {}),
				})}`
			: null;
	return {
		status: 200,
		body: {
			contacts: page.map(toListedContact),
			count: rows.length,
			meta: {
				total: rows.length,
				startAfterId: next?.startAfterId ?? null,
				startAfter: next?.startAfter ?? null,
				nextPageUrl,
			},
		},
	};
};

const contactsByBusiness: Handler = (ctx) => {
	const { query } = ctx;
	const locationId = String(query.locationId);
	getLocation(ctx, locationId);
	const business = ctx.state.store.businesses.get(ctx.params.businessId);
	if (business) assertLocationAccess(ctx, business.locationId);
	const skip = Number(query.skip ?? 0);
	const limit = Number(query.limit ?? 25);
	const rows = [...ctx.state.store.contacts.values()]
		.filter((c) => c.locationId === locationId && c.businessId === ctx.params.businessId && matchesQuery(c, query.query))
		.sort(newestFirst);
	return { status: 200, body: { contacts: rows.slice(skip, skip + limit).map(toListedContact), count: rows.length } };
};

/** Email has priority, then phone (`number`). No match → `{contact: null}`. */
const duplicateContact: Handler = (ctx) => {
	const locationId = String(ctx.query.locationId);
	getLocation(ctx, locationId);
	const match =
		findByEmail(ctx, locationId, normalizeEmail(ctx.query.email as string | undefined)) ??
		findByPhone(ctx, locationId, normalizePhone(ctx.query.number as string | undefined));
	return { status: 200, body: { contact: match ? toContact(match) : null } };
};

export const contactHandlers: Record<string, Handler> = {
	'create-contact': createContact,
	'get-contact': getContactHandler,
	'update-contact': updateContact,
	'delete-contact': deleteContact,
	'upsert-contact': upsertContact,
	'get-contacts': listContacts,
	'get-contacts-by-businessId': contactsByBusiness,
	'get-duplicate-contact': duplicateContact,
};

export { emitChanges };
