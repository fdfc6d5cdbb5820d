/**
 * Custom objects (apps/objects.json, Version 2021-07-28): object schemas and their records.
 *
 * Schemas live in the generic store's `/objects` collection (the location's custom objects, seeded
 * with `custom_objects.vehicles`, and its standard objects contact, opportunity and business); a
 * schema's fields are the custom fields v2 of its key (`/custom-fields`, objectKey = the schema's
 * key, fieldKey `custom_objects.vehicles.name`). Records of a schema live in
 * `/objects/<schema key>/records`, the collection the generic store used, so other handlers (the
 * associations API) read them there: `{id, locationId, objectKey, objectId, properties, owner,
 * followers, dateAdded, dateUpdated, createdAt, updatedAt, createdBy, lastUpdatedBy}`.
 *
 * GHL's rules held here beyond the schemas: a schema is named by its key or id; custom object keys
 * are `custom_objects.<lowercase_underscored>` (the prefix is added when missing); record
 * operations serve custom objects only here (GHL also serves `business` records, which this
 * sandbox keeps in /businesses); record `properties` are checked against the schema's fields (the
 * short key after the schema's prefix, value of the field's type); owner is at most 1 user and
 * followers at most 10 users of the location; search pages by `page`/`pageLimit` or by the
 * `searchAfter` of the last record of the page before. Writes queue GHL's Record* and
 * ObjectSchema* webhook events.
 */
import { errors, isPlainObject } from '../http';
import type { GenericRecord } from '../store';
import { bodyRefusal } from '../validation';
import type { EventPayload } from '../webhooks';
import { assertLocationAccess, nowIso } from './common';
import type { Handler, HandlerContext, HandlerResult } from './context';
import { findRecord } from './generic';

export const OBJECT_SCHEMAS = '/objects';
const CUSTOM_FIELDS = '/custom-fields';
const FIELD_FOLDERS = '/custom-fields/folders';
export const STANDARD_OBJECT_KEYS = ['contact', 'opportunity', 'business'];
const CUSTOM_PREFIX = 'custom_objects.';

/** The collection of a schema's records. */
export const recordsCollection = (schemaKey: string) => `/objects/${schemaKey}/records`;

const schemas = (ctx: HandlerContext) => ctx.state.store.collection(OBJECT_SCHEMAS);

/** The location the request acts on: the query's or body's `locationId`, else the token's. */
function locationOf(ctx: HandlerContext): string {
	const given = [ctx.query.locationId, isPlainObject(ctx.body) ? ctx.body.locationId : undefined].find((value) => typeof value === 'string' && value !== '');
	const locationId = (given as string | undefined) ?? ctx.principal?.locationId;
	if (!locationId) throw errors.badRequest('locationId is required');
	assertLocationAccess(ctx, locationId);
	return locationId;
}

/** A schema of the location by key (`custom_objects.vehicles`, `contact`) or id; 404 when there is none. */
function findSchema(ctx: HandlerContext, locationId: string, keyOrId: string): GenericRecord {
	const key = keyOrId.toLowerCase();
	const schema = [...schemas(ctx).values()].find((candidate) => candidate.locationId === locationId && (candidate.key === key || candidate.id === keyOrId));
	if (!schema) throw errors.notFound(`Object schema ${keyOrId} not found`);
	return schema;
}

/** A schema whose records the sandbox serves (custom objects). */
function recordSchema(ctx: HandlerContext, locationId: string, schemaKey: string): GenericRecord {
	const schema = findSchema(ctx, locationId, schemaKey);
	if (schema.standard === true) throw errors.badRequest(`Records of ${schema.key} are not served by the objects API: custom objects and business only`);
	return schema;
}

function schemaFields(ctx: HandlerContext, schema: GenericRecord): GenericRecord[] {
	return [...ctx.state.store.collection(CUSTOM_FIELDS).values()].filter((field) => field.objectKey === schema.key && field.locationId === schema.locationId);
}

/** A schema as GHL answers it (ICustomObjectSchema). */
function schemaView(schema: GenericRecord): Record<string, unknown> {
	const { id, standard, key, labels, description, locationId, primaryDisplayProperty, dateAdded, dateUpdated, searchableProperties } = schema;
	return { id, standard, key, labels, description, locationId, primaryDisplayProperty, searchableProperties, dateAdded, dateUpdated };
}

/** A field as GHL answers it (ICustomField). */
function fieldView(field: GenericRecord): Record<string, unknown> {
	const { createdAt: _c, updatedAt: _u, ...rest } = field;
	return { showInForms: false, parentId: '', ...rest };
}

// ---------------------------------------------------------------------------
// Record properties

type Field = GenericRecord & { fieldKey: string; dataType: string; options?: Array<{ key: string }> };

function optionKeys(field: Field): string[] {
	return (field.options ?? []).map((option) => option.key);
}

/** What is wrong with one property value for its field's type (undefined when nothing). */
function valueProblem(field: Field, name: string, value: unknown): string | undefined {
	const at = `properties.${name}`;
	switch (field.dataType) {
		case 'TEXT':
		case 'LARGE_TEXT':
		case 'PHONE':
		case 'EMAIL':
			return typeof value === 'string' ? undefined : `${at} must be a string`;
		case 'NUMERICAL':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : `${at} must be a number`;
		case 'MONETORY':
			return isPlainObject(value) && typeof value.value === 'number' ? undefined : `${at} must be an object {currency, value} with a number value`;
		case 'DATE':
			return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `${at} must be a date (YYYY-MM-DD)`;
		case 'SINGLE_OPTIONS':
		case 'RADIO':
			return typeof value === 'string' && optionKeys(field).includes(value) ? undefined : `${at} must be one of: ${optionKeys(field).join(', ')}`;
		case 'MULTIPLE_OPTIONS':
		case 'CHECKBOX':
			return Array.isArray(value) && value.every((item) => typeof item === 'string' && optionKeys(field).includes(item))
				? undefined
				: `${at} must be a list of: ${optionKeys(field).join(', ')}`;
		case 'FILE_UPLOAD':
			return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.url === 'string') ? undefined : `${at} must be a list of {url}`;
		default:
			return undefined;
	}
}

/**
 * The record's properties checked against the schema's fields: keys are the field keys after the
 * schema's prefix (`name` for `custom_objects.vehicles.name`; the full key is taken too), values
 * of the field's type. On create the primary display property is required.
 */
function checkedProperties(ctx: HandlerContext, schema: GenericRecord, properties: unknown, creating: boolean): Record<string, unknown> {
	if (properties === undefined && !creating) return {};
	if (!isPlainObject(properties)) throw bodyRefusal(ctx.op, ['properties must be an object']);
	const prefix = `${schema.key}.`;
	const fields = new Map(schemaFields(ctx, schema).map((field) => [String(field.fieldKey).slice(prefix.length), field as Field]));
	const problems: string[] = [];
	const out: Record<string, unknown> = {};
	for (const [given, value] of Object.entries(properties)) {
		const name = given.startsWith(prefix) ? given.slice(prefix.length) : given;
		const field = fields.get(name);
		if (!field) {
			problems.push(`properties.${given} is not a field of ${schema.key}`);
			continue;
		}
		if (value === null) {
			out[name] = null;
			continue;
		}
		const problem = valueProblem(field, name, value);
		if (problem) problems.push(problem);
		else out[name] = value;
	}
	const primary = String(schema.primaryDisplayProperty ?? '').slice(prefix.length);
	if (creating && primary && (out[primary] === undefined || out[primary] === null || out[primary] === '')) {
		problems.push(`properties.${primary} is required (the primary display property of ${schema.key})`);
	}
	if (problems.length) throw bodyRefusal(ctx.op, problems);
	return out;
}

/** owner (at most 1) and followers (at most 10): users of the location. */
function checkedUsers(ctx: HandlerContext, locationId: string, name: 'owner' | 'followers', value: unknown): string[] | undefined {
	if (value === undefined) return undefined;
	const max = name === 'owner' ? 1 : 10;
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw bodyRefusal(ctx.op, [`${name} must be a list of user ids`]);
	if (value.length > max) throw bodyRefusal(ctx.op, [`${name} must contain no more than ${max} elements`]);
	const unknown = (value as string[]).filter((id) => !ctx.state.store.users.get(id)?.locationIds.includes(locationId));
	if (unknown.length) throw bodyRefusal(ctx.op, [`${name} must be users of this location: ${unknown.join(', ')}`]);
	return value as string[];
}

const ALLOWED_RECORD_BODY = new Set(['locationId', 'properties', 'owner', 'followers']);

function checkRecordBody(ctx: HandlerContext): void {
	const unknown = Object.keys(ctx.body).filter((name) => !ALLOWED_RECORD_BODY.has(name));
	if (unknown.length) throw bodyRefusal(ctx.op, unknown.map((name) => `property ${name} should not exist`));
}

function actor(ctx: HandlerContext, time: string): Record<string, string> {
	return { channel: 'API', createdAt: time, source: 'INTEGRATION', sourceId: ctx.principal?.userId ?? ctx.principal?.companyId ?? '' };
}

/** A record as the by-id operations answer it (IRecordSchema). */
function recordView(record: GenericRecord): Record<string, unknown> {
	return {
		id: record.id,
		owner: record.owner ?? [],
		followers: record.followers ?? [],
		properties: record.properties ?? {},
		dateAdded: record.dateAdded ?? record.createdAt,
		dateUpdated: record.dateUpdated ?? record.updatedAt,
	};
}

/** The cursor of a record in a search: its creation time and id (sort order). */
function cursorOf(record: GenericRecord): [number, string] {
	return [Date.parse(String(record.dateAdded ?? record.createdAt)), record.id];
}

/** A record as the search answers it (RecordResponseDTO). */
function searchView(schema: GenericRecord, record: GenericRecord): Record<string, unknown> {
	const created = String(record.dateAdded ?? record.createdAt);
	const updated = String(record.dateUpdated ?? record.updatedAt);
	const by = (value: unknown, time: string) => (isPlainObject(value) ? value : { channel: 'APP', createdAt: time, source: 'SANDBOX', sourceId: '' });
	return {
		id: record.id,
		owner: record.owner ?? [],
		followers: record.followers ?? [],
		properties: record.properties ?? {},
		createdAt: created,
		updatedAt: updated,
		locationId: record.locationId,
		objectId: schema.id,
		objectKey: schema.key,
		createdBy: by(record.createdBy, created),
		lastUpdatedBy: by(record.lastUpdatedBy, updated),
		searchAfter: cursorOf(record),
	};
}

// ---------------------------------------------------------------------------
// Webhook events (webhook-events/Record*.json, ObjectSchema*.json)

/** Record events are flat; properties as `{key, valueString}` pairs (RecordCreate.json). */
export function recordEvent(type: 'RecordCreate' | 'RecordUpdate' | 'RecordDelete', record: GenericRecord): EventPayload {
	const properties = Object.entries((record.properties ?? {}) as Record<string, unknown>).map(([key, value]) => ({
		key,
		valueString: typeof value === 'string' ? value : JSON.stringify(value),
	}));
	return { type, locationId: String(record.locationId), id: record.id, owners: record.owner ?? [], followers: record.followers ?? [], properties } as EventPayload;
}

export function objectSchemaEvent(type: 'ObjectSchemaCreate' | 'ObjectSchemaUpdate', schema: GenericRecord): EventPayload {
	return {
		type,
		locationId: String(schema.locationId),
		id: schema.id,
		labels: schema.labels,
		description: schema.description,
		searchableProperties: schema.searchableProperties ?? [],
		primaryDisplayProperty: schema.primaryDisplayProperty,
		key: schema.key,
		createdAt: schema.dateAdded,
		updatedAt: schema.dateUpdated,
		objectType: 'USER_DEFINED',
	} as EventPayload;
}

// ---------------------------------------------------------------------------
// Handlers

const listSchemas: Handler = (ctx) => {
	const locationId = locationOf(ctx);
	const objects = [...schemas(ctx).values()].filter((schema) => schema.locationId === locationId).map(schemaView);
	return { status: 200, body: { objects } };
};

const getSchema: Handler = (ctx) => {
	const schema = findSchema(ctx, locationOf(ctx), ctx.params.key);
	const fields = ctx.query.fetchProperties === true || ctx.query.fetchProperties === 'true' ? schemaFields(ctx, schema).map(fieldView) : undefined;
	return { status: 200, body: { object: schemaView(schema), cache: false, ...(fields ? { fields } : {}) } };
};

/** `POST /objects/` (agency token): a custom object, its primary display property a field in a folder of its own. */
const createSchema: Handler = (ctx) => {
	const body = ctx.body as { labels: { singular: string; plural: string }; key: string; description?: string; locationId: string; primaryDisplayPropertyDetails: { key: string; name: string; dataType: string } };
	const location = ctx.state.store.locations.get(body.locationId);
	if (!location || (ctx.principal?.userType === 'Company' && location.companyId !== ctx.principal.companyId)) throw errors.forbiddenLocation();
	const key = (body.key.startsWith(CUSTOM_PREFIX) ? body.key : `${CUSTOM_PREFIX}${body.key}`).trim();
	const problems: string[] = [];
	if (!/^custom_objects\.[a-z][a-z0-9_]*$/.test(key)) problems.push('key must be lowercase letters, digits and underscores (custom_objects.<name>)');
	const details = body.primaryDisplayPropertyDetails;
	const fieldKey = details.key.startsWith(`${key}.`) ? details.key : `${key}.${details.key.replace(/^custom_objects\.[^.]+\./, '')}`;
	if (!/^[a-z][a-z0-9_]*$/.test(fieldKey.slice(key.length + 1))) problems.push('primaryDisplayPropertyDetails.key must be lowercase letters, digits and underscores');
	if (!['TEXT', 'NUMERICAL'].includes(details.dataType)) problems.push('primaryDisplayPropertyDetails.dataType must be one of: TEXT, NUMERICAL');
	if (!body.labels.singular.trim() || !body.labels.plural.trim()) problems.push('labels.singular and labels.plural should not be empty');
	if (problems.length) throw bodyRefusal(ctx.op, problems);
	if ([...schemas(ctx).values()].some((schema) => schema.locationId === body.locationId && schema.key === key)) {
		throw errors.badRequest(`An object with key ${key} already exists in this location`);
	}
	const time = nowIso();
	const store = ctx.state.store;
	const schema: GenericRecord = {
		id: store.newRecordId(),
		locationId: body.locationId,
		key,
		standard: false,
		labels: { singular: body.labels.singular.trim(), plural: body.labels.plural.trim() },
		description: body.description ?? '',
		primaryDisplayProperty: fieldKey,
		searchableProperties: [fieldKey],
		dateAdded: time,
		dateUpdated: time,
	};
	schemas(ctx).set(schema.id, schema);
	const folder: GenericRecord = { id: store.newRecordId(), locationId: body.locationId, objectKey: key, name: `${body.labels.singular.trim()} details`, dateAdded: time, dateUpdated: time };
	store.collection(FIELD_FOLDERS).set(folder.id, folder);
	const field: GenericRecord = { id: store.newRecordId(), locationId: body.locationId, objectKey: key, parentId: folder.id, name: details.name, fieldKey, dataType: details.dataType, showInForms: true, dateAdded: time, dateUpdated: time };
	store.collection(CUSTOM_FIELDS).set(field.id, field);
	ctx.state.webhooks.emit(objectSchemaEvent('ObjectSchemaCreate', schema));
	return { status: 201, body: { object: schemaView(schema) } };
};

/** `PUT /objects/{key}`: labels and description (custom objects) and the searchable fields (any object). */
const updateSchema: Handler = (ctx) => {
	const body = ctx.body as { labels?: { singular?: string; plural?: string }; description?: string | null; locationId: string; searchableProperties: string[] };
	const schema = findSchema(ctx, locationOf(ctx), ctx.params.key);
	const problems: string[] = [];
	if (schema.standard === true && (body.labels !== undefined || body.description !== undefined)) problems.push(`labels and description of the standard object ${schema.key} cannot be changed`);
	const known = new Set(schemaFields(ctx, schema).map((field) => String(field.fieldKey)));
	for (const key of body.searchableProperties) {
		const fits = schema.standard === true ? key.startsWith(`${schema.key}.`) : known.has(key);
		if (!fits) problems.push(`searchableProperties: ${key} is not a field of ${schema.key}`);
	}
	if (problems.length) throw bodyRefusal(ctx.op, problems);
	if (body.labels) schema.labels = { ...(schema.labels as object), ...Object.fromEntries(Object.entries(body.labels).filter(([, value]) => typeof value === 'string' && value.trim())) };
	if (body.description !== undefined) schema.description = body.description ?? '';
	schema.searchableProperties = [...new Set(body.searchableProperties)];
	schema.dateUpdated = nowIso();
	if (schema.standard !== true) ctx.state.webhooks.emit(objectSchemaEvent('ObjectSchemaUpdate', schema));
	return { status: 200, body: { object: schemaView(schema) } };
};

function findObjectRecord(ctx: HandlerContext, schema: GenericRecord, id: string): GenericRecord {
	return findRecord(ctx, ctx.state.store.collection(recordsCollection(String(schema.key))), id, 'Record');
}

const createRecord: Handler = (ctx) => {
	checkRecordBody(ctx);
	const locationId = locationOf(ctx);
	if (typeof ctx.body.locationId !== 'string' || !ctx.body.locationId) throw bodyRefusal(ctx.op, ['locationId should not be empty']);
	const schema = recordSchema(ctx, locationId, ctx.params.schemaKey);
	const properties = checkedProperties(ctx, schema, ctx.body.properties, true);
	const owner = checkedUsers(ctx, locationId, 'owner', ctx.body.owner) ?? [];
	const followers = checkedUsers(ctx, locationId, 'followers', ctx.body.followers) ?? [];
	const time = nowIso();
	const record: GenericRecord = {
		id: ctx.state.store.newRecordId(),
		locationId,
		objectKey: schema.key,
		objectId: schema.id,
		properties,
		owner,
		followers,
		dateAdded: time,
		dateUpdated: time,
		createdAt: time,
		updatedAt: time,
		createdBy: actor(ctx, time),
		lastUpdatedBy: actor(ctx, time),
	};
	ctx.state.store.collection(recordsCollection(String(schema.key))).set(record.id, record);
	ctx.state.webhooks.emit(recordEvent('RecordCreate', record));
	return { status: 201, body: { record: recordView(record) } };
};

const getRecord: Handler = (ctx) => {
	const schema = recordSchema(ctx, locationOf(ctx), ctx.params.schemaKey);
	return { status: 200, body: { record: recordView(findObjectRecord(ctx, schema, ctx.params.id)) } };
};

/** `PUT …/records/{id}?locationId=`: the properties sent are merged into the record's; owner and followers replaced when sent. */
const updateRecord: Handler = (ctx) => {
	checkRecordBody(ctx);
	const locationId = locationOf(ctx);
	const schema = recordSchema(ctx, locationId, ctx.params.schemaKey);
	const record = findObjectRecord(ctx, schema, ctx.params.id);
	const properties = checkedProperties(ctx, schema, ctx.body.properties, false);
	const owner = checkedUsers(ctx, locationId, 'owner', ctx.body.owner);
	const followers = checkedUsers(ctx, locationId, 'followers', ctx.body.followers);
	const time = nowIso();
	const merged = { ...((record.properties ?? {}) as Record<string, unknown>), ...properties };
	for (const [name, value] of Object.entries(merged)) if (value === null) delete merged[name];
	Object.assign(record, { properties: merged, ...(owner ? { owner } : {}), ...(followers ? { followers } : {}), dateUpdated: time, updatedAt: time, lastUpdatedBy: actor(ctx, time) });
	ctx.state.webhooks.emit(recordEvent('RecordUpdate', record));
	return { status: 200, body: { record: recordView(record) } };
};

const deleteRecord: Handler = (ctx) => {
	const schema = recordSchema(ctx, locationOf(ctx), ctx.params.schemaKey);
	const record = findObjectRecord(ctx, schema, ctx.params.id);
	ctx.state.store.collection(recordsCollection(String(schema.key))).delete(record.id);
	ctx.state.webhooks.emit(recordEvent('RecordDelete', record));
	return { status: 200, body: { id: record.id, success: true } };
};

/** Whether a record matches the search text: `field:value` on that field, else any searchable property; case-insensitive contains. */
function matches(schema: GenericRecord, record: GenericRecord, query: string): boolean {
	const text = query.trim().toLowerCase();
	if (!text) return true;
	const properties = (record.properties ?? {}) as Record<string, unknown>;
	const prefix = `${schema.key}.`;
	const short = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : key);
	const has = (value: unknown, wanted: string) => value !== undefined && value !== null && String(typeof value === 'object' ? JSON.stringify(value) : value).toLowerCase().includes(wanted);
	const colon = text.indexOf(':');
	if (colon > 0) return has(properties[short(text.slice(0, colon).trim())], text.slice(colon + 1).trim());
	const searchable = ((schema.searchableProperties as string[] | undefined) ?? [String(schema.primaryDisplayProperty)]).map(short);
	return searchable.some((name) => has(properties[name], text));
}

/** `POST …/records/search`: records in creation order; `searchAfter` (a record's cursor) continues after that record, else `page`. */
const searchRecords: Handler = (ctx): HandlerResult => {
	const body = ctx.body as { locationId: string; page: number; pageLimit: number; query: string; searchAfter: string[] };
	const locationId = locationOf(ctx);
	const schemaKey = ctx.params.schemaKey;
	if (!schemaKey) throw errors.badRequest('schemaKey is required');
	const schema = recordSchema(ctx, locationId, schemaKey);
	const problems: string[] = [];
	if (!Number.isInteger(body.pageLimit) || body.pageLimit < 1) problems.push('pageLimit must be a positive integer');
	if (!Number.isInteger(body.page) || body.page < 1) problems.push('page must be a positive integer');
	if (body.searchAfter.length !== 0 && body.searchAfter.length !== 2) problems.push('searchAfter must be the searchAfter of a record of an earlier page');
	if (problems.length) throw bodyRefusal(ctx.op, problems);
	const all = [...ctx.state.store.collection(recordsCollection(String(schema.key))).values()]
		.filter((record) => record.locationId === locationId && matches(schema, record, body.query))
		.sort((a, b) => {
			const [ta, ia] = cursorOf(a);
			const [tb, ib] = cursorOf(b);
			return ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0);
		});
	let start = (body.page - 1) * body.pageLimit;
	if (body.searchAfter.length === 2) {
		const [time, id] = [Number(body.searchAfter[0]), String(body.searchAfter[1])];
		start = all.findIndex((record) => {
			const [t, i] = cursorOf(record);
			return t > time || (t === time && i > id);
		});
		if (start < 0) start = all.length;
	}
	const records = all.slice(start, start + body.pageLimit).map((record) => searchView(schema, record));
	return { status: 200, body: { records, total: all.length } };
};

export const objectHandlers: Record<string, Handler> = {
	'get-object-by-location-id': listSchemas,
	'get-object-schema-by-key': getSchema,
	'create-custom-object-schema': createSchema,
	'update-custom-object': updateSchema,
	'create-object-record': createRecord,
	'get-record-by-id': getRecord,
	'update-object-record': updateRecord,
	'delete-object-record': deleteRecord,
	'search-object-records': searchRecords,
};
