/**
 * Workflow tests of custom object fields and their folders (GHL's custom fields v2 API). Each
 * asserts what GHL received and what the node answered, and reads the sandbox back where it writes.
 */
import type { IDataObject } from 'n8n-workflow';
import { CONTACTS_VERSION, expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api, pickerOptions } = nodeTests();

const OBJECT = 'custom_objects.vehicles';

/** The sandbox's v2 fields and folders (one folder holding one field is seeded). */
function records(collection: 'fields' | 'folders'): Array<IDataObject & { id: string }> {
	const all = (sandbox().snapshot() as { records: Record<string, Array<IDataObject & { id: string }>> }).records;
	return all[collection === 'fields' ? '/custom-fields' : '/custom-fields/folders'] ?? [];
}

describe('Object Field', () => {
	opTest('custom-fields:create-custom-field', 'creates a field in a folder; a bare key gets the object key in front', async () => {
		const { locationId } = sandbox().demo;
		const [folder] = records('folders');
		const result = await run({
			resource: 'objectField',
			operation: 'create',
			objectKey: OBJECT,
			folderId: folder.id,
			name: ' Fuel ',
			fieldKey: 'fuel',
			dataType: 'RADIO',
			showInForms: false,
			additionalFields: { options: { option: [{ key: 'petrol', label: 'Petrol' }, { key: 'ev', label: 'Electric', url: 'https://example.com/ev' }] } },
		});
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'custom-fields:create-custom-field'), {
			method: 'POST',
			path: '/custom-fields/',
			version: CONTACTS_VERSION,
			body: {
				locationId,
				objectKey: OBJECT,
				parentId: folder.id,
				fieldKey: `${OBJECT}.fuel`,
				dataType: 'RADIO',
				name: 'Fuel',
				showInForms: false,
				options: [
					{ key: 'petrol', label: 'Petrol' },
					{ key: 'ev', label: 'Electric', url: 'https://example.com/ev' },
				],
			},
		});
		expect(result.out[0]).toMatchObject({ id: expect.any(String), name: 'Fuel', fieldKey: `${OBJECT}.fuel`, parentId: folder.id, objectKey: OBJECT });
		expect(records('fields').map((field) => field.fieldKey)).toContain(`${OBJECT}.fuel`);
	});

	opTest('get-custom-fields-by-object-key', 'lists an object’s fields, or its folders', async () => {
		const { locationId } = sandbox().demo;
		const fields = await run({ resource: 'objectField', operation: 'getAll', objectKey: OBJECT, list: 'fields', returnAll: true });
		expectRequest(only(fields, 'get-custom-fields-by-object-key'), {
			method: 'GET',
			path: `/custom-fields/object-key/${OBJECT}`,
			query: { locationId },
		});
		expect(fields.out.map((field) => field.fieldKey)).toEqual([`${OBJECT}.colour`, `${OBJECT}.name`, `${OBJECT}.year`]);
		const folders = await run({ resource: 'objectField', operation: 'getAll', objectKey: OBJECT, list: 'folders', returnAll: true });
		expect(folders.out.map((folder) => folder.name)).toEqual(['Vehicle details']);
	});

	test('an object GHL’s v2 fields do not serve fails with GHL’s message', async () => {
		const result = await run({ resource: 'objectField', operation: 'getAll', objectKey: 'contact', list: 'fields', returnAll: true });
		expect(result.requests.map((request) => request.status)).toEqual([400]);
		expect(String(result.error?.message)).toMatch(/400/);
	});

	opTest('get-custom-field-by-id', 'gets one field', async () => {
		const [colour] = records('fields');
		const result = await run({ resource: 'objectField', operation: 'get', fieldId: colour.id });
		expectRequest(only(result, 'get-custom-field-by-id'), { method: 'GET', path: `/custom-fields/${colour.id}` });
		expect(result.out[0]).toMatchObject({ id: colour.id, name: 'Colour', dataType: 'SINGLE_OPTIONS', options: [{ key: 'red', label: 'Red' }, { key: 'blue', label: 'Blue' }] });
	});

	opTest('custom-fields:update-custom-field', 'renames a field; Show in Forms, required by GHL, is read first when not given', async () => {
		const { locationId } = sandbox().demo;
		const [colour] = records('fields');
		const result = await run({ resource: 'objectField', operation: 'update', fieldId: colour.id, updateFields: { name: 'Paint colour' } });
		expect(result.requests.map((request) => request.operationKey)).toEqual(['get-custom-field-by-id', 'custom-fields:update-custom-field']);
		expectRequest(only(result, 'custom-fields:update-custom-field'), {
			method: 'PUT',
			path: `/custom-fields/${colour.id}`,
			body: { locationId, name: 'Paint colour', showInForms: true },
		});
		expect(result.out[0]).toMatchObject({ id: colour.id, name: 'Paint colour', fieldKey: `${OBJECT}.colour` });

		const hidden = await run({ resource: 'objectField', operation: 'update', fieldId: colour.id, updateFields: { showInForms: false } });
		expect(hidden.requests.map((request) => request.operationKey)).toEqual(['custom-fields:update-custom-field']);
		expect(records('fields')[0].showInForms).toBe(false);
	});

	opTest('custom-fields:delete-custom-field', 'deletes a field; GHL answers its key', async () => {
		const [colour] = records('fields');
		const result = await run({ resource: 'objectField', operation: 'delete', fieldId: colour.id });
		expectRequest(only(result, 'custom-fields:delete-custom-field'), { method: 'DELETE', path: `/custom-fields/${colour.id}` });
		expect(result.out).toEqual([{ succeded: true, id: colour.id, key: `${OBJECT}.colour` }]);
		expect(records('fields').map((field) => field.fieldKey)).toEqual([`${OBJECT}.name`, `${OBJECT}.year`]);
	});

	opTest('create-custom-field-folder', 'creates a folder for the object', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({ resource: 'objectField', operation: 'createFolder', objectKey: OBJECT, name: ' Service history ' });
		expectRequest(only(result, 'create-custom-field-folder'), {
			method: 'POST',
			path: '/custom-fields/folder',
			body: { objectKey: OBJECT, name: 'Service history', locationId },
		});
		expect(result.out).toEqual([{ id: expect.any(String), objectKey: OBJECT, locationId, name: 'Service history' }]);
		const listed = await api('GET', `/custom-fields/object-key/${OBJECT}?locationId=${locationId}`);
		expect((listed.folders as IDataObject[]).map((folder) => folder.name)).toEqual(['Vehicle details', 'Service history']);
	});

	opTest('update-custom-field-folder', 'renames a folder', async () => {
		const { locationId } = sandbox().demo;
		const [folder] = records('folders');
		const result = await run({ resource: 'objectField', operation: 'updateFolder', folderId: folder.id, name: 'Car details' });
		expectRequest(only(result, 'update-custom-field-folder'), {
			method: 'PUT',
			path: `/custom-fields/folder/${folder.id}`,
			body: { name: 'Car details', locationId },
		});
		expect(result.out[0]).toMatchObject({ id: folder.id, name: 'Car details' });
	});

	opTest('delete-custom-field-folder', 'deletes a folder, naming the location in the query as GHL requires', async () => {
		const { locationId } = sandbox().demo;
		const [folder] = records('folders');
		const result = await run({ resource: 'objectField', operation: 'deleteFolder', folderId: folder.id });
		expectRequest(only(result, 'delete-custom-field-folder'), {
			method: 'DELETE',
			path: `/custom-fields/folder/${folder.id}`,
			query: { locationId },
		});
		expect(result.out[0]).toMatchObject({ succeded: true, id: folder.id });
		expect(records('folders')).toEqual([]);
	});

	test('a field ID outside GHL’s ID alphabet is refused before any request', async () => {
		const result = await run({ resource: 'objectField', operation: 'get', fieldId: 'a/../b' });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Field ID: expected/);
	});
});

describe('Object Field › pickers', () => {
	/** The demo location's objects that custom fields v2 serve (custom objects and businesses), by key → plural label. */
	function fieldObjects(): Map<string, string> {
		const objects = ((sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records['/objects'] ?? []).filter(
			(object) => object.locationId === sandbox().demo.locationId && (object.standard !== true || object.key === 'business'),
		);
		return new Map(objects.map((object) => [String(object.key), String((object.labels as IDataObject).plural)]));
	}
	const mine = (collection: 'fields' | 'folders') => records(collection).filter((record) => record.locationId === sandbox().demo.locationId);
	const sent = (from: number) => sandbox().requests.slice(from).map((request) => `${request.method} ${request.path}`);

	test('Object lists the custom objects and Businesses by label, their key as the value; not contacts or opportunities', async () => {
		const options = await pickerOptions('getFieldObjectKeys', { resource: 'objectField', operation: 'getAll' }, 'objectKey');
		const objects = fieldObjects();
		expect(options.map((option) => option.value).sort()).toEqual([...objects.keys()].sort());
		expect(options.map((option) => option.value)).toEqual(expect.arrayContaining([OBJECT, 'business']));
		expect(options.map((option) => option.value)).not.toContain('contact');
		expect(options.find((option) => option.value === OBJECT)).toEqual({ name: objects.get(OBJECT), value: OBJECT, description: OBJECT });
	});

	test('Field lists every object’s fields as "Object: Field" (one list request per object); the ID picked runs Get', async () => {
		const before = sandbox().requests.length;
		const options = await pickerOptions('getAllObjectFields', { resource: 'objectField', operation: 'get' }, 'fieldId');
		const objects = fieldObjects();
		expect(sent(before).sort()).toEqual(['GET /objects/', ...[...objects.keys()].map((key) => `GET /custom-fields/object-key/${key}`)].sort());
		const fields = mine('fields').filter((field) => objects.has(String(field.objectKey)));
		expect(options.map((option) => option.value).sort()).toEqual(fields.map((field) => field.id).sort());
		const colour = fields.find((field) => field.name === 'Colour')!;
		expect(options).toContainEqual({ name: `${objects.get(OBJECT)}: Colour`, value: colour.id, description: colour.fieldKey });
		const got = await run({ resource: 'objectField', operation: 'get', fieldId: options.find((option) => option.value === colour.id)!.value });
		expect(got.out[0]).toMatchObject({ id: colour.id, name: 'Colour' });
	});

	test('Folder lists the chosen object’s folders (Create), or every object’s as "Object: Folder" (Update Folder)', async () => {
		const objects = fieldObjects();
		const folders = mine('folders');
		const vehicleFolders = folders.filter((folder) => folder.objectKey === OBJECT);
		expect(vehicleFolders.length).toBeGreaterThan(0);
		const before = sandbox().requests.length;
		const ofVehicles = await pickerOptions('getFieldFolders', { resource: 'objectField', operation: 'create', objectKey: OBJECT }, 'folderId');
		expect(sent(before)).toEqual([`GET /custom-fields/object-key/${OBJECT}`]);
		expect(ofVehicles.map((option) => option.value).sort()).toEqual(vehicleFolders.map((folder) => folder.id).sort());
		expect(ofVehicles[0].name).toBe(String(vehicleFolders.find((folder) => folder.id === ofVehicles[0].value)!.name));
		expect(await pickerOptions('getFieldFolders', { resource: 'objectField', operation: 'create' }, 'folderId')).toEqual([]);
		const every = await pickerOptions('getAllFieldFolders', { resource: 'objectField', operation: 'updateFolder' }, 'folderId');
		expect(every.map((option) => option.value).sort()).toEqual(folders.filter((folder) => objects.has(String(folder.objectKey))).map((folder) => folder.id).sort());
		expect(every).toContainEqual({ name: `${objects.get(OBJECT)}: ${String(vehicleFolders[0].name)}`, value: vehicleFolders[0].id, description: undefined });
	});
});
