/**
 * Every operation of the contract's CRM files is served: the ones without a hand-written handler
 * by the generic store (sandbox/routes/generic.ts). Each is called as a client would (body and
 * query built from the spec: required fields only), with the server's usual checks, and its answer
 * is held to the spec's success schema (validateResponses). Resources round-trip by id: created,
 * read, changed, listed, deleted, then gone.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { loadSpecBundle, type JsonSchema, type OperationSpec } from '../../sandbox/openapi';
import { classify, shape } from '../../sandbox/routes/generic';
import { isHandWritten } from '../../sandbox/routes/index';
import { assertNoResponseMismatches } from '../harness/fixtures';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, validateResponses: true });
});
beforeEach(() => sb.reset());
afterEach(() => assertNoResponseMismatches(sb));
afterAll(() => sb.close());

const bundle = loadSpecBundle();
const CRM_FILES = ['contacts', 'opportunities', 'calendars', 'conversations', 'locations', 'custom-fields', 'users', 'businesses', 'associations', 'objects', 'forms', 'surveys', 'campaigns', 'workflows', 'oauth'];
/** What a sub-account token may call (agency-only operations are part 2's, with agency tokens). */
const subAccount = (op: OperationSpec) => op.fromSpec && (op.security === 'location' || op.security === 'any');
const genericOps = bundle.operations.filter((op) => subAccount(op) && !isHandWritten(op));
const collectionKey = (op: OperationSpec) => `${op.api} /${classify(op).collection.join('/')}`;

/** Values for path parameters that name a parent (seeded) rather than the record acted on. */
function parentParam(name: string, op?: OperationSpec): string | undefined {
	const snapshot = sb.snapshot() as Record<string, Array<{ id: string; locationId?: string }>>;
	const own = (table: string) => snapshot[table].find((record) => record.locationId === sb.demo.locationId)!.id;
	const enumValue = op?.params.find((param) => param.name === name)?.schema.enum?.[0] as string | undefined;
	if (enumValue) return enumValue;
	if (name === 'resourceType') return 'rooms';
	if (name === 'locationId') return sb.demo.locationId;
	if (['schemaKey', 'key', 'objectKey'].includes(name)) return 'custom_objects.vehicles';
	if (name === 'calendarId') return sb.demo.calendarIds[0];
	if (name === 'contactId') return own('contacts');
	if (name === 'appointmentId' || name === 'eventId') return own('appointments');
	return undefined;
}

const UNKNOWN = 'SbxUnknownRecord0001';

/** A path with its parents filled (seeded records) and the record's id where given. */
function pathOf(op: OperationSpec, ids: Record<string, string>): string {
	const last = classify(op).idParam;
	return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
		encodeURIComponent((name === last ? ids[name] : undefined) ?? parentParam(name, op) ?? ids[name] ?? UNKNOWN),
	);
}

/** The store key of an operation's collection, parents filled as pathOf fills them. */
function storedCollection(op: OperationSpec): string {
	return `/${classify(op).collection.map((segment) => (/^\{.+\}$/.test(segment) ? (parentParam(segment.slice(1, -1), op) ?? UNKNOWN) : segment)).join('/')}`;
}

/** The records of a collection: generic ones, or the typed table it is (businesses, users…). */
function storedRecords(collection: string): Array<{ id: string; locationId?: string }> {
	const snapshot = sb.snapshot() as Record<string, unknown>;
	const generic = (snapshot.records as Record<string, Array<{ id: string }>>)[collection];
	return generic ?? ((snapshot[collection.slice(1)] as Array<{ id: string }> | undefined) ?? []);
}

/** Required query parameters, as a client fills them for the demo location. */
function queryOf(op: OperationSpec): string {
	const params = new URLSearchParams();
	for (const param of op.params.filter((p) => p.in === 'query' && p.required)) {
		const value =
			/location/i.test(param.name) || param.name === 'altId'
				? sb.demo.locationId
				: param.name === 'companyId'
					? sb.demo.companyId
					: String(nonEmpty(shape(param.schema, undefined), param.name));
		params.set(param.name, param.name === 'altType' ? 'location' : value);
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

let searchText = 'sample';

/** Empty strings as text a client would send ("should not be empty" refuses ''). */
function nonEmpty(value: unknown, name = ''): unknown {
	if (value === '') {
		// Text searches look for the record the test is about (or the sample text it writes).
		if (/^(query|q)$/.test(name)) return searchText;
		if (/timezone/i.test(name)) return 'America/New_York';
		if (/time|date/i.test(name)) return '2031-03-04T10:00:00Z';
		return /email/i.test(name) ? 'sample@example.com' : `sample-${name || 'value'}`;
	}
	if (Array.isArray(value)) return value.map((item) => nonEmpty(item, name));
	// A free-form object (a custom object record's properties): one sample property.
	if (name && value && typeof value === 'object' && Object.keys(value).length === 0) return { name: `sample-${name}` };
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nonEmpty(item, key)]));
	return value;
}

/** The body a client sends with only the required fields (the demo location where one is asked for). */
function bodyOf(op: OperationSpec): unknown {
	if (!op.body) return undefined;
	// A list body (calendar notifications): one item.
	if (op.body.schema.type === 'array') return [nonEmpty(shape(op.body.schema.items ?? {}, {}))];
	const props = (op.body.schema.properties ?? {}) as Record<string, unknown>;
	const given: Record<string, unknown> = {};
	if ('locationId' in props) given.locationId = sb.demo.locationId;
	if ('locationIds' in props) given.locationIds = [sb.demo.locationId];
	if ('companyId' in props) given.companyId = sb.demo.companyId;
	return nonEmpty(shape(op.body.schema, given));
}

async function call(op: OperationSpec, ids: Record<string, string> = {}) {
	const res = await fetch(`${sb.url}${pathOf(op, ids)}${queryOf(op)}`, {
		method: op.method,
		headers: {
			Authorization: `Bearer ${sb.demo.privateToken}`,
			...(op.version ? { Version: op.version } : {}),
			...(op.body ? { 'Content-Type': 'application/json' } : {}),
		},
		body: op.body ? JSON.stringify(bodyOf(op)) : undefined,
	});
	const text = await res.text();
	return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Whether an answer's schema has a place for the record's id (`id`, `_id`, `messageId`…); a few have none. */
function hasIdPlace(op: OperationSpec): boolean {
	const schema = Object.values(op.responses)[0] ?? {};
	// The record is the answer, an item of it, or nested one level down (`{opportunity: {…}}`).
	const levels = [schema, schema.items, ...Object.values((schema.properties ?? {}) as Record<string, JsonSchema>).flatMap((property) => [property, property.items])];
	const names = levels.flatMap((level) => Object.keys((level?.properties ?? {}) as object));
	const noun = op.path.split('/').filter((segment) => segment && !segment.startsWith('{')).pop()?.replace(/s$/, '');
	return names.some((name) => name === 'id' || name === '_id' || name === `${noun}Id`);
}

describe('the contract, served', () => {
	test('all 15 CRM spec files are loaded, and every operation has a handler (hand-written or generic)', () => {
		expect([...new Set(bundle.operations.filter((op) => op.fromSpec).map((op) => op.api))].sort()).toEqual([...CRM_FILES].sort());
		expect(bundle.operations.filter((op) => op.fromSpec)).toHaveLength(192);
		// Every sub-account operation is answered: by its hand-written handler, or by the generic store (each exercised below, file by file).
		const served = bundle.operations.filter((op) => op.fromSpec && subAccount(op));
		expect(genericOps.length).toBeGreaterThan(0);
		expect(served.filter((op) => isHandWritten(op)).length + genericOps.filter((op) => op.fromSpec).length).toBe(served.length);
	});

	test('token kinds come from the spec: agency-only operations refuse a sub-account token, either-kind ones take it', async () => {
		const agencyOnly = bundle.operations.find((op) => op.operationId === 'create-location')!;
		expect(agencyOnly.security).toBe('agency');
		expect((await call(agencyOnly)).status).toBe(401);
		const either = bundle.operations.find((op) => op.operationId === 'get-location')!;
		expect(either.security).toBe('any');
		expect(await call(either, {})).toMatchObject({ status: 200, json: { location: expect.objectContaining({ id: sb.demo.locationId }) } });
	});

	test('a generic answer keeps the server\'s checks: Version, scopes (read-only token), location access', async () => {
		const list = bundle.operations.find((op) => op.operationId === 'get-businesses-by-location')!;
		const noVersion = await fetch(`${sb.url}/businesses/?locationId=${sb.demo.locationId}`, { headers: { Authorization: `Bearer ${sb.demo.privateToken}` } });
		expect(noVersion.status).toBe(401);
		const other = await fetch(`${sb.url}/businesses/?locationId=${sb.demo.otherLocationId}`, { headers: { Authorization: `Bearer ${sb.demo.privateToken}`, Version: list.version! } });
		expect(other.status).toBe(403);
		const create = bundle.operations.find((op) => op.operationId === 'create-business')!;
		const readOnly = await fetch(`${sb.url}/businesses/`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sb.demo.readOnlyToken}`, Version: create.version!, 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'Refused', locationId: sb.demo.locationId }),
		});
		expect(readOnly.status).toBe(401);
	});

	const creates = genericOps.filter((op) => classify(op).kind === 'create' && genericOps.some((other) => classify(other).kind === 'get' && collectionKey(other) === collectionKey(op)));
	test.each(creates.map((op) => [`${op.method} ${op.path}`, op] as const))('round trip: %s, then read, change, list and delete by id', async (_name, create) => {
		const key = collectionKey(create);
		const created = await call(create);
		expect({ key, status: created.status }).toEqual({ key, status: Number(Object.keys(create.responses)[0] ?? 201) });
		const id = storedRecords(storedCollection(create)).at(-1)?.id ?? '';
		expect({ key, stored: id !== '' }).toEqual({ key, stored: true });
		if (hasIdPlace(create)) expect(JSON.stringify(created.json)).toContain(id);

		const same = (kind: string) => genericOps.filter((op) => classify(op).kind === kind && collectionKey(op) === key);
		for (const get of same('get')) {
			const read = await call(get, { [classify(get).idParam!]: id });
			expect({ key, op: get.operationId, status: read.status }).toEqual({ key, op: get.operationId, status: 200 });
			if (hasIdPlace(get)) expect(JSON.stringify(read.json)).toContain(id);
		}
		for (const update of same('update')) {
			const changed = await call(update, { [classify(update).idParam!]: id });
			expect({ key, op: update.operationId, status: changed.status }).toEqual({ key, op: update.operationId, status: Number(Object.keys(update.responses)[0] ?? 200) });
		}
		for (const list of same('list')) {
			searchText = id;
			const listed = await call(list).finally(() => (searchText = 'sample'));
			const text = JSON.stringify(listed.json);
			const found = hasIdPlace(list) ? text.includes(id) : text.includes('sample-');
			expect({ key, op: list.operationId, status: listed.status, found: found || text }).toEqual({ key, op: list.operationId, status: 200, found: true });
		}
		for (const del of same('delete')) {
			const deleted = await call(del, { [classify(del).idParam!]: id });
			expect({ key, op: del.operationId, status: deleted.status }).toEqual({ key, op: del.operationId, status: 200 });
			for (const get of same('get')) expect((await call(get, { [classify(get).idParam!]: id })).status).toBe(404);
		}
	});

	/** Order of a client session: records are made before they are read, changed, listed, acted on and deleted. */
	const ORDER = ['create', 'upsert', 'update', 'get', 'list', 'action', 'delete'];
	const apis = [...new Set(genericOps.map((op) => op.api))];
	test.each(apis)('%s: every operation answers 2xx in the spec\'s shape, in one session over seeded and created records', async (api) => {
		const ops = genericOps.filter((op) => op.api === api).sort((a, b) => ORDER.indexOf(classify(a).kind) - ORDER.indexOf(classify(b).kind));
		const failed: string[] = [];
		for (const op of ops) {
			const route = classify(op);
			const ids: Record<string, string> = {};
			if (route.idParam) {
				// The newest record of its collection (or, for a view of another, of the one above).
				const collection = storedCollection(op);
				const own = storedRecords(collection);
				const records = own.length ? own : storedRecords(collection.split('/').slice(0, -1).join('/'));
				const mine = (candidate: { id: string; locationId?: string }) => candidate.id === sb.demo.locationId || candidate.locationId === sb.demo.locationId;
				const record = [...records].reverse().find(mine) ?? [...records].reverse().find((candidate) => candidate.locationId === undefined) ?? records.at(-1);
				if (record) ids[route.idParam] = record.id;
			}
			const result = await call(op, ids);
			if (result.status < 200 || result.status > 299) failed.push(`${op.operationId} ${op.method} ${pathOf(op, ids)} → ${result.status} ${JSON.stringify(result.json).slice(0, 200)}`);
		}
		expect(failed).toEqual([]);
	});
});
