/**
 * Association and Relation (GHL's associations API): kinds of links between two objects, and the
 * links between two records made under them. Not the contact's tags/followers (relations.test.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { TriggerServer } from '../triggers/helpers';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api, pickerOptions } = nodeTests();

interface Association extends IDataObject {
	id: string;
	key: string;
	firstObjectKey: string;
	secondObjectKey: string;
	associationType: string;
	locationId: string;
}

const records = (collection: string) => ((sandbox().snapshot() as { records: Record<string, IDataObject[]> }).records[collection] ?? []) as IDataObject[];
const associations = () => records('/associations') as Association[];
const relations = () => records('/associations/relations') as Array<IDataObject & { id: string }>;
/** The seeded user-defined association: contacts (decision makers) ↔ opportunities (deals). */
const decisionMaker = () => associations().find((association) => association.key === 'opportunity_decision_maker')!;
const opportunities = () => records('/opportunities').filter((opportunity) => opportunity.locationId === sandbox().demo.locationId) as Array<IDataObject & { id: string }>;
const location = () => sandbox().demo.locationId;

/** What GHL answers for an association (the store's dates are not part of it). */
function answerOf(association: Association): IDataObject {
	const { id, locationId, key, firstObjectKey, firstObjectLabel, secondObjectKey, secondObjectLabel, associationType } = association;
	return { id, locationId, key, firstObjectKey, firstObjectLabel, secondObjectKey, secondObjectLabel, associationType };
}

describe('Association', () => {
	opTest('associations:create-association', 'defines a link between two objects; a key taken, or an unknown object, is refused by GHL', async () => {
		const result = await run({
			resource: 'association',
			operation: 'create',
			key: 'vehicle_owner',
			firstObjectKey: 'contact',
			firstObjectLabel: ' Owner ',
			secondObjectKey: 'custom_objects.vehicles',
			secondObjectLabel: 'Vehicle',
		});
		expectRequest(only(result, 'associations:create-association'), {
			method: 'POST',
			path: '/associations/',
			body: { locationId: location(), key: 'vehicle_owner', firstObjectKey: 'contact', firstObjectLabel: 'Owner', secondObjectKey: 'custom_objects.vehicles', secondObjectLabel: 'Vehicle' },
		});
		const made = associations().find((association) => association.key === 'vehicle_owner')!;
		expect(result.out).toEqual([{ ...answerOf(made), associationType: 'USER_DEFINED', firstObjectLabel: 'Owner' }]);
		expect(sandbox().queuedEvents().filter((event) => event.type === 'AssociationCreate')).toEqual([expect.objectContaining({ id: made.id, key: 'vehicle_owner', locationId: location() })]);

		const taken = await run({ resource: 'association', operation: 'create', key: 'vehicle_owner', firstObjectKey: 'contact', firstObjectLabel: 'a', secondObjectKey: 'contact', secondObjectLabel: 'b' });
		expect(taken.requests.map((request) => request.status)).toEqual([400]);
		const unknown = await run({ resource: 'association', operation: 'create', key: 'pets', firstObjectKey: 'contact', firstObjectLabel: 'a', secondObjectKey: 'custom_objects.pets', secondObjectLabel: 'b' });
		expect(unknown.requests.map((request) => request.status)).toEqual([400]);
		expect(unknown.error?.message).toMatch(/custom_objects\.pets/);
	});

	test('bad input is refused before any request, naming the field', async () => {
		const badObject = await run({ resource: 'association', operation: 'create', key: 'k', firstObjectKey: 'contacts/../x', firstObjectLabel: 'a', secondObjectKey: 'contact', secondObjectLabel: 'b' });
		expect(badObject.requests).toHaveLength(0);
		expect(badObject.error?.message).toMatch(/^First Object: expected contact, opportunity, business or custom_objects\.<name>/);
		const noLabel = await run({ resource: 'association', operation: 'update', associationId: decisionMaker().id, firstObjectLabel: 'x', secondObjectLabel: ' ' });
		expect(noLabel.requests).toHaveLength(0);
		expect(noLabel.error?.message).toMatch(/^Second Object Label: expected a value/);
		const badKey = await run({ resource: 'association', operation: 'getByKey', key: 'a/b' });
		expect(badKey.requests).toHaveLength(0);
		expect(badKey.error?.message).toMatch(/^Key: expected a key of letters/);
		const noRecord = await run({ resource: 'relation', operation: 'create', associationId: decisionMaker().id, firstRecordId: ' ', secondRecordId: 'x' });
		expect(noRecord.requests).toHaveLength(0);
		expect(noRecord.error?.message).toMatch(/^First Record ID: expected a value/);
	});

	opTest('find-associations', 'Return All pages with skip and limit; a Limit stops early', async () => {
		sandbox().setRateLimit({ max: 1000, intervalMs: 10_000, daily: 200_000 });
		for (let index = 0; index < 101; index++) {
			await api('POST', '/associations/', { locationId: location(), key: `bulk_${index}`, firstObjectKey: 'contact', firstObjectLabel: 'A', secondObjectKey: 'contact', secondObjectLabel: 'B' });
		}
		const all = await run({ resource: 'association', operation: 'getAll', returnAll: true });
		expect(all.requests.filter((request) => request.operationId === 'find-associations').map((request) => request.query)).toEqual([
			{ locationId: location(), skip: '0', limit: '100' },
			{ locationId: location(), skip: '100', limit: '100' },
		]);
		const mine = associations().filter((association) => association.locationId === location());
		expect(mine).toHaveLength(103);
		expect(all.out).toEqual(mine.map(answerOf));
		const two = await run({ resource: 'association', operation: 'getAll', returnAll: false, limit: 2 });
		expectRequest(only(two, 'find-associations'), { method: 'GET', path: '/associations/', query: { locationId: location(), skip: '0', limit: '2' } });
		expect(two.out).toEqual(all.out.slice(0, 2));
	});

	opTest('get-association-by-ID', 'reads one association; an unknown id is GHL’s 404', async () => {
		const result = await run({ resource: 'association', operation: 'get', associationId: decisionMaker().id });
		expectRequest(only(result, 'get-association-by-ID'), { method: 'GET', path: `/associations/${decisionMaker().id}` });
		expect(result.out).toEqual([answerOf(decisionMaker())]);
		const missing = await run({ resource: 'association', operation: 'get', associationId: 'NoSuchAssociation001' });
		expect(missing.requests.map((request) => request.status)).toEqual([404]);
	});

	opTest('get-association-key-by-key-name', 'reads one association by its key', async () => {
		const result = await run({ resource: 'association', operation: 'getByKey', key: 'opportunity_decision_maker' });
		expectRequest(only(result, 'get-association-key-by-key-name'), {
			method: 'GET',
			path: '/associations/key/opportunity_decision_maker',
			query: { locationId: location() },
		});
		expect(result.out).toEqual([answerOf(decisionMaker())]);
	});

	opTest('get-association-by-object-keys', 'lists the associations of an object, one item each, on either side', async () => {
		const result = await run({ resource: 'association', operation: 'getByObjectKey', objectKey: 'contact' });
		expectRequest(only(result, 'get-association-by-object-keys'), { method: 'GET', path: '/associations/objectKey/contact', query: { locationId: location() } });
		expect(result.out.map((association) => association.key).sort()).toEqual(['contact_business', 'opportunity_decision_maker']);
		const deals = await run({ resource: 'association', operation: 'getByObjectKey', objectKey: 'opportunity' });
		expect(deals.out).toEqual([answerOf(decisionMaker())]);
	});

	opTest('update-association', 'renames both sides; keys and objects stay', async () => {
		const before = decisionMaker();
		const result = await run({ resource: 'association', operation: 'update', associationId: before.id, firstObjectLabel: 'Champion', secondObjectLabel: 'Account deal' });
		expectRequest(only(result, 'update-association'), { method: 'PUT', path: `/associations/${before.id}`, body: { firstObjectLabel: 'Champion', secondObjectLabel: 'Account deal' } });
		expect(result.out).toEqual([{ ...answerOf(before), firstObjectLabel: 'Champion', secondObjectLabel: 'Account deal' }]);
		expect(decisionMaker()).toMatchObject({ firstObjectKey: 'contact', secondObjectKey: 'opportunity', firstObjectLabel: 'Champion' });
		expect(sandbox().queuedEvents().filter((event) => event.type === 'AssociationUpdate')).toHaveLength(1);
	});

	opTest('delete-association', 'deletes a user-defined association and its relations; a system one is refused by GHL', async () => {
		const association = decisionMaker();
		expect(relations().filter((relation) => relation.associationId === association.id)).toHaveLength(1);
		const result = await run({ resource: 'association', operation: 'delete', associationId: association.id });
		expectRequest(only(result, 'delete-association'), { method: 'DELETE', path: `/associations/${association.id}` });
		expect(result.out).toEqual([{ deleted: true, id: association.id, message: expect.any(String) }]);
		expect(associations().map((candidate) => candidate.id)).not.toContain(association.id);
		expect(relations().filter((relation) => relation.associationId === association.id)).toEqual([]);
		const system = associations().find((candidate) => candidate.associationType === 'SYSTEM_DEFINED')!;
		const refused = await run({ resource: 'association', operation: 'delete', associationId: system.id });
		expect(refused.requests.map((request) => request.status)).toEqual([400]);
	});

	test('the Association picker lists the location’s associations by key with the objects they link; the object picker adds custom objects', async () => {
		const options = await pickerOptions('getAssociations', { resource: 'association', operation: 'get' }, 'associationId');
		expect(options).toEqual([
			{ name: 'contact_business', value: associations()[0].id, description: 'contact (Contact) ↔ business (Business)' },
			{ name: 'opportunity_decision_maker', value: decisionMaker().id, description: 'contact (Decision maker) ↔ opportunity (Deal)' },
		]);
		const objects = await pickerOptions('getAssociationObjectKeys', { resource: 'association', operation: 'create' }, 'firstObjectKey');
		expect(objects.map((option) => option.value)).toEqual(['business', 'contact', 'opportunity', 'custom_objects.vehicles']);
	});
});

describe('Relation', () => {
	opTest('create-relation', 'links two records under an association; the same pair twice, or a record of the wrong object, is refused by GHL', async () => {
		const [, second] = seed().contacts;
		const deal = opportunities()[1];
		const association = decisionMaker();
		const result = await run({ resource: 'relation', operation: 'create', associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id });
		expectRequest(only(result, 'create-relation'), {
			method: 'POST',
			path: '/associations/relations',
			body: { locationId: location(), associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id },
		});
		const made = relations().find((relation) => relation.firstRecordId === second.id)!;
		expect(result.out).toEqual([
			{ id: made.id, associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id, firstObjectKey: 'contact', secondObjectKey: 'opportunity', locationId: location() },
		]);
		const again = await run({ resource: 'relation', operation: 'create', associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id });
		expect(again.requests.map((request) => request.status)).toEqual([400]);
		expect(again.error?.message).toMatch(/Relation already exists/);
		// Swapped: the first record must be a contact, the second an opportunity.
		const swapped = await run({ resource: 'relation', operation: 'create', associationId: association.id, firstRecordId: deal.id, secondRecordId: second.id });
		expect(swapped.requests.map((request) => request.status)).toEqual([400]);
		expect(relations()).toHaveLength(2);
	});

	opTest('create-relation', 'links a contact to a custom object record', async () => {
		const vehicle = records('/objects/custom_objects.vehicles/records')[0];
		const owner = (await api('POST', '/associations/', {
			locationId: location(),
			key: 'vehicle_owner',
			firstObjectKey: 'contact',
			firstObjectLabel: 'Owner',
			secondObjectKey: 'custom_objects.vehicles',
			secondObjectLabel: 'Vehicle',
		})) as Association;
		const [first] = seed().contacts;
		const result = await run({ resource: 'relation', operation: 'create', associationId: owner.id, firstRecordId: first.id, secondRecordId: String(vehicle.id) });
		expect(result.out).toEqual([expect.objectContaining({ associationId: owner.id, secondRecordId: vehicle.id, secondObjectKey: 'custom_objects.vehicles' })]);
	});

	opTest('get-relations-by-record-id', 'lists a record’s relations on either side, paged, filtered by association', async () => {
		const association = decisionMaker();
		const [first] = seed().contacts;
		const deal = opportunities()[0];
		const result = await run({ resource: 'relation', operation: 'getAll', recordId: deal.id, returnAll: true, filters: { associationIds: [association.id] } });
		const request = only(result, 'get-relations-by-record-id');
		expectRequest(request, {
			method: 'GET',
			path: `/associations/relations/${deal.id}`,
			query: { locationId: location(), skip: '0', limit: '100', associationIds: association.id },
		});
		expect(result.out).toEqual([expect.objectContaining({ associationId: association.id, firstRecordId: first.id, secondRecordId: deal.id })]);
		const other = await run({ resource: 'relation', operation: 'getAll', recordId: deal.id, returnAll: false, limit: 5, filters: { associationIds: [associations()[0].id] } });
		expect(other.out).toEqual([]);
	});

	opTest('delete-relation', 'unlinks two records; the records stay', async () => {
		const [relation] = relations();
		const result = await run({ resource: 'relation', operation: 'delete', relationId: String(relation.id) });
		expectRequest(only(result, 'delete-relation'), { method: 'DELETE', path: `/associations/relations/${relation.id}`, query: { locationId: location() } });
		expect(result.out).toEqual([expect.objectContaining({ id: relation.id, associationId: relation.associationId })]);
		expect(relations()).toEqual([]);
		expect(opportunities().map((opportunity) => opportunity.id)).toContain(relation.secondRecordId);
		const again = await run({ resource: 'relation', operation: 'delete', relationId: String(relation.id) });
		expect(again.requests.map((request) => request.status)).toEqual([404]);
	});
});

describe('location access', () => {
	async function asOtherLocation(method: string, path: string, body?: unknown): Promise<{ status: number; body: IDataObject }> {
		const response = await fetch(`${sandbox().url}${path}`, {
			method,
			headers: { Authorization: `Bearer ${sandbox().demo.otherLocationToken}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	}

	test('another sub-account neither sees nor changes the demo location’s associations and relations, nor links its records', async () => {
		const other = sandbox().demo.otherLocationId;
		const association = decisionMaker();
		expect(await asOtherLocation('GET', `/associations/?locationId=${other}&skip=0&limit=10`)).toEqual({ status: 200, body: { associations: [], total: 0 } });
		expect((await asOtherLocation('GET', `/associations/${association.id}`)).status).toBe(403);
		expect((await asOtherLocation('DELETE', `/associations/${association.id}`)).status).toBe(403);
		expect((await asOtherLocation('DELETE', `/associations/relations/${relations()[0].id}?locationId=${other}`)).status).toBe(403);
		expect((await asOtherLocation('GET', `/associations/?locationId=${location()}&skip=0&limit=10`)).status).toBe(403);
		// The demo location's association cannot link a record of another location.
		const foreignDeal = records('/opportunities').find((opportunity) => opportunity.locationId === other)!;
		const [first] = seed().contacts;
		const linked = await run({ resource: 'relation', operation: 'create', associationId: association.id, firstRecordId: first.id, secondRecordId: String(foreignDeal.id) });
		expect(linked.requests.map((request) => request.status)).toEqual([400]);
		expect(associations().map((candidate) => candidate.id)).toContain(association.id);
		expect(relations()).toHaveLength(1);
	});
});

describe('GHL Trigger: relation events', () => {
	let server: TriggerServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	test('a relation made through the node reaches the trigger as RelationCreate with the ids it links', async () => {
		server = new TriggerServer({
			events: ['RelationCreate'],
			locationIds: location(),
			options: { publicKeys: `${sandbox().publicKeys.ed25519}\n${sandbox().publicKeys.rsa}` },
		});
		await server.start();
		const association = decisionMaker();
		const [, second] = seed().contacts;
		const deal = opportunities()[2];
		const made = await run({ resource: 'relation', operation: 'create', associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id });
		const results = await sandbox().deliverWebhooks({ targets: [server.url] });
		expect(results.map((result) => `${result.eventType} ${result.status}`)).toEqual(['RelationCreate 200']);
		expect(server.started).toHaveLength(1);
		expect(server.started[0].items).toEqual([
			expect.objectContaining({
				event: 'RelationCreate',
				locationId: location(),
				ids: { relationId: made.out[0].id, associationId: association.id, firstRecordId: second.id, secondRecordId: deal.id },
				payload: expect.objectContaining({ firstObjectKey: 'contact', secondObjectKey: 'opportunity' }),
			}),
		]);
	});
});
