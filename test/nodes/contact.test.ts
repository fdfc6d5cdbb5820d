import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

/** Seeded custom fields by key: Favourite Colour (text), Employees (number), Interests (multi-select), ... */
function customField(key: string): string {
	const fields = (sandbox().snapshot() as { customFields: Array<{ id: string; fieldKey: string; locationId: string }> }).customFields;
	return fields.find((field) => field.fieldKey === `contact.${key}` && field.locationId === sandbox().demo.locationId)!.id;
}

function valuesById(contact: IDataObject): Record<string, unknown> {
	return Object.fromEntries(((contact.customFields ?? []) as Array<{ id: string; value: unknown }>).map((field) => [field.id, field.value]));
}

describe('Contact: create, get, update, delete, upsert', () => {
	opTest('create-contact', 'creates a contact with custom fields named by ID, key and name', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'create',
			email: ' Joan.Clarke@Example.com ',
			phone: '+44 (20) 7946-0018',
			additionalFields: { firstName: 'Joan', lastName: 'Clarke', tags: 'cryptography, bletchley', country: 'gb', dateOfBirth: '1917-06-24T00:00:00' },
			customFieldsUi: {
				customField: [
					{ fieldId: customField('favourite_colour'), value: 'Teal' },
					{ fieldId: 'employees', value: '42' },
					{ fieldId: 'Interests', value: 'Automation, Support' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-custom-fields', 'create-contact']);
		expectRequest(only(result, 'create-contact'), {
			method: 'POST',
			path: '/contacts/',
			body: {
				locationId: sandbox().demo.locationId,
				email: 'Joan.Clarke@Example.com',
				phone: '+442079460018',
				firstName: 'Joan',
				lastName: 'Clarke',
				tags: ['cryptography', 'bletchley'],
				country: 'GB',
				dateOfBirth: '1917-06-24',
				customFields: [
					{ id: customField('favourite_colour'), field_value: 'Teal' },
					{ id: customField('employees'), field_value: 42 },
					{ id: customField('interests'), field_value: ['Automation', 'Support'] },
				],
			},
		});
		const contact = result.out[0];
		expect(contact).toMatchObject({ firstName: 'Joan', lastName: 'Clarke', email: 'joan.clarke@example.com', tags: ['cryptography', 'bletchley'] });
		expect(valuesById(contact)).toEqual({
			[customField('favourite_colour')]: 'Teal',
			[customField('employees')]: 42,
			[customField('interests')]: ['Automation', 'Support'],
		});
		const stored = (await api('GET', `/contacts/${contact.id}`)).contact as IDataObject;
		expect(valuesById(stored)).toEqual(valuesById(contact));
	});

	opTest('upsert-contact', 'takes custom fields and DND settings as objects (a mapping node\'s output), by ID or key', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'upsert',
			email: 'mapped.object@example.com',
			additionalFields: {
				customFieldsObject: `={{ { "${customField('favourite_colour')}": "Teal", "contact.employees": "12" } }}`,
				dndSettingsObject: '{"email": "active", "Call": {"status": "inactive", "message": "LeadSquared DoNotCall 0"}}',
			},
			customFieldsUi: { customField: [{ fieldId: 'interests', value: 'Support' }] },
		});
		expect(result.error).toBeUndefined();
		expectRequest(only(result, 'upsert-contact'), {
			method: 'POST',
			path: '/contacts/upsert',
			status: 200,
			body: {
				locationId: sandbox().demo.locationId,
				email: 'mapped.object@example.com',
				dndSettings: { Email: { status: 'active' }, Call: { status: 'inactive', message: 'LeadSquared DoNotCall 0' } },
				customFields: [
					{ id: customField('interests'), field_value: ['Support'] },
					{ id: customField('favourite_colour'), field_value: 'Teal' },
					{ id: customField('employees'), field_value: 12 },
				],
			},
		});
		const stored = (await api('GET', `/contacts/${(result.out[0] as IDataObject).id}`)).contact as IDataObject;
		expect(valuesById(stored)).toEqual({ [customField('interests')]: ['Support'], [customField('favourite_colour')]: 'Teal', [customField('employees')]: 12 });
		expect(stored.dndSettings).toMatchObject({ Email: { status: 'active' }, Call: { status: 'inactive' } });
	});

	test('create-contact: bad custom-field values and unknown fields are refused before the write', async () => {
		const base = { resource: 'contact', operation: 'create', email: 'x@example.com' };
		const notNumber = await run({ ...base, customFieldsUi: { customField: [{ fieldId: 'employees', value: 'many' }] } });
		expect(notNumber.error?.message).toBe('Custom field "Employees": expected a number, got "many"');
		const badOption = await run({ ...base, customFieldsUi: { customField: [{ fieldId: 'lead_quality', value: 'Lukewarm' }] } });
		expect(badOption.error?.message).toMatch(/^Custom field "Lead Quality": "Lukewarm" is not one of its options/);
		const unknown = await run({ ...base, customFieldsUi: { customField: [{ fieldId: 'shoe_size', value: '9' }] } });
		expect(unknown.error?.message).toBe('Custom field "shoe_size": no such custom field in this location');
		const writes = [notNumber, badOption, unknown].flatMap((result) => result.requests).filter((request) => request.method !== 'GET');
		expect(writes).toHaveLength(0);
		const noName = await run({ resource: 'contact', operation: 'create', additionalFields: { city: 'Leeds' } });
		expect(noName.requests).toHaveLength(0);
		expect(noName.error?.message).toBe('Contact: give at least an Email, Phone or name');
		const badPhone = await run({ ...base, phone: 'call me' });
		expect(badPhone.requests).toHaveLength(0);
		expect(badPhone.error?.message).toMatch(/^Phone: expected a phone number/);
	});

	opTest('get-contact', 'gets a contact by email (looked up with the duplicate search)', async () => {
		const target = seed().contacts[7];
		const result = await run({ resource: 'contact', operation: 'get', contactId: { mode: 'email', value: target.email } });
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact', 'get-contact']);
		expectRequest(result.requests[0], {
			method: 'GET',
			path: '/contacts/search/duplicate',
			query: { locationId: sandbox().demo.locationId, email: target.email! },
		});
		expectRequest(only(result, 'get-contact'), { method: 'GET', path: `/contacts/${target.id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: target.id, email: target.email, firstName: target.firstName })]);
	});

	opTest('get-contact', 'an email nobody has fails without a second request', async () => {
		const missing = await run({ resource: 'contact', operation: 'get', contactId: { mode: 'email', value: 'nobody@example.com' } });
		expect(missing.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact']);
		expect(missing.error?.message).toBe('No contact in this location has email nobody@example.com');
		await run({ resource: 'contact', operation: 'get', contactId: byId(seed().contacts[0].id) });
	});

	opTest('update-contact', 'updates fields and custom fields', async () => {
		const target = seed().contacts[1];
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(target.id),
			updateFields: { city: 'Arlington, VA', website: 'https://navy.example.com' },
			customFieldsUi: {
				customField: [
					{ fieldId: 'Lead Quality', value: 'Cold' },
					{ fieldId: 'annual_budget', value: '1000.50' },
					{ fieldId: 'marketing_consent', value: 'Email, SMS' },
				],
			},
		});
		expectRequest(only(result, 'update-contact'), {
			method: 'PUT',
			path: `/contacts/${target.id}`,
			body: {
				city: 'Arlington, VA',
				website: 'https://navy.example.com',
				customFields: [
					{ id: customField('lead_quality'), field_value: 'Cold' },
					{ id: customField('annual_budget'), field_value: 1000.5 },
					{ id: customField('marketing_consent'), field_value: ['Email', 'SMS'] },
				],
			},
		});
		expect(result.out[0]).toMatchObject({ id: target.id, city: 'Arlington, VA', firstName: target.firstName });
		expect(valuesById(result.out[0])).toMatchObject({
			[customField('lead_quality')]: 'Cold',
			[customField('annual_budget')]: 1000.5,
			[customField('marketing_consent')]: ['Email', 'SMS'],
			[customField('favourite_colour')]: 'Green',
		});
	});

	opTest('update-contact', 'tags are added to the existing ones unless Replace All Tags is chosen', async () => {
		const target = seed().contacts.find((contact) => contact.tags.length === 2)!;
		const added = await run({ resource: 'contact', operation: 'update', contactId: byId(target.id), updateFields: { tags: 'Partner' } });
		// Tags only: one bulk tag call (GHL's answer gives the contact's tags), no contact write or read.
		expect(added.requests.map((request) => request.operationId)).toEqual(['create-association']);
		expect(added.out).toEqual([{ id: target.id, tags: [...target.tags, 'partner'] }]);

		const replaced = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(target.id),
			updateFields: { tags: 'solo' },
			tagsMode: 'replace',
		});
		expectRequest(only(replaced, 'update-contact'), { method: 'PUT', path: `/contacts/${target.id}`, body: { tags: ['solo'] } });
		expect(replaced.out[0].tags).toEqual(['solo']);
	});

	opTest('delete-contact', 'deletes the contact', async () => {
		const target = seed().contacts[12];
		const result = await run({ resource: 'contact', operation: 'delete', contactId: byId(target.id) });
		expectRequest(only(result, 'delete-contact'), { method: 'DELETE', path: `/contacts/${target.id}` });
		expect(result.out).toEqual([{ contactId: target.id, succeded: true }]);
		await expect(api('GET', `/contacts/${target.id}`)).rejects.toThrow(/Contact not found/);
	});

	opTest('upsert-contact', 'creates, then updates the same contact by email, with custom fields each time', async () => {
		const params = {
			resource: 'contact',
			operation: 'upsert',
			email: 'mary.somerville@example.com',
			additionalFields: { firstName: 'Mary' },
			customFieldsUi: { customField: [{ fieldId: 'favourite_colour', value: 'Indigo' }] },
			options: { tagsMode: 'replace' },
		};
		const created = await run(params);
		expectRequest(only(created, 'upsert-contact'), {
			method: 'POST',
			path: '/contacts/upsert',
			status: 200,
			body: {
				locationId: sandbox().demo.locationId,
				email: 'mary.somerville@example.com',
				firstName: 'Mary',
				customFields: [{ id: customField('favourite_colour'), field_value: 'Indigo' }],
			},
		});
		expect(created.out[0]).toMatchObject({ email: 'mary.somerville@example.com', firstName: 'Mary' });
		expect(valuesById(created.out[0])).toEqual({ [customField('favourite_colour')]: 'Indigo' });

		const updated = await run({
			...params,
			simplify: false,
			additionalFields: { lastName: 'Somerville' },
			customFieldsUi: { customField: [{ fieldId: 'employees', value: 7 }] },
		});
		expect(only(updated, 'upsert-contact').body).toMatchObject({ customFields: [{ id: customField('employees'), field_value: 7 }] });
		const response = updated.out[0];
		expect(response).toMatchObject({ new: false, contact: { id: created.out[0].id, firstName: 'Mary', lastName: 'Somerville' } });
		expect(valuesById(response.contact as IDataObject)).toEqual({
			[customField('favourite_colour')]: 'Indigo',
			[customField('employees')]: 7,
		});
	});

	opTest('upsert-contact', 'adds tags to an existing contact instead of replacing them', async () => {
		const target = seed().contacts.find((contact) => contact.tags.length === 2)!;
		const result = await run({ resource: 'contact', operation: 'upsert', email: target.email, additionalFields: { tags: 'Returning' } });
		// The tags go in GHL's bulk tag call (one per 100 contacts of a run; see tag-batching.test.ts).
		expect(result.requests.map((request) => request.operationId)).toEqual(['upsert-contact', 'create-association']);
		expect(only(result, 'upsert-contact').body).not.toHaveProperty('tags');
		expect(result.out[0]).toMatchObject({ id: target.id, tags: [...target.tags, 'returning'] });
	});
});

describe('Contact: lists and lookups', () => {
	opTest('search-contacts-advanced', 'sends filters, sort and query; cuts to the limit', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filtersUi: { filter: [{ field: 'tags', operator: 'eq', value: 'newsletter' }] },
			sortUi: { rule: [{ field: 'firstNameLowerCase', direction: 'asc' }] },
		});
		expectRequest(only(result, 'search-contacts-advanced'), {
			method: 'POST',
			path: '/contacts/search',
			status: 200,
			body: {
				locationId: sandbox().demo.locationId,
				pageLimit: 3,
				filters: [{ field: 'tags', operator: 'eq', value: 'newsletter' }],
				sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
			},
		});
		const expected = seed()
			.contacts.filter((contact) => contact.tags.includes('newsletter'))
			.map((contact) => contact.firstName!)
			.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
			.slice(0, 3);
		expect(result.out.map((contact) => contact.firstName)).toEqual(expected);
		expect(result.out.every((contact) => (contact.tags as string[]).includes('newsletter'))).toBe(true);
	});

	opTest('get-contacts', 'legacy list: newest first, cut to the limit, query kept', async () => {
		const result = await run({ resource: 'contact', operation: 'list', returnAll: false, limit: 5, query: 'o' });
		expectRequest(only(result, 'get-contacts'), {
			method: 'GET',
			path: '/contacts/',
			status: 200,
			query: { locationId: sandbox().demo.locationId, query: 'o', limit: '5' },
		});
		const matching = seed()
			.contacts.filter((contact) => [contact.firstName, contact.lastName, contact.email, contact.phone, contact.companyName].join(' ').toLowerCase().includes('o'))
			.reverse()
			.slice(0, 5);
		expect(result.out.map((contact) => contact.id)).toEqual(matching.map((contact) => contact.id));
	});

	opTest('get-contacts-by-businessId', 'pages with skip and limit', async () => {
		const businessId = sandbox().demo.businessIds[0];
		const members = seed().contacts.filter((contact) => contact.businessId === businessId);
		expect(members.length).toBeGreaterThan(2);
		const result = await run({ resource: 'contact', operation: 'getManyByBusiness', businessId, returnAll: false, limit: 2 });
		expectRequest(only(result, 'get-contacts-by-businessId'), {
			method: 'GET',
			path: `/contacts/business/${businessId}`,
			query: { locationId: sandbox().demo.locationId, skip: '0', limit: '2' },
		});
		expect(result.out).toHaveLength(2);
		const all = await run({ resource: 'contact', operation: 'getManyByBusiness', businessId, returnAll: true });
		expect(all.out.map((contact) => contact.id).sort()).toEqual(members.map((contact) => contact.id).sort());
		expect(all.out.every((contact) => contact.businessId === businessId)).toBe(true);
	});

	opTest('get-duplicate-contact', 'finds a contact by phone; no match outputs nothing', async () => {
		const target = seed().contacts[4];
		const found = await run({ resource: 'contact', operation: 'findDuplicate', phone: target.phone });
		expectRequest(only(found, 'get-duplicate-contact'), {
			method: 'GET',
			path: '/contacts/search/duplicate',
			query: { locationId: sandbox().demo.locationId, number: target.phone! },
		});
		expect(found.out).toEqual([expect.objectContaining({ id: target.id, phone: target.phone })]);

		const none = await run(
			{ resource: 'contact', operation: 'findDuplicate', email: '={{ $json.email }}' },
			{ items: [{ email: 'nobody@example.com' }, { email: target.email }] },
		);
		expect(none.requests.map((request) => request.query.email)).toEqual(['nobody@example.com', target.email]);
		expect(none.out.map((contact) => contact.id)).toEqual([target.id]);
		expect(none.items[0].pairedItem).toEqual({ item: 1 });

		const neither = await run({ resource: 'contact', operation: 'findDuplicate' });
		expect(neither.requests).toHaveLength(0);
		expect(neither.error?.message).toBe('Email or Phone: expected at least one, to look the contact up by');
	});
});

describe('Contact: bulk', () => {
	opTest('contacts:create-association', 'adds tags to many contacts in one request; per-contact errors are reported', async () => {
		const [first, second] = seed().contacts;
		const result = await run({
			resource: 'contact',
			operation: 'bulkUpdateTags',
			contactIds: `${first.id}, ${second.id}, NoSuchContact0000000`,
			tagAction: 'add',
			tags: 'Spring Promo',
		});
		expectRequest(only(result, 'create-association'), {
			method: 'POST',
			path: '/contacts/bulk/tags/update/add',
			body: { locationId: sandbox().demo.locationId, contacts: [first.id, second.id, 'NoSuchContact0000000'], tags: ['Spring Promo'] },
		});
		expect(result.requests).toHaveLength(1);
		expect(result.out).toHaveLength(1);
		expect(result.out[0]).toMatchObject({ succeded: true, errorCount: 1 });
		const contacts = seed().contacts;
		expect(contacts.find((contact) => contact.id === first.id)!.tags).toContain('spring promo');
		expect(contacts.find((contact) => contact.id === second.id)!.tags).toContain('spring promo');
	});

	opTest('contacts:create-association', 'removes all tags when asked', async () => {
		const tagged = seed().contacts.filter((contact) => contact.tags.length).slice(0, 3);
		const result = await run({
			resource: 'contact',
			operation: 'bulkUpdateTags',
			contactIds: `={{ ${JSON.stringify(tagged.map((contact) => contact.id))} }}`,
			tagAction: 'remove',
			removeAllTags: true,
		});
		expectRequest(only(result, 'create-association'), {
			method: 'POST',
			path: '/contacts/bulk/tags/update/remove',
			body: { locationId: sandbox().demo.locationId, contacts: tagged.map((contact) => contact.id), tags: [], removeAllTags: true },
		});
		expect(result.out[0]).toMatchObject({ succeded: true, errorCount: 0 });
		const ids = tagged.map((contact) => contact.id);
		expect(seed().contacts.filter((contact) => ids.includes(contact.id)).map((contact) => contact.tags)).toEqual([[], [], []]);
	});

	test('bulk tags without tags or contacts are refused before any request', async () => {
		const noTags = await run({ resource: 'contact', operation: 'bulkUpdateTags', contactIds: 'a1', tagAction: 'remove', tags: '' });
		expect(noTags.error?.message).toMatch(/^Tags: expected at least one value/);
		const noContacts = await run({ resource: 'contact', operation: 'bulkUpdateTags', contactIds: '={{ [] }}', tags: 'x' });
		expect(noContacts.error?.message).toMatch(/^Contact IDs: expected at least one value/);
		expect([...noTags.requests, ...noContacts.requests]).toHaveLength(0);
	});

	opTest('add-remove-contact-from-business', 'adds contacts to a business, then removes them (businessId null)', async () => {
		const businessId = sandbox().demo.businessIds[1];
		const ids = seed()
			.contacts.filter((contact) => !contact.businessId)
			.slice(0, 3)
			.map((contact) => contact.id);
		const added = await run({ resource: 'contact', operation: 'bulkUpdateBusiness', contactIds: ids.join(','), businessAction: 'add', businessId });
		expectRequest(only(added, 'add-remove-contact-from-business'), {
			method: 'POST',
			path: '/contacts/bulk/business',
			status: 200,
			body: { locationId: sandbox().demo.locationId, ids, businessId },
		});
		expect(added.out).toEqual([{ success: true, ids }]);
		expect(seed().contacts.filter((contact) => ids.includes(contact.id)).every((contact) => contact.businessId === businessId)).toBe(true);

		const removed = await run({ resource: 'contact', operation: 'bulkUpdateBusiness', contactIds: ids.join(','), businessAction: 'remove' });
		expect(only(removed, 'add-remove-contact-from-business').body).toEqual({ locationId: sandbox().demo.locationId, ids, businessId: null });
		expect(seed().contacts.filter((contact) => ids.includes(contact.id)).every((contact) => !contact.businessId)).toBe(true);
	});
});
