/** Custom Object (object schemas) and Object Record: GHL's objects API, against the sandbox's seeded vehicles object. */
import type { IDataObject } from 'n8n-workflow';
import { agencyCredential } from '../harness/fixtures';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api, pickerOptions } = nodeTests();

const OBJECT = 'custom_objects.vehicles';
const RECORDS = `/objects/${OBJECT}/records`;

interface StoredRecord extends IDataObject {
	id: string;
	locationId: string;
	properties: IDataObject;
}

function storedRecords(): StoredRecord[] {
	const all = (sandbox().snapshot() as { records: Record<string, StoredRecord[]> }).records;
	return (all[RECORDS] ?? []).filter((record) => record.locationId === sandbox().demo.locationId);
}

const byName = (name: string) => storedRecords().find((record) => record.properties.name === name)!;

describe('Custom Object', () => {
	opTest('get-object-by-location-id', 'lists the custom and standard objects of the location', async () => {
		const result = await run({ resource: 'customObject', operation: 'getAll', returnAll: true });
		expectRequest(only(result, 'get-object-by-location-id'), { method: 'GET', path: '/objects/', query: { locationId: sandbox().demo.locationId } });
		expect(result.out.map((object) => object.key).sort()).toEqual(['business', 'contact', OBJECT, 'opportunity'].sort());
		const limited = await run({ resource: 'customObject', operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited.out).toHaveLength(2);
	});

	opTest('get-object-schema-by-key', 'gets an object with its fields; Simplify keeps them', async () => {
		const result = await run({ resource: 'customObject', operation: 'get', schemaKey: OBJECT, includeFields: true });
		expectRequest(only(result, 'get-object-schema-by-key'), {
			method: 'GET',
			path: `/objects/${OBJECT}`,
			query: { locationId: sandbox().demo.locationId, fetchProperties: 'true' },
		});
		expect(result.out).toHaveLength(1);
		expect(result.out[0]).toMatchObject({ key: OBJECT, labels: { singular: 'Vehicle', plural: 'Vehicles' }, primaryDisplayProperty: `${OBJECT}.name` });
		expect((result.out[0].fields as IDataObject[]).map((field) => field.fieldKey).sort()).toEqual([`${OBJECT}.colour`, `${OBJECT}.name`, `${OBJECT}.year`]);
		const bad = await run({ resource: 'customObject', operation: 'get', schemaKey: '../contacts' });
		expect(bad.error?.message).toBe('Object Name or ID: expected an object key such as custom_objects.pets, got "../contacts"');
		expect(bad.requests).toHaveLength(0);
	});

	opTest('create-custom-object-schema', 'creates a custom object in a sub-account with the agency credential', async () => {
		const credential = agencyCredential(sandbox());
		const { locationId } = sandbox().demo;
		const parameters = {
			resource: 'customObject',
			operation: 'create',
			subAccount: { __rl: true, mode: 'id', value: locationId },
			singular: 'Pet',
			plural: 'Pets',
			key: 'pets',
			primaryName: 'Pet name',
			primaryKey: 'pet_name',
			primaryDataType: 'TEXT',
			additionalFields: { description: 'Pets of our customers' },
		};
		const result = await run(parameters, { credential });
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'create-custom-object-schema'), {
			method: 'POST',
			path: '/objects/',
			body: {
				labels: { singular: 'Pet', plural: 'Pets' },
				key: 'custom_objects.pets',
				locationId,
				primaryDisplayPropertyDetails: { key: 'custom_objects.pets.pet_name', name: 'Pet name', dataType: 'TEXT' },
				description: 'Pets of our customers',
			},
		});
		expect(result.out).toEqual([expect.objectContaining({ key: 'custom_objects.pets', standard: false, primaryDisplayProperty: 'custom_objects.pets.pet_name' })]);
		const listed = await api('GET', `/objects/?locationId=${locationId}`);
		expect((listed.objects as IDataObject[]).map((object) => object.key)).toContain('custom_objects.pets');

		const bad = await run({ ...parameters, key: 'Pet Owners' }, { credential });
		expect(bad.error?.message).toBe('Key: expected lowercase letters, digits and underscores starting with a letter, got "Pet Owners"');
		expect(bad.requests).toHaveLength(0);
	});

	opTest('update-custom-object', 'changes labels and searchable fields', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({
			resource: 'customObject',
			operation: 'update',
			schemaKey: OBJECT,
			searchableProperties: [`${OBJECT}.name`, `${OBJECT}.colour`],
			updateFields: { plural: ' Cars ' },
		});
		expectRequest(only(result, 'update-custom-object'), {
			method: 'PUT',
			path: `/objects/${OBJECT}`,
			body: { locationId, searchableProperties: [`${OBJECT}.name`, `${OBJECT}.colour`], labels: { plural: 'Cars' } },
		});
		expect(result.out[0]).toMatchObject({ key: OBJECT, labels: { singular: 'Vehicle', plural: 'Cars' } });
		// The search now looks in the colour too.
		const red = await run({ resource: 'objectRecord', operation: 'search', schemaKey: OBJECT, query: 'red', returnAll: true });
		expect(red.out.map((record) => (record.properties as IDataObject).name).sort()).toEqual(['Beetle', 'Corvette', 'Mini']);

		const empty = await run({ resource: 'customObject', operation: 'update', schemaKey: OBJECT, searchableProperties: '={{ [] }}' });
		expect(empty.error?.message).toBe('Searchable Field Names or IDs: expected at least one value (comma-separated), got a list');
		expect(empty.requests).toHaveLength(0);
	});

	test('the object pickers list custom objects for records, every object for schemas, and an object’s fields', async () => {
		const custom = await pickerOptions('getCustomObjects', { resource: 'objectRecord', operation: 'get' }, 'schemaKey');
		expect(custom).toEqual([{ name: 'Vehicles', value: OBJECT, description: OBJECT }]);
		const all = await pickerOptions('getObjectSchemas', { resource: 'customObject', operation: 'get' }, 'schemaKey');
		expect(all.map((option) => option.value).sort()).toEqual(['business', 'contact', OBJECT, 'opportunity'].sort());
		const fields = await pickerOptions('getObjectFields', { resource: 'customObject', operation: 'update', schemaKey: OBJECT }, 'searchableProperties');
		expect(fields.map((option) => option.value)).toEqual([`${OBJECT}.colour`, `${OBJECT}.name`, `${OBJECT}.year`]);
	});
});

describe('Object Record', () => {
	opTest('create-object-record', 'creates a record with its properties, owner and followers', async () => {
		const { locationId, userIds } = sandbox().demo;
		const result = await run({
			resource: 'objectRecord',
			operation: 'create',
			schemaKey: OBJECT,
			properties: '{"name": "Land Rover", "colour": "blue", "year": 1948}',
			additionalFields: { owner: userIds[0], followers: [userIds[1]] },
		});
		expectRequest(only(result, 'create-object-record'), {
			method: 'POST',
			path: RECORDS,
			body: { locationId, properties: { name: 'Land Rover', colour: 'blue', year: 1948 }, owner: [userIds[0]], followers: [userIds[1]] },
		});
		expect(result.out).toEqual([
			expect.objectContaining({ id: byName('Land Rover').id, properties: { name: 'Land Rover', colour: 'blue', year: 1948 }, owner: [userIds[0]], followers: [userIds[1]] }),
		]);
	});

	test('bad properties are refused before any request, naming the field; GHL’s check of the schema names the property', async () => {
		const notJson = await run({ resource: 'objectRecord', operation: 'create', schemaKey: OBJECT, properties: '{"name": "Mini",}' });
		expect(notJson.error?.message).toMatch(/^Properties \(JSON\): not valid JSON/);
		const notKey = await run({ resource: 'objectRecord', operation: 'create', schemaKey: OBJECT, properties: '{"Pet Name": "Mini"}' });
		expect(notKey.error?.message).toBe('Properties (JSON): "Pet Name" is not a field key (lowercase letters, digits and underscores, e.g. pet_name)');
		const list = await run({ resource: 'objectRecord', operation: 'create', schemaKey: OBJECT, properties: '["Mini"]' });
		expect(list.error?.message).toBe('Properties (JSON): expected a JSON object of field values, e.g. {"name": "Buddy"}');
		expect([...notJson.requests, ...notKey.requests, ...list.requests]).toHaveLength(0);

		const unknown = await run({ resource: 'objectRecord', operation: 'create', schemaKey: OBJECT, properties: '{"name": "Mini", "wheels": 4}' });
		expect(unknown.requests.map((request) => request.status)).toEqual([422]);
		expect(JSON.stringify(unknown.error)).toContain(`properties.wheels is not a field of ${OBJECT}`);
	});

	opTest('get-record-by-id', 'gets a record by ID', async () => {
		const beetle = byName('Beetle');
		const result = await run({ resource: 'objectRecord', operation: 'get', schemaKey: OBJECT, recordId: beetle.id });
		expectRequest(only(result, 'get-record-by-id'), { method: 'GET', path: `${RECORDS}/${beetle.id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: beetle.id, properties: { name: 'Beetle', colour: 'red' } })]);
	});

	opTest('update-object-record', 'changes only the properties given', async () => {
		const beetle = byName('Beetle');
		const { locationId } = sandbox().demo;
		const result = await run({ resource: 'objectRecord', operation: 'update', schemaKey: OBJECT, recordId: beetle.id, properties: { colour: 'blue', year: 1938 } });
		expectRequest(only(result, 'update-object-record'), {
			method: 'PUT',
			path: `${RECORDS}/${beetle.id}`,
			query: { locationId },
			body: { properties: { colour: 'blue', year: 1938 } },
		});
		expect(result.out[0].properties).toEqual({ name: 'Beetle', colour: 'blue', year: 1938 });
		expect(byName('Beetle').properties).toEqual({ name: 'Beetle', colour: 'blue', year: 1938 });
		const nothing = await run({ resource: 'objectRecord', operation: 'update', schemaKey: OBJECT, recordId: beetle.id, properties: '{}' });
		expect(nothing.error?.message).toBe('Properties (JSON): give at least one property, or an owner or followers under Update Fields');
		expect(nothing.requests).toHaveLength(0);
	});

	opTest('delete-object-record', 'deletes a record', async () => {
		const mini = byName('Mini');
		const result = await run({ resource: 'objectRecord', operation: 'delete', schemaKey: OBJECT, recordId: mini.id });
		expectRequest(only(result, 'delete-object-record'), { method: 'DELETE', path: `${RECORDS}/${mini.id}` });
		expect(result.out).toEqual([{ id: mini.id, success: true }]);
		expect(storedRecords().map((record) => record.id)).not.toContain(mini.id);
	});

	opTest('search-object-records', 'Return All walks the pages by searchAfter; the query and Limit hold', async () => {
		const { locationId } = sandbox().demo;
		const extra = Array.from({ length: 150 }, (_, i) => {
			const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
			return { locationId, objectKey: OBJECT, properties: { name: `Fleet car ${i + 1}`, year: 2000 + (i % 20) }, owner: [], followers: [], dateAdded: time, dateUpdated: time };
		});
		sandbox().putRecords(RECORDS, extra);
		const all = await run({ resource: 'objectRecord', operation: 'search', schemaKey: OBJECT, query: '', returnAll: true });
		const searches = all.requests.filter((request) => request.operationId === 'search-object-records');
		expect(searches.map((request) => request.body)).toEqual([
			{ locationId, query: '', page: 1, pageLimit: 100, searchAfter: [] },
			{ locationId, query: '', page: 1, pageLimit: 100, searchAfter: (all.out[99].searchAfter as unknown[]).map(String) },
		]);
		expect(all.out).toHaveLength(155);
		expect(new Set(all.out.map((record) => record.id)).size).toBe(155);

		const fleet = await run({ resource: 'objectRecord', operation: 'search', schemaKey: OBJECT, query: 'name:fleet car 1', returnAll: false, limit: 5 });
		expect(fleet.requests.map((request) => (request.body as IDataObject).pageLimit)).toEqual([5]);
		expect(fleet.out).toHaveLength(5);
		expect(fleet.out.every((record) => String((record.properties as IDataObject).name).startsWith('Fleet car 1'))).toBe(true);
	});
});
