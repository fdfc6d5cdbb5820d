/**
 * GHL Trigger and custom object records: the sandbox queues RecordCreate/Update/Delete as GHL sends
 * them (no object key), signed; the trigger names the record (ids.recordId) and, with Fetch Full
 * Record and the trigger's Object Key for Record Events, reads it from GET /objects/{key}/records/{id}.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { TriggerServer, sandboxApi } from './helpers';

const sandbox = useSandbox();
const servers: TriggerServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

const OBJECT = 'custom_objects.vehicles';
const RECORDS = `/objects/${OBJECT}/records`;

async function trigger(parameters: INodeParameters): Promise<TriggerServer> {
	const server = new TriggerServer(
		{
			events: ['RecordCreate', 'RecordUpdate', 'RecordDelete'],
			authentication: 'privateIntegration',
			fetchFullRecord: true,
			...parameters,
			options: { publicKeys: `${sandbox().publicKeys.ed25519}\n${sandbox().publicKeys.rsa}` },
		},
		pitCredential(sandbox()),
	);
	servers.push(server);
	await server.start();
	return server;
}

async function writeRecords(): Promise<{ kept: IDataObject; gone: IDataObject }> {
	const api = sandboxApi(sandbox());
	const { locationId } = sandbox().demo;
	const kept = (await api('POST', RECORDS, { locationId, properties: { name: 'Jeep', year: 1941 } })).record as IDataObject;
	await api('PUT', `${RECORDS}/${String(kept.id)}?locationId=${locationId}`, { properties: { colour: 'blue' } });
	const gone = (await api('POST', RECORDS, { locationId, properties: { name: 'Trabant' } })).record as IDataObject;
	await api('DELETE', `${RECORDS}/${String(gone.id)}`);
	return { kept, gone };
}

describe('GHL Trigger: custom object record events', () => {
	test('Record events start with ids.recordId; Fetch Full Record reads the record from the object the trigger names', async () => {
		const server = await trigger({ recordObjectKey: OBJECT });
		const { kept, gone } = await writeRecords();
		const results = await sandbox().deliverWebhooks({ targets: [server.url] });
		expect(results.map((result) => [result.eventType, result.status])).toEqual([
			['RecordCreate', 200],
			['RecordUpdate', 200],
			['RecordCreate', 200],
			['RecordDelete', 200],
		]);
		const [created, updated, createdGone, deleted] = server.started.map((delivery) => delivery.items[0]);
		expect(created).toMatchObject({ event: 'RecordCreate', locationId: sandbox().demo.locationId, ids: { recordId: kept.id } });
		expect(created.payload).toMatchObject({ properties: [{ key: 'name', valueString: 'Jeep' }, { key: 'year', valueString: '1941' }] });
		// Read after the update: the live record, with the colour the create event did not carry.
		expect(created.fullRecord).toMatchObject({ id: kept.id, properties: { name: 'Jeep', year: 1941, colour: 'blue' } });
		expect(updated.fullRecord).toMatchObject({ id: kept.id, properties: { colour: 'blue' } });
		expect(createdGone.fullRecordError).toBe(`The ${OBJECT} record ${String(gone.id)} no longer exists in GHL (deleted after the event was sent): fullRecord not read`);
		expect(deleted).toMatchObject({ event: 'RecordDelete', ids: { recordId: gone.id } });
		expect(deleted).not.toHaveProperty('fullRecord');
		const reads = sandbox().requests.filter((request) => request.method === 'GET').map((request) => request.path);
		expect(reads).toEqual([`${RECORDS}/${String(kept.id)}`, `${RECORDS}/${String(kept.id)}`, `${RECORDS}/${String(gone.id)}`]);
	});

	test('without an Object Key the record is not read and the item says why', async () => {
		const server = await trigger({});
		await writeRecords();
		await sandbox().deliverWebhooks({ targets: [server.url] });
		const [created] = server.started.map((delivery) => delivery.items[0]);
		expect(created.fullRecordError).toBe("GHL's record events do not name their object: set Object Key for Record Events to read the record");
		expect(sandbox().requests.filter((request) => request.method === 'GET')).toHaveLength(0);
	});
});
