/**
 * Workflow tests of the location's custom fields (locations API): create, read, update, delete,
 * and uploading an item's binary files for a File Upload field (multipart). Each asserts what GHL
 * received and what the node answered, and reads the sandbox back where it writes.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api } = nodeTests();

/** The demo location's custom fields as the sandbox holds them. */
function fields(): Array<IDataObject & { id: string; name: string; fieldKey: string }> {
	const all = (sandbox().snapshot() as { customFields: Array<IDataObject & { id: string; name: string; fieldKey: string; locationId: string }> }).customFields;
	return all.filter((field) => field.locationId === sandbox().demo.locationId);
}

const byKey = (key: string) => fields().find((field) => field.fieldKey === key)!;

describe('Custom Field', () => {
	opTest('locations:create-custom-field', 'creates an opportunity field; GHL answers the key it made; contacts do not list it', async () => {
		const { locationId } = sandbox().demo;
		const result = await run({
			resource: 'customField',
			operation: 'create',
			name: ' Deal Source ',
			dataType: 'SINGLE_OPTIONS',
			model: 'opportunity',
			additionalFields: { placeholder: 'Where it came from', position: 25 },
		});
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'locations:create-custom-field'), {
			method: 'POST',
			path: `/locations/${locationId}/customFields`,
			body: { name: 'Deal Source', placeholder: 'Where it came from', position: 25, dataType: 'SINGLE_OPTIONS', model: 'opportunity' },
		});
		expect(result.out[0]).toMatchObject({ name: 'Deal Source', fieldKey: 'opportunity.deal_source', dataType: 'SINGLE_OPTIONS', model: 'opportunity', locationId });
		const contactFields = await api('GET', `/locations/${locationId}/customFields?model=contact`);
		expect((contactFields.customFields as IDataObject[]).map((field) => field.name)).not.toContain('Deal Source');
		const opportunityFields = await api('GET', `/locations/${locationId}/customFields?model=opportunity`);
		expect((opportunityFields.customFields as IDataObject[]).map((field) => field.name)).toEqual(['Deal Source']);
	});

	opTest('locations:create-custom-field', 'a new contact field takes values on contact writes at once', async () => {
		const created = await run({
			resource: 'customField',
			operation: 'create',
			name: 'Shoe Size',
			dataType: 'NUMERICAL',
			model: 'contact',
			additionalFields: {
				textBoxListOptions: { option: [{ label: 'EU', prefillValue: '' }] },
			},
		});
		expect(created.requests[0].body).toMatchObject({ textBoxListOptions: [{ label: 'EU', prefillValue: '' }] });
		const fieldId = String(created.out[0].id);
		const contact = await api('POST', '/contacts/', {
			locationId: sandbox().demo.locationId,
			email: 'shoe@example.com',
			customFields: [{ id: fieldId, field_value: 43 }],
		});
		expect((contact.contact as IDataObject).customFields).toEqual([{ id: fieldId, value: 43 }]);
	});

	opTest('get-custom-fields', 'lists the fields of one object or all, cut to the limit', async () => {
		const all = await run({ resource: 'customField', operation: 'getAll', model: 'all', returnAll: true });
		expectRequest(only(all, 'get-custom-fields'), {
			method: 'GET',
			path: `/locations/${sandbox().demo.locationId}/customFields`,
			query: { model: 'all' },
		});
		expect(all.out.map((field) => field.id)).toEqual(fields().sort((a, b) => Number(a.position) - Number(b.position)).map((field) => field.id));
		const two = await run({ resource: 'customField', operation: 'getAll', model: 'contact', returnAll: false, limit: 2 });
		expect(two.out).toHaveLength(2);
		expect(two.requests[0].query).toEqual({ model: 'contact' });
	});

	opTest('get-custom-field', 'gets one field by the ID its picker gives', async () => {
		const colour = byKey('contact.favourite_colour');
		const result = await run({ resource: 'customField', operation: 'get', customFieldId: colour.id });
		expectRequest(only(result, 'get-custom-field'), { method: 'GET', path: `/locations/${sandbox().demo.locationId}/customFields/${colour.id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: colour.id, name: 'Favourite Colour', fieldKey: 'contact.favourite_colour', dataType: 'TEXT' })]);
	});

	opTest('locations:update-custom-field', 'renames a field; its key stays, so values and merge tags keep working', async () => {
		const colour = byKey('contact.favourite_colour');
		const result = await run({ resource: 'customField', operation: 'update', customFieldId: colour.id, updateFields: { name: 'Colour', position: 5 } });
		expectRequest(only(result, 'locations:update-custom-field'), {
			method: 'PUT',
			path: `/locations/${sandbox().demo.locationId}/customFields/${colour.id}`,
			body: { name: 'Colour', position: 5 },
		});
		expect(result.requests).toHaveLength(1);
		expect(result.out[0]).toMatchObject({ id: colour.id, name: 'Colour', fieldKey: 'contact.favourite_colour', position: 5 });
	});

	opTest('locations:update-custom-field', 'without a new name, the field’s own is read and sent back (GHL requires one)', async () => {
		const colour = byKey('contact.favourite_colour');
		const result = await run({ resource: 'customField', operation: 'update', customFieldId: colour.id, updateFields: { placeholder: 'e.g. green' } });
		expect(result.requests.map((request) => request.operationKey)).toEqual(['get-custom-field', 'locations:update-custom-field']);
		expect(result.requests[1].body).toEqual({ placeholder: 'e.g. green', name: 'Favourite Colour' });
		expect(byKey('contact.favourite_colour').placeholder).toBe('e.g. green');
	});

	opTest('locations:delete-custom-field', 'deletes a field, and its value on every contact', async () => {
		const colour = byKey('contact.favourite_colour');
		const withValue = (sandbox().snapshot() as { contacts: Array<{ customFields: Record<string, unknown> }> }).contacts.filter(
			(contact) => colour.id in contact.customFields,
		);
		expect(withValue.length).toBeGreaterThan(0);
		const result = await run({ resource: 'customField', operation: 'delete', customFieldId: colour.id });
		expectRequest(only(result, 'locations:delete-custom-field'), {
			method: 'DELETE',
			path: `/locations/${sandbox().demo.locationId}/customFields/${colour.id}`,
		});
		expect(result.out).toEqual([{ customFieldId: colour.id, succeded: true }]);
		expect(fields().map((field) => field.id)).not.toContain(colour.id);
		const contacts = (sandbox().snapshot() as { contacts: Array<{ customFields: Record<string, unknown> }> }).contacts;
		expect(contacts.filter((contact) => colour.id in contact.customFields)).toEqual([]);
	});

	test('bad input is refused before any request, naming the field', async () => {
		const noName = await run({ resource: 'customField', operation: 'create', name: ' ', dataType: 'TEXT', model: 'contact' });
		expect(noName.requests).toHaveLength(0);
		expect(noName.error?.message).toMatch(/^Name: expected a value/);
		const nothing = await run({ resource: 'customField', operation: 'update', customFieldId: byKey('contact.favourite_colour').id, updateFields: {} });
		expect(nothing.requests).toHaveLength(0);
		expect(nothing.error?.message).toMatch(/^Update Fields: add at least one field/);
	});
});

describe('Custom Field › Upload File', () => {
	const pdf = Buffer.from('%PDF-1.4\n% sandbox contract\n\u0000\u00ff\u0001binary tail', 'latin1');
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
	const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

	opTest('upload-file-customFields', 'sends the item’s binary files as multipart, byte for byte; GHL answers each file’s URL', async () => {
		const { locationId } = sandbox().demo;
		const contactId = (sandbox().snapshot() as { contacts: Array<{ id: string; locationId: string }> }).contacts.find(
			(contact) => contact.locationId === locationId,
		)!.id;
		const result = await run(
			{ resource: 'customField', operation: 'uploadFile', recordId: contactId, binaryPropertyNames: 'contract, photo', maxFiles: 2 },
			{
				items: [
					{
						$binary: {
							contract: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'contract.pdf', fileExtension: 'pdf' },
							photo: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'photo.png', fileExtension: 'png' },
						},
					},
				],
			},
		);
		expect(result.error).toBeUndefined();
		const request = only(result, 'upload-file-customFields');
		expectRequest(request, { method: 'POST', path: `/locations/${locationId}/customFields/upload`, status: 200, body: { id: contactId, maxFiles: '2' } });
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.files).toEqual([
			{ fieldname: 'contract.pdf', originalname: 'contract.pdf', mimetype: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
			{ fieldname: 'photo.png', originalname: 'photo.png', mimetype: 'image/png', size: png.length, sha256: sha256(png) },
		]);
		const answer = result.out[0];
		expect(Object.keys(answer.uploadedFiles as IDataObject)).toEqual(['contract.pdf', 'photo.png']);
		expect((answer.uploadedFiles as Record<string, string>)['contract.pdf']).toMatch(new RegExp(`/location/${locationId}/custom-field/${contactId}/.+\\.pdf$`));
		expect(answer.meta).toEqual([
			expect.objectContaining({ originalname: 'contract.pdf', size: pdf.length }),
			expect.objectContaining({ originalname: 'photo.png', size: png.length }),
		]);
	});

	opTest('upload-file-customFields', 'is safe to repeat: after a 503 the same bytes are sent again', async () => {
		sandbox().injectFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/customFields/upload' } });
		const result = await run(
			{ resource: 'customField', operation: 'uploadFile', recordId: 'aWdODOBVOlH1RUFKWQke', binaryPropertyNames: 'data', maxFiles: 1 },
			{ items: [{ $binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'photo.png' } } }] },
		);
		expect(result.requests.map((request) => request.status)).toEqual([503, 200]);
		expect(result.requests.map((request) => request.files?.[0]?.sha256)).toEqual([sha256(png), sha256(png)]);
		expect(result.out[0].uploadedFiles).toEqual({ 'photo.png': expect.stringMatching(/\.png$/) });
	});

	test('a missing binary field is refused before any request, naming it', async () => {
		const result = await run({ resource: 'customField', operation: 'uploadFile', recordId: 'aWdODOBVOlH1RUFKWQke', binaryPropertyNames: 'contract', maxFiles: 1 });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/contract/);
	});
});
