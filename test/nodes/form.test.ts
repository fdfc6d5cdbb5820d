/** Form: the location's forms, their submissions, and files for contacts' File Upload fields (GHL's forms API). */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, pickerOptions } = nodeTests();

interface Submission extends IDataObject {
	id: string;
	formId: string;
	contactId: string;
	createdAt: string;
}

function records(collection: string, locationId = sandbox().demo.locationId): IDataObject[] {
	const all = (sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records[collection] ?? [];
	return all.filter((record) => record.locationId === locationId);
}

/** Submissions GHL received (it has no API to make one): written into the sandbox's store, `createdAt` as given. */
function addSubmissions(formId: string, createdAts: string[]): Submission[] {
	return sandbox().putRecords(
		'/forms/submissions',
		createdAts.map((createdAt, index) => ({
			locationId: sandbox().demo.locationId,
			formId,
			contactId: `Contact${String(index).padStart(14, '0')}`,
			name: `Visitor ${index}`,
			email: `visitor${index}@example.com`,
			others: { message: `Hello ${index}` },
			createdAt,
			updatedAt: createdAt,
		})),
	) as Submission[];
}

const newestFirst = (list: Submission[]) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));

describe('Form', () => {
	opTest('get-forms', 'lists the location’s forms; Return All pages 50 at a time', async () => {
		const all = await run({ resource: 'form', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-forms'), { method: 'GET', path: '/forms/', query: { locationId: sandbox().demo.locationId, skip: '0', limit: '50' } });
		expect(all.out).toEqual(records('/forms').map((form) => ({ id: form.id, name: form.name, locationId: form.locationId })));
		expect(all.out.map((form) => form.name)).toEqual(['Contact Us', 'Request a Quote']);
		sandbox().putRecords('/forms', Array.from({ length: 60 }, (_, index) => ({ locationId: sandbox().demo.locationId, name: `Landing ${index}` })));
		const many = await run({ resource: 'form', operation: 'getAll', returnAll: true });
		expect(many.requests.map((request) => request.query.skip)).toEqual(['0', '50']);
		expect(many.out).toHaveLength(62);
		const three = await run({ resource: 'form', operation: 'getAll', returnAll: false, limit: 3 });
		expect(only(three, 'get-forms').query).toMatchObject({ skip: '0', limit: '3' });
		expect(three.out).toEqual(many.out.slice(0, 3));
	});

	opTest('get-forms-submissions', 'lists submissions newest first with their answers, by form, text and days', async () => {
		const [contactUs, quote] = records('/forms') as Submission[];
		const seeded = records('/forms/submissions') as Submission[];
		const all = await run({ resource: 'form', operation: 'getSubmissions', returnAll: true, filters: { startAt: '2025-01-01T00:00:00', endAt: '2025-01-31' } });
		expectRequest(only(all, 'get-forms-submissions'), {
			method: 'GET',
			path: '/forms/submissions',
			query: { locationId: sandbox().demo.locationId, startAt: '2025-01-01', endAt: '2025-01-31', page: '1', limit: '100' },
		});
		expect(all.out.map((submission) => submission.id)).toEqual(newestFirst(seeded).map((submission) => submission.id));
		expect(all.out[all.out.length - 1]).toMatchObject({ formId: contactUs.id, others: { message: 'Submission 1 from the sandbox' } });
		const ofQuote = await run({ resource: 'form', operation: 'getSubmissions', returnAll: true, filters: { formId: quote.id, q: 'grace', startAt: '2025-01-01' } });
		expect(only(ofQuote, 'get-forms-submissions').query).toMatchObject({ formId: quote.id, q: 'grace', startAt: '2025-01-01' });
		expect(ofQuote.out).toEqual([expect.objectContaining({ formId: quote.id, name: 'Grace Hopper' })]);
		// Without a first day GHL lists the last month only: the seeded submissions are older.
		const recent = await run({ resource: 'form', operation: 'getSubmissions', returnAll: true });
		expect(only(recent, 'get-forms-submissions').query).toEqual({ locationId: sandbox().demo.locationId, page: '1', limit: '100' });
		expect(recent.out).toEqual([]);
	});

	opTest('get-forms-submissions', 'Return All follows meta.nextPage to the last page; a Limit stops early', async () => {
		const [contactUs] = records('/forms') as Submission[];
		const base = Date.parse('2026-03-01T00:00:00Z');
		const added = addSubmissions(
			String(contactUs.id),
			Array.from({ length: 230 }, (_, index) => new Date(base + Math.floor(index / 3) * 60_000).toISOString()),
		);
		const all = await run({ resource: 'form', operation: 'getSubmissions', returnAll: true, filters: { formId: contactUs.id, startAt: '2026-03-01' } });
		expect(all.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(all.out.map((submission) => submission.id)).toEqual(newestFirst(added).map((submission) => submission.id));
		const some = await run({ resource: 'form', operation: 'getSubmissions', returnAll: false, limit: 120, filters: { formId: contactUs.id, startAt: '2026-03-01' } });
		expect(some.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(some.out).toEqual(all.out.slice(0, 120));
	});

	test('a day that is no date is refused before any request', async () => {
		const result = await run({ resource: 'form', operation: 'getSubmissions', returnAll: true, filters: { startAt: 'last week' } });
		expect(result.requests).toHaveLength(0);
		expect(result.error?.message).toMatch(/^Submitted From: expected an ISO 8601 date/);
	});

	test('the Form filter lists the location’s forms by name', async () => {
		const options = await pickerOptions('getForms', { resource: 'form', operation: 'getSubmissions' }, 'filters.formId');
		expect(options).toEqual([
			{ name: 'Contact Us', value: records('/forms')[0].id },
			{ name: 'Request a Quote', value: records('/forms')[1].id },
		]);
	});
});

describe('Form › Upload to Custom Field', () => {
	const pdf = Buffer.from('%PDF-1.4\n% signed\n\u0000\u00ff tail', 'latin1');
	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
	const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
	const files = {
		contract: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'contract.pdf', fileExtension: 'pdf' },
		scan: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'scan.png', fileExtension: 'png' },
	};
	const fieldsOfLocation = () =>
		(sandbox().snapshot() as { customFields: Array<{ id: string; locationId: string; dataType: string; name: string; fieldKey: string }> }).customFields.filter(
			(field) => field.locationId === sandbox().demo.locationId,
		);
	const fileField = () => fieldsOfLocation().find((field) => field.dataType === 'FILE_UPLOAD')!;
	const firstContact = () =>
		(sandbox().snapshot() as { contacts: Array<{ id: string; locationId: string; email?: string }> }).contacts.find((contact) => contact.locationId === sandbox().demo.locationId)!;

	opTest('upload-to-custom-fields', 'sends each file as <customFieldId>_<fileId>, contact and location in the query; GHL answers the contact holding the files', async () => {
		const { locationId } = sandbox().demo;
		const contact = firstContact();
		const field = fileField();
		const result = await run(
			{ resource: 'form', operation: 'uploadToCustomFields', contactId: { mode: 'id', value: contact.id }, customFieldId: field.id, binaryPropertyNames: 'contract, scan' },
			{ items: [{ $binary: files }] },
		);
		expect(result.error).toBeUndefined();
		const request = only(result, 'upload-to-custom-fields');
		expectRequest(request, { method: 'POST', path: '/forms/upload-custom-files', status: 200, query: { contactId: contact.id, locationId } });
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.files).toEqual([
			{ fieldname: expect.stringMatching(new RegExp(`^${field.id}_[0-9a-f-]{36}$`)), originalname: 'contract.pdf', mimetype: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
			{ fieldname: expect.stringMatching(new RegExp(`^${field.id}_[0-9a-f-]{36}$`)), originalname: 'scan.png', mimetype: 'image/png', size: png.length, sha256: sha256(png) },
		]);
		const fileIds = request.files!.map((file) => file.fieldname.slice(field.id.length + 1));
		expect(new Set(fileIds).size).toBe(2);
		// Simplify (on by default) returns the contact GHL answered; its field holds both files by file ID.
		expect(result.out).toHaveLength(1);
		expect(result.out[0].id).toBe(contact.id);
		const value = (result.out[0].customFields as Array<{ id: string; value: Record<string, { url: string; meta: IDataObject }> }>).find((entry) => entry.id === field.id)!.value;
		expect(Object.keys(value).sort()).toEqual([...fileIds].sort());
		expect(value[fileIds[0]]).toEqual({ url: expect.stringMatching(/\.pdf$/), meta: expect.objectContaining({ originalname: 'contract.pdf', size: pdf.length }) });
		const stored = (sandbox().snapshot() as { contacts: Array<{ id: string; customFields: Record<string, unknown> }> }).contacts.find((entry) => entry.id === contact.id)!;
		expect(Object.keys(stored.customFields[field.id] as IDataObject).sort()).toEqual([...fileIds].sort());
	});

	opTest('upload-to-custom-fields', 'finds the contact by email first; a field that is not File Upload is GHL’s 422, naming it', async () => {
		const contact = firstContact();
		const textField = fieldsOfLocation().find((field) => field.dataType === 'TEXT')!;
		const ok = await run(
			{ resource: 'form', operation: 'uploadToCustomFields', contactId: { mode: 'email', value: contact.email }, customFieldId: fileField().id, binaryPropertyNames: 'scan' },
			{ items: [{ $binary: files }] },
		);
		expect(ok.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact', 'upload-to-custom-fields']);
		expect(ok.out[0].id).toBe(contact.id);
		const refused = await run(
			{ resource: 'form', operation: 'uploadToCustomFields', contactId: { mode: 'id', value: contact.id }, customFieldId: textField.id, binaryPropertyNames: 'scan' },
			{ items: [{ $binary: files }] },
		);
		expect(refused.requests.map((request) => request.status)).toEqual([422]);
		expect(String(refused.error?.message) + String(refused.error?.description)).toContain(`${textField.name} is not a File Upload field`);
	});

	test('a missing binary field or custom field is refused before any request, naming it', async () => {
		const contactId = { mode: 'id', value: firstContact().id };
		const noFile = await run({ resource: 'form', operation: 'uploadToCustomFields', contactId, customFieldId: fileField().id, binaryPropertyNames: 'contract' });
		expect(noFile.requests).toHaveLength(0);
		expect(noFile.error?.message).toMatch(/contract/);
		const noField = await run({ resource: 'form', operation: 'uploadToCustomFields', contactId, customFieldId: '={{ "../other" }}', binaryPropertyNames: 'scan' }, { items: [{ $binary: files }] });
		expect(noField.requests).toHaveLength(0);
		expect(noField.error?.message).toMatch(/^Custom Field/);
	});

	test('the Custom Field list offers only the location’s File Upload contact fields', async () => {
		const options = await pickerOptions('getFileUploadFields', { resource: 'form', operation: 'uploadToCustomFields' }, 'customFieldId');
		expect(options).toEqual([{ name: 'Signed Contract (file upload)', value: fileField().id, description: 'contact.signed_contract' }]);
	});
});
