/**
 * The sandbox's custom objects API (sandbox/routes/objects.ts) over real HTTP: what GHL checks
 * beyond the spec's schemas (schema keys, record properties against the schema's fields, token
 * kind, location access), search paging, and the webhook events the writes queue.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { assertNoResponseMismatches } from '../harness/fixtures';

const VEHICLES = 'custom_objects.vehicles';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, validateResponses: true });
});
beforeEach(() => sb.reset());
afterEach(() => assertNoResponseMismatches(sb));
afterAll(() => sb.close());

async function call(method: string, path: string, body?: unknown, token = sb.demo.privateToken) {
	const res = await fetch(`${sb.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, version: '2021-07-28', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const eventsOf = (type: string) => sb.queuedEvents().filter((event) => event.type === type);

describe('object schemas', () => {
	it('lists the standard objects and the custom one of the token location only', async () => {
		const { status, json } = await call('GET', `/objects/?locationId=${sb.demo.locationId}`);
		expect(status).toBe(200);
		expect(json.objects.map((object: { key: string }) => object.key).sort()).toEqual(['business', 'contact', VEHICLES, 'opportunity'].sort());
		expect(json.objects.every((object: { locationId: string }) => object.locationId === sb.demo.locationId)).toBe(true);
		expect((await call('GET', `/objects/?locationId=${sb.demo.otherLocationId}`)).status).toBe(403);
	});

	it('reads a schema by key or id, its fields when asked, and 404s an unknown key', async () => {
		const { json } = await call('GET', `/objects/${VEHICLES}?locationId=${sb.demo.locationId}&fetchProperties=true`);
		expect(json.object).toMatchObject({ key: VEHICLES, standard: false, primaryDisplayProperty: `${VEHICLES}.name` });
		expect(json.fields.map((field: { fieldKey: string }) => field.fieldKey).sort()).toEqual([`${VEHICLES}.colour`, `${VEHICLES}.name`, `${VEHICLES}.year`]);
		const byId = await call('GET', `/objects/${json.object.id}?locationId=${sb.demo.locationId}`);
		expect(byId.json.object.key).toBe(VEHICLES);
		expect(byId.json.fields).toBeUndefined();
		expect((await call('GET', `/objects/custom_objects.pets?locationId=${sb.demo.locationId}`)).status).toBe(404);
	});

	it('creates a custom object with an agency token only, prefixing the key, and queues ObjectSchemaCreate', async () => {
		const body = { labels: { singular: 'Pet', plural: 'Pets' }, key: 'pets', locationId: sb.demo.locationId, primaryDisplayPropertyDetails: { key: 'pet_name', name: 'Pet name', dataType: 'TEXT' } };
		expect((await call('POST', '/objects/', body)).status).toBe(401);
		const agency = sb.issueOAuthTokens({ userType: 'Company' }).access_token;
		const created = await call('POST', '/objects/', body, agency);
		expect(created.status).toBe(201);
		expect(created.json.object).toMatchObject({ key: 'custom_objects.pets', primaryDisplayProperty: 'custom_objects.pets.pet_name', standard: false });
		expect(eventsOf('ObjectSchemaCreate')).toEqual([expect.objectContaining({ key: 'custom_objects.pets', locationId: sb.demo.locationId })]);
		expect((await call('POST', '/objects/', body, agency)).status).toBe(400);
		const bad = await call('POST', '/objects/', { ...body, key: 'Big Pets', primaryDisplayPropertyDetails: { ...body.primaryDisplayPropertyDetails, dataType: 'DATE' } }, agency);
		expect(bad.status).toBe(422);
		expect(bad.json.message).toEqual(expect.arrayContaining([expect.stringContaining('key must be lowercase'), expect.stringContaining('dataType must be one of: TEXT, NUMERICAL')]));
		// The new object's primary display property is a field its records must fill.
		const record = await call('POST', '/objects/custom_objects.pets/records', { locationId: sb.demo.locationId, properties: { pet_name: 'Buddy' } });
		expect(record.status).toBe(201);
	});

	it('updates searchable properties with fields of the object only, and queues ObjectSchemaUpdate', async () => {
		const path = `/objects/${VEHICLES}`;
		const refused = await call('PUT', path, { locationId: sb.demo.locationId, searchableProperties: [`${VEHICLES}.wheels`] });
		expect(refused.status).toBe(422);
		expect(refused.json.message).toEqual([`searchableProperties: ${VEHICLES}.wheels is not a field of ${VEHICLES}`]);
		const { status, json } = await call('PUT', path, { locationId: sb.demo.locationId, labels: { singular: 'Car' }, searchableProperties: [`${VEHICLES}.name`, `${VEHICLES}.colour`] });
		expect(status).toBe(200);
		expect(json.object.labels).toEqual({ singular: 'Car', plural: 'Vehicles' });
		expect(eventsOf('ObjectSchemaUpdate')).toHaveLength(1);
	});
});

describe('object records', () => {
	const records = `/objects/${VEHICLES}/records`;

	it('creates, reads, updates and deletes a record, queueing RecordCreate/Update/Delete', async () => {
		const created = await call('POST', records, { locationId: sb.demo.locationId, properties: { name: 'Mustang', colour: 'red', year: 1964 }, owner: [sb.demo.userId] });
		expect(created.status).toBe(201);
		const id = created.json.record.id;
		expect(created.json.record).toMatchObject({ properties: { name: 'Mustang', colour: 'red', year: 1964 }, owner: [sb.demo.userId], followers: [] });
		expect((await call('GET', `${records}/${id}`)).json.record.properties.name).toBe('Mustang');
		const updated = await call('PUT', `${records}/${id}?locationId=${sb.demo.locationId}`, { properties: { colour: 'blue' } });
		expect(updated.json.record.properties).toEqual({ name: 'Mustang', colour: 'blue', year: 1964 });
		expect((await call('DELETE', `${records}/${id}`)).json).toEqual({ id, success: true });
		expect((await call('GET', `${records}/${id}`)).status).toBe(404);
		expect(eventsOf('RecordCreate')[0]).toMatchObject({ id, locationId: sb.demo.locationId, owners: [sb.demo.userId], properties: expect.arrayContaining([{ key: 'year', valueString: '1964' }]) });
		expect(eventsOf('RecordUpdate')).toHaveLength(1);
		expect(eventsOf('RecordDelete')[0].id).toBe(id);
	});

	it('refuses properties the schema does not have or of the wrong type, naming them', async () => {
		const { status, json } = await call('POST', records, { locationId: sb.demo.locationId, properties: { colour: 'green', year: 'old', wheels: 4 } });
		expect(status).toBe(422);
		expect(json.message).toEqual([
			'properties.colour must be one of: red, blue',
			'properties.year must be a number',
			`properties.wheels is not a field of ${VEHICLES}`,
			`properties.name is required (the primary display property of ${VEHICLES})`,
		]);
		expect(eventsOf('RecordCreate')).toEqual([]);
	});

	it('keeps records to their location and serves custom objects only', async () => {
		const other = (await call('POST', records + '/search', { locationId: sb.demo.otherLocationId, page: 1, pageLimit: 10, query: '', searchAfter: [] }, sb.demo.otherLocationToken)).json.records[0];
		expect((await call('GET', `${records}/${other.id}`)).status).toBe(403);
		expect((await call('POST', '/objects/contact/records', { locationId: sb.demo.locationId, properties: {} })).status).toBe(400);
		expect((await call('GET', `/objects/custom_objects.pets/records/${other.id}`)).status).toBe(404);
	});

	it('searches by field:value or the searchable properties, paging by page or by searchAfter', async () => {
		const search = (body: Record<string, unknown>) => call('POST', `${records}/search`, { locationId: sb.demo.locationId, page: 1, pageLimit: 10, query: '', searchAfter: [], ...body });
		const all = (await search({})).json;
		expect(all.total).toBe(5);
		expect((await search({ query: 'colour:red' })).json.records.map((record: { properties: { name: string } }) => record.properties.name).sort()).toEqual(['Beetle', 'Corvette', 'Mini']);
		expect((await search({ query: 'beet' })).json.records.map((record: { properties: { name: string } }) => record.properties.name)).toEqual(['Beetle']);
		const first = (await search({ pageLimit: 2 })).json;
		const second = (await search({ pageLimit: 2, searchAfter: first.records[1].searchAfter.map(String) })).json;
		const third = (await search({ pageLimit: 2, page: 3 })).json;
		const ids = [...first.records, ...second.records, ...third.records].map((record: { id: string }) => record.id);
		expect(ids).toEqual(all.records.map((record: { id: string }) => record.id));
		expect(second.records).toEqual(all.records.slice(2, 4));
	});
});
