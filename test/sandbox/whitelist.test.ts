/**
 * GHL's DTO validation (NestJS `whitelist + forbidNonWhitelisted`) at every level: nested objects,
 * search filter items, custom field items and query strings refuse what the contract does not declare.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { assertNoResponseMismatches } from '../harness/fixtures';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, validateResponses: true });
});
beforeEach(() => sb.reset());
afterEach(() => assertNoResponseMismatches(sb));
afterAll(() => sb.close());

async function call(method: string, path: string, body?: unknown, version = '2021-07-28') {
	const res = await fetch(`${sb.url}${path}`, {
		method,
		headers: {
			Authorization: `Bearer ${sb.demo.privateToken}`,
			Version: version,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const contacts = () => Object.values(sb.snapshot().contacts as Record<string, Record<string, unknown>>);
const ownContact = () => contacts().find((contact) => contact.locationId === sb.demo.locationId)!;

async function textFieldId(): Promise<string> {
	const { json } = await call('GET', `/locations/${sb.demo.locationId}/customFields`);
	return (json.customFields as Array<{ id: string; dataType: string }>).find((field) => field.dataType === 'TEXT')!.id;
}

describe('nested objects', () => {
	test('an unknown key inside dndSettings.Email is refused with the path NestJS gives it, and nothing is written', async () => {
		const before = contacts().length;
		const res = await call('POST', '/contacts/', {
			locationId: sb.demo.locationId,
			firstName: 'Nested',
			dndSettings: { Email: { status: 'active', bogus: true } },
			inboundDndSettings: { all: { status: 'inactive', extra: 1 } },
		});
		expect(res.status).toBe(422);
		expect(res.json).toEqual({
			statusCode: 422,
			message: ['dndSettings.Email.property bogus should not exist', 'inboundDndSettings.all.property extra should not exist'],
			error: 'Unprocessable Entity',
		});
		expect(contacts()).toHaveLength(before);
		expect(sb.queuedEvents()).toHaveLength(0);
	});

	test('an unknown channel under dndSettings is refused; the declared shape is accepted', async () => {
		const channel = await call('PUT', `/contacts/${ownContact().id}`, { dndSettings: { Pigeon: { status: 'active' } } });
		expect(channel).toMatchObject({ status: 422, json: { message: ['dndSettings.property Pigeon should not exist'] } });
		const ok = await call('PUT', `/contacts/${ownContact().id}`, {
			dndSettings: { Email: { status: 'active', message: 'asked', code: '101' } },
		});
		expect(ok.status).toBe(200);
		expect(ok.json.contact.dndSettings.Email).toMatchObject({ status: 'active' });
	});

	test('PUT /contacts/{id} with locationId in the body is refused (UpdateContactDto has none) and changes nothing', async () => {
		const contact = ownContact();
		const res = await call('PUT', `/contacts/${contact.id}`, { locationId: sb.demo.locationId, city: 'Elsewhere' });
		expect(res).toMatchObject({ status: 422, json: { message: ['property locationId should not exist'] } });
		expect(contacts().find((c) => c.id === contact.id)!.city).toBe(contact.city);
		expect(sb.queuedEvents()).toHaveLength(0);
	});
});

describe('customFields items', () => {
	test('need id, as the spec says; key alone is refused', async () => {
		const res = await call('POST', '/contacts/', {
			locationId: sb.demo.locationId,
			customFields: [{ key: 'favourite_colour', field_value: 'Teal' }],
		});
		expect(res.status).toBe(422);
		expect(res.json.message).toEqual(['customFields.0.id should not be empty', 'customFields.0.id must be a string']);
	});

	test('take only id, key and field_value', async () => {
		const id = await textFieldId();
		const refused = await call('POST', '/contacts/', { locationId: sb.demo.locationId, customFields: [{ id, value: 'Teal' }] });
		expect(refused).toMatchObject({ status: 422, json: { message: ['customFields.0.property value should not exist'] } });
		const created = await call('POST', '/contacts/', {
			locationId: sb.demo.locationId,
			customFields: [{ id, key: 'contact.favourite_colour', field_value: 'Teal' }],
		});
		expect(created.status).toBe(201);
		expect(created.json.contact.customFields).toEqual([{ id, value: 'Teal' }]);
	});
});

describe('search filter items', () => {
	const search = (filters: unknown[]) => call('POST', '/contacts/search', { locationId: sb.demo.locationId, pageLimit: 10, filters });

	test('conditions take field, operator and value only', async () => {
		const res = await search([{ field: 'email', operator: 'contains', value: 'example', boost: 2 }]);
		expect(res).toMatchObject({ status: 422, json: { message: ['filters.0.property boost should not exist'] } });
	});

	test('groups take group and filters only, at any depth', async () => {
		const res = await search([
			{
				group: 'OR',
				field: 'email',
				filters: [
					{ field: 'firstName', operator: 'eq', value: 'ada' },
					{ group: 'AND', filters: [{ field: 'lastName', operator: 'exists', negate: true }] },
				],
			},
		]);
		expect(res.status).toBe(422);
		expect(res.json.message).toEqual([
			'filters.0.property field should not exist',
			'filters.0.filters.1.filters.0.property negate should not exist',
		]);
	});

	test('a range takes gt, gte, lt and lte only', async () => {
		const res = await search([{ field: 'dateAdded', operator: 'range', value: { gte: '2025-01-01T00:00:00Z', from: 'x' } }]);
		expect(res).toMatchObject({ status: 422, json: { message: ['filters.0.value.property from should not exist'] } });
	});

	test('the documented shapes are accepted', async () => {
		const res = await search([
			{ group: 'OR', filters: [{ field: 'firstName', operator: 'eq', value: 'ada' }, { field: 'email', operator: 'contains', value: 'hopper' }] },
			{ field: 'dateAdded', operator: 'range', value: { gte: '2025-01-01T00:00:00Z', lte: '2100-01-01T00:00:00Z' } },
			{ field: 'email', operator: 'exists' },
		]);
		expect(res.status).toBe(200);
		expect(res.json.contacts.map((c: { firstName: string }) => c.firstName).sort()).toEqual(['Ada', 'Grace']);
	});
});

describe('query strings', () => {
	test('a parameter outside the declared set is refused like a body property', async () => {
		const res = await call('GET', `/contacts/?locationId=${sb.demo.locationId}&limit=5&pageSize=5`);
		expect(res).toEqual({
			status: 422,
			json: { statusCode: 422, message: ['property pageSize should not exist'], error: 'Unprocessable Entity' },
		});
		expect((await call('GET', `/contacts/?locationId=${sb.demo.locationId}&limit=5`)).status).toBe(200);
	});

	test('on calendars routes (whose spec declares no 422) the refusal is a 400 with the same message', async () => {
		const now = Date.now();
		const query = `locationId=${sb.demo.locationId}&calendarId=${sb.demo.calendarIds[0]}&startTime=${now}&endTime=${now + 86_400_000}`;
		const res = await call('GET', `/calendars/events?${query}&timezone=UTC`, undefined, '2021-04-15');
		expect(res).toEqual({
			status: 400,
			json: { statusCode: 400, message: ['property timezone should not exist'], error: 'Bad Request' },
		});
		expect((await call('GET', `/calendars/events?${query}`, undefined, '2021-04-15')).status).toBe(200);
	});
});
