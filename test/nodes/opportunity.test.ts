import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api, pickerOptions } = nodeTests();

const byId = (value: string) => ({ mode: 'id', value });

interface Pipeline {
	id: string;
	name: string;
	locationId: string;
	stages: Array<{ id: string; name: string }>;
}
interface Opportunity extends IDataObject {
	id: string;
	locationId: string;
	contactId: string;
	pipelineId: string;
	pipelineStageId: string;
	status: string;
	name: string;
	followers: string[];
	createdAt: string;
}

/** The sandbox's seeded pipelines, opportunities and lost reasons of the demo location. */
function records() {
	const all = (sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records;
	const locationId = sandbox().demo.locationId;
	const mine = <T>(key: string) => (all[key] ?? []).filter((record) => record.locationId === locationId) as unknown as T[];
	return {
		pipelines: mine<Pipeline>('/opportunities/pipelines'),
		opportunities: mine<Opportunity>('/opportunities'),
		lostReasons: mine<{ id: string; name: string }>('/opportunities/lost-reason'),
		other: (all['/opportunities'] as unknown as Opportunity[]).find((record) => record.locationId !== locationId)!,
	};
}

const VERSION = '2021-07-28';

describe('Opportunity', () => {
	opTest('create-opportunity', 'creates it in the chosen stage for a contact found by email, with value and owner', async () => {
		const { pipelines } = records();
		const [sales] = pipelines;
		const contact = seed().contacts[7];
		const owner = sandbox().demo.userIds[2];
		const result = await run({
			resource: 'opportunity',
			operation: 'create',
			pipelineId: sales.id,
			pipelineStageId: sales.stages[2].id,
			contactId: { mode: 'email', value: contact.email },
			name: 'Substitution Inc: 12 seats',
			additionalFields: { monetaryValue: 4800.5, assignedTo: owner },
		});
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-duplicate-contact', 'create-opportunity']);
		expectRequest(only(result, 'create-opportunity'), {
			method: 'POST',
			path: '/opportunities/',
			version: VERSION,
			body: {
				status: 'open',
				monetaryValue: 4800.5,
				assignedTo: owner,
				pipelineId: sales.id,
				pipelineStageId: sales.stages[2].id,
				name: 'Substitution Inc: 12 seats',
				contactId: contact.id,
				locationId: sandbox().demo.locationId,
			},
		});
		expect(result.out).toEqual([
			expect.objectContaining({
				id: expect.any(String),
				name: 'Substitution Inc: 12 seats',
				pipelineStageId: sales.stages[2].id,
				monetaryValue: 4800.5,
				contact: expect.objectContaining({ id: contact.id, email: contact.email }),
			}),
		]);
		const stored = await api('GET', `/opportunities/${result.out[0].id}`);
		expect(stored.opportunity).toMatchObject({ contactId: contact.id, status: 'open', assignedTo: owner });
	});

	opTest('create-opportunity', 'without a stage it lands in the pipeline’s first stage', async () => {
		const [, renewals] = records().pipelines;
		const contact = seed().contacts[9];
		const result = await run({ resource: 'opportunity', operation: 'create', pipelineId: renewals.id, contactId: byId(contact.id), name: 'Renewal 2027' });
		expect(only(result, 'create-opportunity').body).not.toHaveProperty('pipelineStageId');
		expect(result.out[0]).toMatchObject({ pipelineId: renewals.id, pipelineStageId: renewals.stages[0].id, status: 'open' });
	});

	test('bad input is refused by field before any request: a negative value, an unknown status, a pipeline ID with a slash', async () => {
		const [sales] = records().pipelines;
		const contactId = byId(seed().contacts[0].id);
		const cases: Array<[IDataObject, RegExp]> = [
			[{ pipelineId: sales.id, contactId, name: 'x', additionalFields: { monetaryValue: -5 } }, /^Monetary Value: expected a number of at least 0/],
			[{ pipelineId: sales.id, contactId, name: 'x', additionalFields: { status: 'pending' } }, /^Status: expected open, won, lost or abandoned/],
			[{ pipelineId: '../contacts', contactId, name: 'x' }, /^Pipeline: expected/],
			[{ pipelineId: sales.id, contactId, name: '  ' }, /^Name: expected a value/],
		];
		for (const [parameters, message] of cases) {
			const result = await run({ resource: 'opportunity', operation: 'create', ...parameters });
			expect({ message: result.error?.message, requests: result.requests.length }).toEqual({ message: expect.stringMatching(message), requests: 0 });
		}
	});

	opTest('get-opportunity', 'returns the opportunity with its contact', async () => {
		const [first] = records().opportunities;
		const result = await run({ resource: 'opportunity', operation: 'get', opportunityId: first.id });
		expectRequest(only(result, 'get-opportunity'), { method: 'GET', path: `/opportunities/${first.id}`, version: VERSION });
		expect(result.out).toEqual([expect.objectContaining({ id: first.id, name: first.name, contact: expect.objectContaining({ id: first.contactId }) })]);
	});

	test('an opportunity of another location is refused (403), with Continue On Fail as an error item', async () => {
		const result = await run({ resource: 'opportunity', operation: 'get', opportunityId: records().other.id }, { continueOnFail: true });
		expect(result.out).toEqual([expect.objectContaining({ httpCode: '403' })]);
	});

	opTest('update-opportunity', 'moves it to another stage and changes its value; the rest stays', async () => {
		const [first] = records().opportunities;
		const sales = records().pipelines.find((pipeline) => pipeline.id === first.pipelineId)!;
		const result = await run({
			resource: 'opportunity',
			operation: 'update',
			opportunityId: first.id,
			updateFields: { pipelineStageId: sales.stages[3].id, monetaryValue: 15000 },
		});
		expectRequest(only(result, 'update-opportunity'), {
			method: 'PUT',
			path: `/opportunities/${first.id}`,
			version: VERSION,
			body: { pipelineStageId: sales.stages[3].id, monetaryValue: 15000 },
		});
		expect(result.out[0]).toMatchObject({ id: first.id, name: first.name, status: first.status, pipelineStageId: sales.stages[3].id, monetaryValue: 15000 });
		expect(Date.parse(String(result.out[0].lastStageChangeAt))).toBeGreaterThan(Date.parse(String(first.lastStageChangeAt)));
	});

	test('update: a stage of another pipeline is refused by GHL (400), nothing changes', async () => {
		const [first] = records().opportunities;
		const renewals = records().pipelines.find((pipeline) => pipeline.id !== first.pipelineId)!;
		const result = await run({ resource: 'opportunity', operation: 'update', opportunityId: first.id, updateFields: { pipelineStageId: renewals.stages[0].id } });
		expect(result.error).toMatchObject({ httpCode: '400' });
		expect((await api('GET', `/opportunities/${first.id}`)).opportunity).toMatchObject({ pipelineStageId: first.pipelineStageId });
	});

	opTest('update-opportunity-status', 'marks it lost with a reason', async () => {
		const [first] = records().opportunities;
		const [reason] = records().lostReasons;
		const result = await run({ resource: 'opportunity', operation: 'updateStatus', opportunityId: first.id, status: 'lost', lostReasonId: reason.id });
		expectRequest(only(result, 'update-opportunity-status'), {
			method: 'PUT',
			path: `/opportunities/${first.id}/status`,
			version: VERSION,
			body: { status: 'lost', lostReasonId: reason.id },
		});
		expect(result.out).toEqual([{ opportunityId: first.id, status: 'lost', succeded: true }]);
		expect((await api('GET', `/opportunities/${first.id}`)).opportunity).toMatchObject({ status: 'lost', lostReasonId: reason.id });
	});

	opTest('delete-opportunity', 'deletes it; it is gone', async () => {
		const [, second] = records().opportunities;
		const result = await run({ resource: 'opportunity', operation: 'delete', opportunityId: second.id });
		expectRequest(only(result, 'delete-opportunity'), { method: 'DELETE', path: `/opportunities/${second.id}`, version: VERSION });
		expect(result.out).toEqual([{ opportunityId: second.id, succeded: true }]);
		await expect(api('GET', `/opportunities/${second.id}`)).rejects.toThrow(/→ 404/);
	});

	opTest('search-opportunity', 'filters by pipeline and status, every filter sent on the request', async () => {
		const { opportunities, pipelines } = records();
		const [sales] = pipelines;
		const result = await run({ resource: 'opportunity', operation: 'getAll', returnAll: true, filters: { pipelineId: sales.id, status: 'open' } });
		const request = only(result, 'search-opportunity');
		expectRequest(request, { method: 'GET', path: '/opportunities/search', version: VERSION });
		expect(request.query).toMatchObject({ location_id: sandbox().demo.locationId, pipeline_id: sales.id, status: 'open' });
		const expected = opportunities.filter((record) => record.pipelineId === sales.id && record.status === 'open');
		expect(expected.length).toBeGreaterThan(1);
		expect(result.out.map((record) => record.id).sort()).toEqual(expected.map((record) => record.id).sort());
	});

	opTest('search-opportunity', 'Return All walks every page with startAfter/startAfterId and keeps the filters; a limit stops early', async () => {
		sandbox().setRateLimit({ max: 1000, intervalMs: 10_000, daily: 200_000 });
		const { pipelines } = records();
		const [, renewals] = pipelines;
		const contacts = seed().contacts;
		for (let i = 0; i < 103; i++) {
			await api('POST', '/opportunities/', {
				locationId: sandbox().demo.locationId,
				pipelineId: renewals.id,
				contactId: contacts[i % contacts.length].id,
				name: `Renewal ${i}`,
				status: 'open',
			});
		}
		const wanted = records().opportunities.filter((record) => record.pipelineId === renewals.id);
		expect(wanted.length).toBeGreaterThan(100);
		const all = await run({ resource: 'opportunity', operation: 'getAll', returnAll: true, filters: { pipelineId: renewals.id } });
		const pages = all.requests.filter((request) => request.operationId === 'search-opportunity');
		expect(pages).toHaveLength(2);
		expect(pages[1].query).toMatchObject({ pipeline_id: renewals.id, startAfterId: expect.any(String), startAfter: expect.any(String) });
		expect(all.out).toHaveLength(wanted.length);
		expect(new Set(all.out.map((record) => record.id)).size).toBe(wanted.length);
		const some = await run({ resource: 'opportunity', operation: 'getAll', returnAll: false, limit: 5, filters: { pipelineId: renewals.id } });
		expect(some.out).toEqual(all.out.slice(0, 5));
		expect(some.requests.filter((request) => request.operationId === 'search-opportunity')).toHaveLength(1);
	});

	opTest('search-opportunity', 'text and dates go as GHL takes them (q, mm-dd-yyyy)', async () => {
		const result = await run({
			resource: 'opportunity',
			operation: 'getAll',
			returnAll: true,
			filters: { query: 'Cobol', createdAfter: '2025-01-01T00:00:00Z', createdBefore: '2025-12-31T00:00:00Z' },
		});
		expect(only(result, 'search-opportunity').query).toMatchObject({ q: 'Cobol', date: '01-01-2025', endDate: '12-31-2025' });
		expect(result.out.map((record) => record.name)).toEqual(['Cobol Systems: migration']);
	});

	opTest('search-opportunities-advanced', 'searches by text with the details asked for', async () => {
		const result = await run({ resource: 'opportunity', operation: 'search', query: 'Kernel', returnAll: true, include: ['notes', 'tasks'] });
		expectRequest(only(result, 'search-opportunities-advanced'), {
			method: 'POST',
			path: '/opportunities/search',
			version: VERSION,
			status: 200,
			body: {
				locationId: sandbox().demo.locationId,
				query: 'Kernel',
				limit: 100,
				page: 1,
				searchAfter: [],
				additionalDetails: { notes: true, tasks: true, calendarEvents: false, unReadConversations: false },
			},
		});
		expect(result.out.map((record) => record.name)).toEqual(['Kernel Works: renewal']);
	});

	opTest('Upsert-opportunity', 'updates the contact’s opportunity in the pipeline, and creates one for a contact without', async () => {
		const [first] = records().opportunities;
		const updated = await run({ resource: 'opportunity', operation: 'upsert', pipelineId: first.pipelineId, contactId: byId(first.contactId), fields: { monetaryValue: 13000, status: 'won' } });
		expectRequest(only(updated, 'Upsert-opportunity'), {
			method: 'POST',
			path: '/opportunities/upsert',
			version: VERSION,
			status: 200,
			body: { monetaryValue: 13000, status: 'won', pipelineId: first.pipelineId, contactId: first.contactId, locationId: sandbox().demo.locationId },
		});
		expect(updated.out[0]).toMatchObject({ id: first.id, monetaryValue: 13000, status: 'won' });

		const newcomer = seed().contacts[15];
		const created = await run({ resource: 'opportunity', operation: 'upsert', pipelineId: first.pipelineId, contactId: byId(newcomer.id), fields: { name: 'New via upsert' } });
		expect(created.out[0]).toMatchObject({ contactId: newcomer.id, name: 'New via upsert', pipelineId: first.pipelineId });
		expect(created.out[0].id).not.toBe(first.id);
		expect(records().opportunities.filter((record) => record.contactId === newcomer.id)).toHaveLength(1);
	});

	opTest('add-followers-opportunity', 'adds followers; the ones it had stay', async () => {
		const [first] = records().opportunities;
		const [, seller, support] = sandbox().demo.userIds;
		const result = await run({ resource: 'opportunity', operation: 'addFollowers', opportunityId: first.id, followers: [support] });
		expectRequest(only(result, 'add-followers-opportunity'), { method: 'POST', path: `/opportunities/${first.id}/followers`, version: VERSION, body: { followers: [support] } });
		expect(result.out).toEqual([{ opportunityId: first.id, followers: [seller, support], followersAdded: [support] }]);
	});

	opTest('remove-followers-opportunity', 'removes followers', async () => {
		const [first] = records().opportunities;
		const [, seller] = sandbox().demo.userIds;
		const result = await run({ resource: 'opportunity', operation: 'removeFollowers', opportunityId: first.id, followers: [seller] });
		expectRequest(only(result, 'remove-followers-opportunity'), { method: 'DELETE', path: `/opportunities/${first.id}/followers`, version: VERSION, body: { followers: [seller] } });
		expect(result.out).toEqual([{ opportunityId: first.id, followers: [], followersRemoved: [seller] }]);
	});

	opTest('get-lost-reason', 'lists the location’s lost reasons', async () => {
		const result = await run({ resource: 'opportunity', operation: 'getLostReasons' });
		expectRequest(only(result, 'get-lost-reason'), { method: 'GET', path: '/opportunities/lost-reason', version: VERSION, query: { locationId: sandbox().demo.locationId } });
		expect(result.out.map((reason) => reason.name)).toEqual(records().lostReasons.map((reason) => reason.name));
	});
});

describe('Opportunity › custom fields by name', () => {
	/** Two opportunity fields of the demo location, made through GHL's API, and a contact field named like one of them. */
	async function opportunityFields() {
		const { locationId } = sandbox().demo;
		const make = async (name: string, dataType: string, model: string) =>
			((await api('POST', `/locations/${locationId}/customFields`, { name, dataType, model })).customField as { id: string; fieldKey: string });
		return {
			seats: await make('Seats', 'NUMERICAL', 'opportunity'),
			competitor: await make('Competitor', 'TEXT', 'opportunity'),
			contactSeats: await make('Contact Seats', 'NUMERICAL', 'contact'),
		};
	}
	const rows = (...entries: Array<[string, string | number]>) => ({ customField: entries.map(([fieldId, value]) => ({ fieldId, value })) });

	opTest('create-opportunity', 'takes fields by name, key or ID among the location’s opportunity fields (?model=opportunity); GHL stores them', async () => {
		const { seats, competitor } = await opportunityFields();
		const [sales] = records().pipelines;
		const contact = seed().contacts[3];
		const result = await run({
			resource: 'opportunity',
			operation: 'create',
			pipelineId: sales.id,
			contactId: byId(contact.id),
			name: 'Custom Co',
			customFieldsUi: rows(['seats', ' 40 '], [competitor.id, 'Acme']),
		});
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-custom-fields', 'create-opportunity']);
		expect(only(result, 'get-custom-fields').query).toMatchObject({ model: 'opportunity' });
		expect(only(result, 'create-opportunity').body).toMatchObject({ customFields: [{ id: seats.id, field_value: '40' }, { id: competitor.id, field_value: 'Acme' }] });
		const stored = (sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records['/opportunities'].find((record) => record.id === result.out[0].id)!;
		expect(stored.customFields).toEqual([{ id: seats.id, field_value: '40' }, { id: competitor.id, field_value: 'Acme' }]);
	});

	opTest('update-opportunity', 'changes only custom fields when only they are given; a contact field of the same name is not one of them', async () => {
		const { competitor } = await opportunityFields();
		const [first] = records().opportunities;
		const result = await run({ resource: 'opportunity', operation: 'update', opportunityId: first.id, customFieldsUi: rows(['Competitor', 'Globex']) });
		expectRequest(only(result, 'update-opportunity'), { method: 'PUT', path: `/opportunities/${first.id}`, body: { customFields: [{ id: competitor.id, field_value: 'Globex' }] } });
		const contactField = await run({ resource: 'opportunity', operation: 'update', opportunityId: first.id, customFieldsUi: rows(['Contact Seats', '3']) });
		expect(contactField.requests.map((request) => request.operationId)).toEqual(['get-custom-fields']);
		expect(contactField.error?.message).toBe('Custom field "Contact Seats": no such opportunity custom field in this location');
	});

	test('a value that does not fit its field is refused before the write, naming the field', async () => {
		await opportunityFields();
		const [sales] = records().pipelines;
		const result = await run({ resource: 'opportunity', operation: 'create', pipelineId: sales.id, contactId: byId(seed().contacts[3].id), name: 'Bad', customFieldsUi: rows(['Seats', 'forty']) });
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-custom-fields']);
		expect(result.error?.message).toBe('Custom field "Seats": expected a number, got "forty"');
	});

	test('the Field list offers the location’s opportunity fields only', async () => {
		const { seats, competitor } = await opportunityFields();
		const options = await pickerOptions('getOpportunityCustomFields', { resource: 'opportunity', operation: 'create' }, 'customFieldsUi.customField.fieldId');
		expect(options).toEqual([
			{ name: 'Competitor (text)', value: competitor.id, description: competitor.fieldKey },
			{ name: 'Seats (numerical)', value: seats.id, description: seats.fieldKey },
		]);
	});
});

describe('Pipeline', () => {
	opTest('get-pipelines', 'lists the location’s pipelines with their stages', async () => {
		const result = await run({ resource: 'pipeline', operation: 'getAll', returnAll: true });
		expectRequest(only(result, 'get-pipelines'), { method: 'GET', path: '/opportunities/pipelines', version: VERSION, query: { locationId: sandbox().demo.locationId } });
		expect(result.out.map((pipeline) => [pipeline.name, (pipeline.stages as Array<{ name: string }>).map((stage) => stage.name)])).toEqual(
			records().pipelines.map((pipeline) => [pipeline.name, pipeline.stages.map((stage) => stage.name)]),
		);
	});
});
