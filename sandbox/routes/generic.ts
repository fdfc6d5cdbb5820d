/**
 * The handler for every contract operation without a hand-written one: a store that round-trips
 * each resource by its path (create → get → update → list/search → delete), answering in the shape
 * of the operation's success schema. What the server checks before any handler (token kind,
 * Version, scopes, location access, query and body against the spec) holds here too.
 *
 * How an operation is read from its path template:
 *   - ends in a parameter (`/businesses/{businessId}`): that record of the collection before it
 *     (GET reads, PUT/PATCH/POST merge the body, DELETE removes);
 *   - ends in `search` (or `search/filter-by-email`): a list of the collection before it;
 *   - ends in `upsert`: create, or merge into the record the body's `id` names;
 *   - else GET lists and POST creates in the collection the path names;
 *   - PUT/PATCH/DELETE on a word after a parameter (`/messages/{messageId}/status`): an action on
 *     that record (the body is merged into it).
 * A collection is the path with its earlier parameters filled in, so `/locations/{locationId}/tags`
 * is one list per location. A few collections are the sandbox's typed tables (businesses,
 * campaigns, workflows, users, locations), so seeded and generic views agree.
 */
import { errors, isPlainObject } from '../http';
import type { JsonSchema, OperationSpec } from '../openapi';
import type { GenericRecord, Store } from '../store';
import { responseSchema } from '../validation';
import { nowIso } from './common';
import type { Handler, HandlerContext, HandlerResult } from './context';

type Kind = 'get' | 'update' | 'delete' | 'list' | 'create' | 'upsert' | 'action';

interface Route {
	kind: Kind;
	/** Template segments of the collection (no empty segments). */
	collection: string[];
	/** Path parameter naming the record (item operations and actions). */
	idParam?: string;
}

const isParamSegment = (segment: string) => /^\{.+\}$/.test(segment);
const isParam = isParamSegment;
const paramName = (segment: string) => segment.slice(1, -1);

export function classify(op: OperationSpec): Route {
	// A parameter with a closed set of values (`{resourceType}`: equipments | rooms) names a kind, not a record.
	const isEnum = (segment: string): boolean => isParamSegment(segment) && Array.isArray(op.params.find((param) => param.name === paramName(segment))?.schema.enum);
	const segments = op.path.split('/').filter(Boolean);
	const isParam = (segment: string): boolean => isParamSegment(segment) && !isEnum(segment);
	const last = segments[segments.length - 1];
	if (isParam(last)) {
		const kind: Kind = op.method === 'GET' ? 'get' : op.method === 'DELETE' ? 'delete' : 'update';
		return { kind, collection: segments.slice(0, -1), idParam: paramName(last) };
	}
	const searchAt = segments.indexOf('search');
	if (searchAt > 0 && searchAt >= segments.length - 2) return { kind: 'list', collection: segments.slice(0, searchAt) };
	if (last === 'upsert') return { kind: 'upsert', collection: segments.slice(0, -1) };
	if (op.method === 'GET') return { kind: 'list', collection: segments };
	if (op.method === 'POST') return { kind: 'create', collection: segments };
	const paramAt = segments.map(isParam).lastIndexOf(true);
	if (paramAt >= 0) return { kind: 'action', collection: segments.slice(0, paramAt), idParam: paramName(segments[paramAt]) };
	return { kind: 'action', collection: segments };
}

/** Collections the sandbox keeps in typed tables (seeded there, read by hand-written handlers). */
function typedTable(store: Store, key: string): Map<string, GenericRecord> | undefined {
	const tables: Record<string, Map<string, unknown>> = {
		'/businesses': store.businesses,
		'/campaigns': store.campaigns,
		'/workflows': store.workflows,
		'/users': store.users,
		'/locations': store.locations,
		'/calendars': store.calendars,
	};
	return tables[key] as Map<string, GenericRecord> | undefined;
}

function collectionKey(ctx: HandlerContext, segments: string[]): string {
	return `/${segments.map((segment) => (isParam(segment) ? ctx.params[paramName(segment)] : segment)).join('/')}`;
}

export function collectionOf(ctx: HandlerContext, route: Route): Map<string, GenericRecord> {
	const key = collectionKey(ctx, route.collection);
	return typedTable(ctx.state.store, key) ?? ctx.state.store.collection(key);
}

/** Whether a Location token may see this record (its location, or one of its locations). */
export function visible(ctx: HandlerContext, record: GenericRecord): boolean {
	const principal = ctx.principal;
	if (!principal || principal.userType !== 'Location') return true;
	if (Array.isArray(record.locationIds)) return (record.locationIds as string[]).includes(principal.locationId!);
	if (typeof record.locationId === 'string' && record.locationId !== '') return record.locationId === principal.locationId;
	// A location record is its own location.
	if (ctx.op.path.startsWith('/locations/{locationId}') && record.companyId) return record.id === principal.locationId;
	return true;
}

export function findRecord(ctx: HandlerContext, records: Map<string, GenericRecord>, id: string, what = 'Record'): GenericRecord {
	const record = records.get(id);
	if (!record) throw errors.notFound(`${what} not found`);
	if (!visible(ctx, record)) throw errors.forbiddenLocation();
	return record;
}

/** The location a new record belongs to: the body's, the query's, else the token's. */
function locationOf(ctx: HandlerContext): string | undefined {
	const candidates = [isPlainObject(ctx.body) ? ctx.body.locationId : undefined, ctx.query.locationId, ctx.params.locationId, ctx.principal?.locationId];
	return candidates.find((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * The records an item operation names: by id in its collection; else, for a view of another
 * collection (`/conversations/messages/email/{id}` is a message, `/associations/key/{key_name}` an
 * association by its key), by id or by any field of that value in the collection one level up.
 */
function recordsFor(ctx: HandlerContext, route: Route): { records: Map<string, GenericRecord>; found: GenericRecord[] } {
	const id = ctx.params[route.idParam!];
	const records = collectionOf(ctx, route);
	const own = records.get(id);
	if (own) return { records, found: [findRecord(ctx, records, id)] };
	const byField = (map: Map<string, GenericRecord>) => [...map.values()].filter((record) => Object.entries(record).some(([name, value]) => name !== 'id' && value === id));
	if (route.collection.length > 1 && !isParamSegment(route.collection[route.collection.length - 1])) {
		const parentKey = collectionKey(ctx, route.collection.slice(0, -1));
		const parent = typedTable(ctx.state.store, parentKey) ?? ctx.state.store.records.get(parentKey);
		if (parent?.has(id)) return { records: parent, found: [findRecord(ctx, parent, id)] };
		const matches = parent ? byField(parent).filter((record) => visible(ctx, record)) : [];
		if (matches.length) return { records: parent!, found: matches };
	}
	const matches = byField(records).filter((record) => visible(ctx, record));
	if (matches.length) return { records, found: matches };
	throw errors.notFound('Record not found');
}

/** Query parameters that page, sort or scope a list rather than filter it by a field. */
const NOT_FILTERS = new Set(['limit', 'skip', 'offset', 'page', 'pageLimit', 'startAfter', 'startAfterId', 'locationId', 'location_id', 'altId', 'altType', 'query', 'q', 'sort', 'sortBy', 'order', 'includes']);

export function listRecords(ctx: HandlerContext, records: Map<string, GenericRecord>): GenericRecord[] {
	let list = [...records.values()].filter((record) => visible(ctx, record));
	const filters = { ...ctx.query, ...(isPlainObject(ctx.body) ? ctx.body : {}) } as Record<string, unknown>;
	for (const [name, value] of Object.entries(filters)) {
		if (NOT_FILTERS.has(name) || value === undefined || value === '' || isPlainObject(value) || Array.isArray(value)) continue;
		if (!list.some((record) => name in record)) continue;
		list = list.filter((record) => String(record[name]) === String(value));
	}
	const text = filters.query ?? filters.q;
	if (typeof text === 'string' && text.trim()) {
		const wanted = text.trim().toLowerCase();
		list = list.filter((record) => JSON.stringify(record).toLowerCase().includes(wanted));
	}
	const limit = Number(filters.limit ?? filters.pageLimit);
	const skip = Number(filters.skip ?? filters.offset ?? (filters.page && limit ? (Number(filters.page) - 1) * limit : 0));
	if (Number.isFinite(skip) && skip > 0) list = list.slice(skip);
	if (Number.isFinite(limit) && limit > 0) list = list.slice(0, limit);
	return list;
}

// ---------------------------------------------------------------------------
// Answers shaped by the operation's success schema

/** The properties and required names of an object schema, `allOf` parts merged. */
function objectParts(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
	if (Array.isArray(schema.allOf)) {
		const parts = schema.allOf.map((part: JsonSchema) => objectParts(part)).filter(Boolean) as Array<{ properties: Record<string, JsonSchema>; required: string[] }>;
		return { properties: Object.assign({}, ...parts.map((part) => part.properties)), required: parts.flatMap((part) => part.required) };
	}
	if (isPlainObject(schema.properties)) return { properties: schema.properties as Record<string, JsonSchema>, required: schema.required ?? [] };
	return undefined;
}

function typeOf(schema: JsonSchema): string | undefined {
	const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
	if (type) return type;
	if (schema.items) return 'array';
	if (schema.properties || schema.allOf) return 'object';
	return undefined;
}

const SEED_TIME = '2025-01-06T09:00:00.000Z';

/** A value the schema accepts when there is none to give: GHL's neutral values. */
function placeholder(schema: JsonSchema, name: string): unknown {
	if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
	switch (typeOf(schema)) {
		case 'array':
			return [];
		case 'object':
			return shape(schema, {});
		case 'number':
		case 'integer':
			return typeof schema.minimum === 'number' ? schema.minimum : 0;
		case 'boolean':
			// Required booleans in GHL's answers are success flags (`succeded`, `success`…); `new` and `deleted` are states.
			return name !== 'new' && name !== 'deleted';
		case 'string':
			if (schema.format === 'date-time' || schema.format === 'date') return schema.format === 'date' ? SEED_TIME.slice(0, 10) : SEED_TIME;
			if (schema.format === 'email') return 'sandbox@example.com';
			if (schema.format === 'uri' || schema.format === 'url') return 'https://sandbox.example';
			return typeof schema.minLength === 'number' && schema.minLength > 0 ? 'x'.repeat(schema.minLength) : '';
		default:
			return {};
	}
}

function fits(schema: JsonSchema, value: unknown): boolean {
	if (value === null) return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
	if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
	switch (typeOf(schema)) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number';
		case 'integer':
			return Number.isInteger(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'array':
			return Array.isArray(value);
		case 'object':
			return isPlainObject(value);
		default:
			return true;
	}
}

/** `source` in the shape of `schema`: its fields where they fit, placeholders for required ones. */
export function shape(schema: JsonSchema | undefined, source: unknown): unknown {
	if (!schema || Object.keys(schema).length === 0) return source ?? {};
	for (const key of ['oneOf', 'anyOf']) {
		if (Array.isArray(schema[key]) && schema[key].length) {
			const branch = (schema[key] as JsonSchema[]).find((candidate) => fits(candidate, source)) ?? schema[key][0];
			return shape(branch, source);
		}
	}
	const type = typeOf(schema);
	if (type === 'array') {
		return Array.isArray(source) ? source.map((item) => shape(schema.items ?? {}, item)) : [];
	}
	if (type === 'object') {
		const parts = objectParts(schema);
		if (!parts) return isPlainObject(source) ? source : {};
		const from = isPlainObject(source) ? source : {};
		const out: Record<string, unknown> = {};
		for (const [name, propertySchema] of Object.entries(parts.properties)) {
			const value = from[name];
			const kind = typeOf(propertySchema);
			if (value !== undefined && fits(propertySchema, value)) {
				out[name] = kind === 'object' || kind === 'array' ? shape(propertySchema, value) : value;
			} else if (parts.required.includes(name)) {
				out[name] = placeholder(propertySchema, name);
			}
		}
		return out;
	}
	return fits(schema, source) ? source : placeholder(schema, '');
}

/** The success status the spec declares for this operation (201 for most creates). */
export function successStatus(op: OperationSpec): number {
	const declared = Object.keys(op.responses).map(Number).filter((status) => status >= 200 && status < 300);
	if (declared.length) return declared.includes(200) && op.method !== 'POST' ? 200 : declared[0];
	return op.method === 'POST' ? 201 : 200;
}

/**
 * The answer for one record or a list, in the shape of the success schema: a record goes where
 * the schema nests one (`{opportunity: …}`) or at the top; a list under the schema's array of
 * objects, with its count wherever the schema asks for one.
 */
export function answer(op: OperationSpec, payload: { record?: GenericRecord; list?: GenericRecord[]; total?: number }, extra: Record<string, unknown> = {}): HandlerResult {
	const status = successStatus(op);
	const schema = responseSchema(op, String(status));
	const { record, list } = payload;
	if (!schema) return { status, body: list ? { items: list, total: list.length } : { succeded: true, ...(record ?? {}), ...extra } };
	// Items that name their id `_id` (calendar notifications) get it.
	if (typeOf(schema) === 'array') return { status, body: shape(schema, (list ?? (record ? [record] : [])).map((item) => ({ _id: item.id, ...item }))) };
	const parts = objectParts(schema);
	// A schema without properties (a map, e.g. free slots by date) gets what the handler gives, in shape.
	if (!parts) return { status, body: shape(schema, { ...extra }) };
	const source: Record<string, unknown> = { ...(record ?? {}), ...extra };
	const total = list ? (payload.total ?? list.length) : undefined;
	let listPlaced = false;
	// A schema with an `id` at its top is the record itself; else the record goes where it nests one.
	const recordAtTop = 'id' in parts.properties || '_id' in parts.properties;
	// Where the schema has no `id` but names it after the resource (`messageId`, `_id`), the record's id goes there.
	if (record) {
		const noun = op.path.split('/').filter((segment) => segment && !isParamSegment(segment)).pop()?.replace(/s$/, '');
		for (const name of ['_id', `${noun}Id`]) if (name in parts.properties && source[name] === undefined) source[name] = record.id;
	}
	for (const [name, propertySchema] of Object.entries(parts.properties)) {
		if (name in extra) continue;
		const kind = typeOf(propertySchema);
		if (kind === 'boolean' && /^(succeded|succeeded|success)$/.test(name)) source[name] = true;
		else if (list && (kind === 'number' || kind === 'integer') && /^(total|count)$/.test(name)) source[name] = total;
		else if (list && name === 'meta' && kind === 'object') source[name] = { total, count: list.length, currentPage: 1 };
		else if (name === 'meta' || name === 'traceId' || source[name] !== undefined) continue;
		else if (list && !listPlaced && kind === 'array' && typeOf(propertySchema.items ?? {}) === 'object') {
			source[name] = list;
			listPlaced = true;
		} else if (record && !recordAtTop && kind === 'object' && objectParts(propertySchema)) source[name] = record;
	}
	// A list answered in a one-record schema (GHL's spec says so for a few lists): its first record.
	if (list && !listPlaced && list.length) Object.assign(source, list[0], { ...source });
	return { status, body: shape(schema, source) };
}

/** What a new record of a typed table needs besides the body, so the hand-written handlers can read it. */
const TYPED_DEFAULTS: Record<string, Record<string, unknown>> = {
	'/calendars': { description: '', slug: '', widgetSlug: '', calendarType: 'event', widgetType: 'default', eventTitle: '{{contact.name}}', eventColor: '#039be5', slotDuration: 30, slotInterval: 30, teamMembers: [], isActive: true, autoConfirm: true },
	'/users': { locationIds: [], firstName: '', lastName: '', email: '', phone: '', role: 'user' },
};

/** Whether the success schema answers a list (`{fields: [...]}`) rather than one record. */
function wantsList(op: OperationSpec): boolean {
	const schema = responseSchema(op, String(successStatus(op)));
	if (!schema) return false;
	if (typeOf(schema) === 'array') return true;
	const parts = objectParts(schema);
	if (!parts || 'id' in parts.properties || '_id' in parts.properties) return false;
	const kinds = Object.values(parts.properties).map((property) => [typeOf(property), typeOf(property.items ?? {})]);
	return kinds.some(([kind, items]) => kind === 'array' && items === 'object') && !kinds.some(([kind]) => kind === 'object');
}

/** A record as written: the body's fields, its id, location and times. */
function newRecord(ctx: HandlerContext, fields: Record<string, unknown>): GenericRecord {
	const time = nowIso();
	const locationId = locationOf(ctx);
	return {
		...(TYPED_DEFAULTS[`/${classify(ctx.op).collection.join('/')}`] ?? {}),
		...(isPlainObject(fields) ? fields : {}),
		id: ctx.state.store.newRecordId(),
		...(locationId ? { locationId } : {}),
		dateAdded: time,
		dateUpdated: time,
		createdAt: time,
		updatedAt: time,
	};
}

function merge(record: GenericRecord, body: Record<string, unknown>): GenericRecord {
	const { id: _id, ...fields } = body;
	Object.assign(record, fields, { dateUpdated: nowIso(), updatedAt: nowIso() });
	return record;
}

export const genericHandler: Handler = (ctx) => {
	const route = classify(ctx.op);
	const records = collectionOf(ctx, route);
	switch (route.kind) {
		case 'get': {
			const { found } = recordsFor(ctx, route);
			return wantsList(ctx.op) ? answer(ctx.op, { list: found }) : answer(ctx.op, { record: found[0] });
		}
		case 'update':
		case 'action': {
			if (route.idParam === undefined) return answer(ctx.op, { record: { id: '', ...ctx.body } });
			const body = Array.isArray(ctx.body) ? {} : ctx.body;
			const id = ctx.params[route.idParam];
			// A PUT that names a record under another (`/schedules/{id}/associations/{calendarId}`) links it.
			if (route.kind === 'update' && route.collection.some(isParamSegment) && !records.has(id)) {
				const linked = { ...newRecord(ctx, body), id };
				records.set(id, linked);
				return answer(ctx.op, { record: linked });
			}
			return answer(ctx.op, { record: merge(recordsFor(ctx, route).found[0], body) });
		}
		case 'delete': {
			const found = recordsFor(ctx, route);
			const record = found.found[0];
			found.records.delete(record.id);
			return answer(ctx.op, { record: { id: record.id } });
		}
		case 'list':
			return answer(ctx.op, { list: listRecords(ctx, records) });
		case 'upsert': {
			const existing = typeof ctx.body.id === 'string' ? records.get(ctx.body.id) : undefined;
			if (existing) return answer(ctx.op, { record: merge(findRecord(ctx, records, existing.id), ctx.body) }, { new: false });
			const created = newRecord(ctx, ctx.body);
			records.set(created.id, created);
			return answer(ctx.op, { record: created }, { new: true });
		}
		case 'create': {
			// A body that is a list (calendar notifications) creates one record per item.
			const items = Array.isArray(ctx.body) ? (ctx.body as Array<Record<string, unknown>>) : [ctx.body];
			const created = items.map((item) => newRecord(ctx, item));
			for (const record of created) records.set(record.id, record);
			return Array.isArray(ctx.body) ? answer(ctx.op, { list: created }) : answer(ctx.op, { record: created[0] });
		}
	}
};
