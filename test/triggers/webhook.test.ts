import { ExecutionLifecycleHooks, HookContext } from 'n8n-core';
import type { IDataObject, INodeParameters, INodeType, IWebhookData, IWorkflowBase } from 'n8n-workflow';
import type { WebhookEvent } from '../../sandbox';
import { agencyCredential, pitCredential, useSandbox } from '../harness/fixtures';
import { TestCredentialsHelper } from '../harness/credentials';
import type { StoredCredential } from '../harness/credentials';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor, buildWorkflow } from '../harness/run';
import { TriggerServer, sandboxApi } from './helpers';
import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from '../../nodes/GhlTrigger/signature';
import { EVENT_OPTIONS } from '../../nodes/GhlTrigger/events';
import { capacityFor, isFresh, replayMemory } from '../../nodes/GhlTrigger/replay';

const sandbox = useSandbox();
const servers: TriggerServer[] = [];

/** A GHL workflow's shared secret: long enough for the credential's 16-character minimum. */
const SECRET = 'kV3q-8ZpL2-xT9w-RmB4';
let secretCounter = 0;

function secretCredential(secret = SECRET, headerName = 'x-webhook-secret'): StoredCredential {
	return { id: `secret-${++secretCounter}`, name: 'GHL workflow secret', type: 'ghlWebhookSecretApi', data: { headerName, secret } };
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * A trigger that trusts the sandbox's keys (GHL's published keys stay trusted too). Without a
 * credential it filters on the sandbox's demo location, as GHL Signature mode requires.
 */
async function trigger(parameters: INodeParameters = {}, credential?: StoredCredential | StoredCredential[]): Promise<TriggerServer> {
	const { options, ...rest } = parameters;
	const server = new TriggerServer(
		{
			events: ['*'],
			...(credential ? {} : { locationIds: sandbox().demo.locationId }),
			...rest,
			options: {
				publicKeys: `${sandbox().publicKeys.ed25519}\n${sandbox().publicKeys.rsa}`,
				...((options as IDataObject) ?? {}),
			},
		},
		credential,
	);
	servers.push(server);
	await server.start();
	return server;
}

async function createContact(fields: IDataObject = {}): Promise<IDataObject> {
	const api = sandboxApi(sandbox());
	const response = await api('POST', '/contacts/', {
		locationId: sandbox().demo.locationId,
		firstName: 'Webhook',
		lastName: `Tester ${Math.random().toString(36).slice(2, 8)}`,
		email: `wh-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
		...fields,
	});
	return response.contact as IDataObject;
}

/** Takes the queued events out of the sandbox (the queue is left empty). */
function takeQueued(type?: string): WebhookEvent[] {
	const events = sandbox().queuedEvents();
	return type ? events.filter((event) => event.type === type) : events;
}

async function deliver(server: TriggerServer, options: Parameters<ReturnType<typeof sandbox>['deliverWebhooks']>[0] = {}) {
	return await sandbox().deliverWebhooks({ targets: [server.url], ...options });
}

describe('GHL Trigger: signatures (sandbox → HTTP → n8n-core WebhookContext)', () => {
	test('accepted: Ed25519 x-ghl-signature only, legacy RSA x-wh-signature only, and both', async () => {
		const server = await trigger();
		await createContact();
		const [event] = takeQueued('ContactCreate');
		const results = [
			...(await deliver(server, { events: [{ ...event, webhookId: 'ed-1' }], signature: 'ed25519' })),
			...(await deliver(server, { events: [{ ...event, webhookId: 'rsa-1' }], signature: 'rsa' })),
			...(await deliver(server, { events: [{ ...event, webhookId: 'both-1' }], signature: 'both' })),
		];
		expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
		expect(results.map((result) => result.body)).toEqual(['', '', '']);
		expect(server.started).toHaveLength(3);
		expect(server.started[0].items).toEqual([
			{
				event: 'ContactCreate',
				locationId: sandbox().demo.locationId,
				webhookId: 'ed-1',
				timestamp: event.timestamp,
				ids: { contactId: event.id },
				payload: expect.objectContaining({ id: event.id, email: event.email, firstName: 'Webhook' }),
			},
		]);
		expect(server.started[0].items[0].payload).not.toHaveProperty('type');
	});

	test('refused and counted: forged, tampered, unsigned and "N/A" signatures get 401 and start nothing', async () => {
		const server = await trigger();
		await createContact();
		const [event] = takeQueued('ContactCreate');
		const forged = await deliver(server, { events: [{ ...event, webhookId: 'f-1' }], signature: 'forged' });
		const tamperedBoth = await deliver(server, { events: [{ ...event, webhookId: 't-1' }], tamper: true });
		const tamperedRsa = await deliver(server, { events: [{ ...event, webhookId: 't-2' }], tamper: true, signature: 'rsa' });
		const unsigned = await deliver(server, { events: [{ ...event, webhookId: 'u-1' }], signature: 'none' });
		const na = await fetch(server.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-ghl-signature': 'N/A', 'x-wh-signature': 'N/A' },
			body: JSON.stringify({ ...event, webhookId: 'na-1' }),
		});
		const garbage = await fetch(server.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-ghl-signature': 'bm90IGEgc2lnbmF0dXJl', 'x-wh-signature': '%%%' },
			body: JSON.stringify({ ...event, webhookId: 'g-1' }),
		});
		expect([...forged, ...tamperedBoth, ...tamperedRsa, ...unsigned].map((result) => result.status)).toEqual([401, 401, 401, 401]);
		expect(na.status).toBe(401);
		expect(await na.json()).toEqual({ message: 'Missing signature' });
		expect(garbage.status).toBe(401);
		expect(server.count(401)).toBe(6);
		expect(server.started).toHaveLength(0);
		// Refused deliveries are not remembered: the same ids still go through when genuinely signed.
		expect(server.staticData).toEqual({});
		const genuine = await deliver(server, { events: [{ ...event, webhookId: 'f-1' }] });
		expect(genuine[0].status).toBe(200);
		expect(server.started).toHaveLength(1);
	});

	test('without the sandbox keys only GHL\'s published keys are trusted, so sandbox signatures fail', async () => {
		const server = await trigger({ options: { publicKeys: '' } });
		await createContact();
		const results = await deliver(server);
		expect(results.map((result) => result.status)).toEqual([401]);
		// And with the built-in keys off, the additional keys alone are enough.
		const own = await trigger({ options: { useBuiltInKeys: false } });
		await createContact();
		expect((await deliver(own)).map((result) => result.status)).toEqual([200]);
	});

	test('GHL\'s published keys parse as Ed25519 and 4096-bit RSA', async () => {
		const { createPublicKey } = await import('crypto');
		expect(createPublicKey(GHL_ED25519_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
		const rsa = createPublicKey(GHL_RSA_PUBLIC_KEY);
		expect(rsa.asymmetricKeyType).toBe('rsa');
		expect(rsa.asymmetricKeyDetails?.modulusLength).toBe(4096);
	});
});

describe('GHL Trigger: replay protection', () => {
	test('a timestamp older than the window (or too far ahead) gets 401; within it is accepted', async () => {
		const server = await trigger();
		await createContact();
		const [event] = takeQueued('ContactCreate');
		const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
		const old = await deliver(server, { events: [event], overrides: { timestamp: minutesAgo(6), webhookId: 'old-1' } });
		const future = await deliver(server, { events: [event], overrides: { timestamp: minutesAgo(-6), webhookId: 'future-1' } });
		const recent = await deliver(server, { events: [event], overrides: { timestamp: minutesAgo(4), webhookId: 'recent-1' } });
		expect([old[0].status, future[0].status, recent[0].status]).toEqual([401, 401, 200]);
		expect(JSON.parse(old[0].body)).toEqual({ message: 'Delivery timestamp outside the accepted window' });
		expect(server.started.map((delivery) => delivery.items[0].webhookId)).toEqual(['recent-1']);

		// A configurable window: 10 minutes lets the 6-minute-old delivery in.
		const lenient = await trigger({ options: { maxAgeMinutes: 10 } });
		const accepted = await deliver(lenient, { events: [event], overrides: { timestamp: minutesAgo(6), webhookId: 'old-2' } });
		expect(accepted[0].status).toBe(200);
	});

	test('a repeated webhookId is answered 200 and starts nothing; the memory is in static data', async () => {
		const server = await trigger();
		await createContact();
		const [event] = takeQueued('ContactCreate');
		const first = await deliver(server, { events: [event] });
		const second = await deliver(server, { events: [event] });
		const third = await deliver(server, { events: [event], signature: 'rsa' });
		expect([first[0].status, second[0].status, third[0].status]).toEqual([200, 200, 200]);
		expect(server.started).toHaveLength(1);
		const remembered = (server.staticData['node:GHL Trigger'] as IDataObject).recentWebhookIds as IDataObject;
		expect(Object.keys(remembered)).toEqual([event.webhookId]);

		// Another process (nothing in its memory) loading the saved static data still refuses it.
		const restarted = new TriggerServer(server.node.parameters, undefined, 'wf-restarted');
		servers.push(restarted);
		restarted.staticData = structuredClone(server.staticData);
		await restarted.start();
		const replay = await deliver(restarted, { events: [event] });
		expect(replay[0].status).toBe(200);
		expect(restarted.started).toHaveLength(0);
	});

	test('an id is kept as long as its delivery is fresh, so no moment exists when a replay is accepted', () => {
		const windowMs = 5 * 60_000;
		const stamped = Date.parse('2026-03-01T12:00:00.000Z');
		const staticData: IDataObject = {};
		const scope = `unit/${Math.random()}`;
		// Accepted as early as possible (stamped one window ahead of the receiver's clock)…
		expect(replayMemory(staticData, scope, windowMs, stamped - windowMs).remember('id-1', stamped)).toBe('first');
		// …and refused as a repeat at every moment its timestamp is still fresh, in this process or another.
		for (const now of [stamped - windowMs, stamped, stamped + windowMs]) {
			expect(isFresh(stamped, windowMs, now)).toBe(true);
			expect(replayMemory(staticData, scope, windowMs, now).remember('id-1', stamped)).toBe('repeat');
			expect(replayMemory(structuredClone(staticData), `${scope}/other-process`, windowMs, now).remember('id-1', stamped)).toBe('repeat');
		}
		// One millisecond later the age check refuses it by itself, and the id is let go.
		expect(isFresh(stamped, windowMs, stamped + windowMs + 1)).toBe(false);
		expect(replayMemory(staticData, `${scope}/later`, windowMs, stamped + windowMs + 1).remember('id-2', stamped + windowMs + 1)).toBe('first');
		expect(Object.keys(staticData.recentWebhookIds as IDataObject)).toEqual(['id-2']);
	});

	test('the id memory holds 100 deliveries/s for two windows and answers "full" rather than evicting', () => {
		expect(capacityFor(5 * 60_000)).toBe(60_000);
		const windowMs = 60_000;
		const capacity = capacityFor(windowMs);
		expect(capacity).toBe(12_000);
		const now = Date.parse('2026-03-01T12:00:00.000Z');
		const staticData: IDataObject = { recentWebhookIds: Object.fromEntries(Array.from({ length: capacity }, (_, index) => [`id-${index}`, now - Math.floor((index * windowMs) / capacity)])) };
		const memory = replayMemory(staticData, `unit/${Math.random()}`, windowMs, now);
		expect(memory.remember('new', now)).toBe('full');
		expect(memory.remember('id-0', now)).toBe('repeat');
		expect(memory.remember(`id-${capacity - 1}`, now)).toBe('repeat');
		// Once the oldest ids have aged out of the window there is room again.
		expect(replayMemory(staticData, `unit/${Math.random()}`, windowMs, now + 30_000).remember('new', now + 30_000)).toBe('first');
	});

	test('ids of other locations take no room: 200 of them, then a replay of the kept id is still refused', async () => {
		const server = await trigger();
		const { locationId, otherLocationId } = sandbox().demo;
		const note = (index: number, location: string): WebhookEvent => ({
			type: 'NoteCreate',
			locationId: location,
			id: `note${index}`,
			contactId: 'c1',
			body: 'x',
			timestamp: new Date().toISOString(),
			webhookId: `kept-${location}-${index}`,
		});
		const [kept] = await deliver(server, { events: [note(0, locationId)] });
		const others = await deliver(server, { events: Array.from({ length: 200 }, (_, index) => note(index, otherLocationId)), signature: 'ed25519' });
		const [replay] = await deliver(server, { events: [note(0, locationId)] });
		expect([kept.status, replay.status]).toEqual([200, 200]);
		expect(new Set(others.map((result) => result.status))).toEqual(new Set([200]));
		expect(server.started).toHaveLength(1);
		const remembered = (server.staticData['node:GHL Trigger'] as IDataObject).recentWebhookIds as IDataObject;
		expect(Object.keys(remembered)).toEqual([`kept-${locationId}-0`]);
	});
});

describe('GHL Trigger: filters and output', () => {
	test('other locations are acknowledged and ignored when a location filter is set', async () => {
		const { locationId, otherLocationId } = sandbox().demo;
		const server = await trigger({ locationIds: `${locationId}, some-other-id` });
		await createContact();
		const [event] = takeQueued('ContactCreate');
		const own = await deliver(server, { events: [event] });
		const other = await deliver(server, { events: [event], overrides: { locationId: otherLocationId, webhookId: 'other-loc' } });
		expect([own[0].status, other[0].status]).toEqual([200, 200]);
		expect(server.started).toHaveLength(1);
		expect(server.started[0].items[0].locationId).toBe(locationId);
	});

	test('event filter: only selected types start the workflow, the rest get a 200', async () => {
		const server = await trigger({ events: ['ContactCreate', 'NoteCreate'] });
		const contact = await createContact();
		const api = sandboxApi(sandbox());
		await api('POST', `/contacts/${contact.id}/notes`, { body: 'Called, left a message' });
		await api('PUT', `/contacts/${contact.id}`, { city: 'Lyon' });
		await api('POST', `/contacts/${contact.id}/tasks`, {
			title: 'Call back',
			dueDate: new Date(Date.now() + 86_400_000).toISOString(),
			completed: false,
		});
		const results = await deliver(server);
		expect(results.map((result) => [result.eventType, result.status])).toEqual([
			['ContactCreate', 200],
			['NoteCreate', 200],
			['ContactUpdate', 200],
			['TaskCreate', 200],
		]);
		expect(server.started.map((delivery) => delivery.items[0].event)).toEqual(['ContactCreate', 'NoteCreate']);
		const note = server.started[1].items[0];
		expect(note.ids).toEqual({ noteId: expect.any(String), contactId: contact.id });
		expect(note.payload).toMatchObject({ body: 'Called, left a message', contactId: contact.id });
	});

	test('appointment events are unwrapped from `appointment`, with their ids', async () => {
		const server = await trigger({ events: ['AppointmentCreate'] });
		const contact = await createContact();
		const api = sandboxApi(sandbox());
		const start = new Date(Date.now() + 3 * 86_400_000);
		start.setUTCHours(15, 0, 0, 0);
		const created = await api(
			'POST',
			'/calendars/events/appointments',
			{
				calendarId: sandbox().demo.calendarIds[0],
				locationId: sandbox().demo.locationId,
				contactId: contact.id,
				startTime: start.toISOString(),
				title: 'Demo',
				ignoreFreeSlotValidation: true,
			},
			'2021-04-15',
		);
		await deliver(server);
		expect(server.started).toHaveLength(1);
		const item = server.started[0].items[0];
		expect(item.event).toBe('AppointmentCreate');
		expect(item.ids).toEqual({ appointmentId: created.id, contactId: contact.id, calendarId: sandbox().demo.calendarIds[0] });
		expect(item.payload).toMatchObject({ id: created.id, title: 'Demo' });
		expect(item.payload).not.toHaveProperty('appointment');
	});

	test('the event list: all-events first, the 14 catalogue events next, then the other GHL types', () => {
		const values = EVENT_OPTIONS.map((option) => option.value);
		expect(values.slice(0, 15)).toEqual([
			'*',
			'ContactCreate',
			'ContactUpdate',
			'ContactDelete',
			'ContactTagUpdate',
			'ContactDndUpdate',
			'NoteCreate',
			'NoteUpdate',
			'NoteDelete',
			'TaskCreate',
			'TaskComplete',
			'TaskDelete',
			'AppointmentCreate',
			'AppointmentUpdate',
			'AppointmentDelete',
		]);
		expect(values).toEqual(expect.arrayContaining(['OpportunityStageUpdate', 'InboundMessage', 'InvoicePaid', 'INSTALL']));
		expect(new Set(values).size).toBe(values.length);
	});
});

describe('GHL Trigger: agency credential', () => {
	test('starts for every installed sub-account and for the agency’s INSTALL / UNINSTALL; other locations are ignored; full records are read in the event’s sub-account', async () => {
		const credential = agencyCredential(sandbox());
		const server = await trigger({ authentication: 'agencyOAuth2', fetchFullRecord: true }, credential);
		const { locationId, otherLocationId, thirdLocationId } = sandbox().demo;
		const ours = await createContact();
		const other = (await sandboxApi(sandbox(), sandbox().demo.otherLocationToken)('POST', '/contacts/', {
			locationId: otherLocationId,
			firstName: 'Agency',
			email: `agency-${Date.now()}@example.com`,
		})) as { contact: IDataObject };
		sandbox().enqueueEvent({ type: 'ContactCreate', locationId: 'ForeignLocation000001', id: 'ForeignContact0000001' });
		sandbox().setAppInstalled(thirdLocationId, false);
		sandbox().setAppInstalled(thirdLocationId, true);
		const results = await deliver(server);
		expect(results.every((result) => result.status === 200)).toBe(true);
		const started = server.started.map((delivery) => delivery.items[0]);
		expect(started.map((item) => [item.event, item.locationId])).toEqual([
			['ContactCreate', locationId],
			['ContactCreate', otherLocationId],
			['UNINSTALL', thirdLocationId],
			['INSTALL', thirdLocationId],
		]);
		expect(started[0].fullRecord).toMatchObject({ id: ours.id });
		expect(started[1].fullRecord).toMatchObject({ id: other.contact.id, locationId: otherLocationId });
		// Each read carried the token of the event's sub-account, minted from the agency token.
		const mints = sandbox().requests.filter((request) => request.operationId === 'get-location-access-token');
		expect(mints.map((request) => (request.body as IDataObject).locationId)).toEqual([locationId, otherLocationId]);
	});
});

describe('GHL Trigger: Fetch Full Record', () => {
	test('ContactUpdate gets the current contact from GET /contacts/{id}; deletes are not fetched', async () => {
		const credential = pitCredential(sandbox());
		const server = await trigger({ fetchFullRecord: true, authentication: 'privateIntegration' }, credential);
		const contact = await createContact({ companyName: 'Acme' });
		const api = sandboxApi(sandbox());
		await api('PUT', `/contacts/${contact.id}`, { city: 'Lyon' });
		await api('DELETE', `/contacts/${contact.id}`);
		const results = await deliver(server);
		expect(results.map((result) => [result.eventType, result.status])).toEqual([
			['ContactCreate', 200],
			['ContactUpdate', 200],
			['ContactDelete', 200],
		]);
		const [created, updated, deleted] = server.started.map((delivery) => delivery.items[0]);
		// The create was fetched after the update and delete had happened: the record is gone.
		expect(created.fullRecordError).toBe(`The contact ${String(contact.id)} no longer exists in GHL (deleted after the event was sent): fullRecord not read`);
		expect(updated.fullRecordError).toMatch(/no longer exists in GHL/);
		expect(deleted).not.toHaveProperty('fullRecord');
		expect(deleted).not.toHaveProperty('fullRecordError');
		const fetches = sandbox().requests.filter((request) => request.method === 'GET' && request.path.startsWith('/contacts/'));
		expect(fetches).toHaveLength(2);
	});

	test('the full record is the live state, with fields the payload lacks', async () => {
		const credential = pitCredential(sandbox());
		const server = await trigger({ fetchFullRecord: true, authentication: 'privateIntegration' }, credential);
		const contact = await createContact({ companyName: 'Acme' });
		const api = sandboxApi(sandbox());
		await api('PUT', `/contacts/${contact.id}`, { city: 'Lyon' });
		const note = (await api('POST', `/contacts/${contact.id}/notes`, { body: 'Hello' })).note as IDataObject;
		await deliver(server);
		const [created, updated, noted] = server.started.map((delivery) => delivery.items[0]);
		expect(created.fullRecord).toMatchObject({ id: contact.id, city: 'Lyon', dateUpdated: expect.any(String) });
		expect(updated.fullRecord).toMatchObject({ id: contact.id, city: 'Lyon', emailLowerCase: expect.any(String) });
		expect(noted.fullRecord).toMatchObject({ id: note.id, body: 'Hello', contactId: contact.id });
		const fetched = sandbox().requests.filter((request) => request.method === 'GET').map((request) => request.path);
		expect(fetched).toEqual([`/contacts/${contact.id}`, `/contacts/${contact.id}`, `/contacts/${contact.id}/notes/${note.id}`]);
		expect(sandbox().requests.find((request) => request.method === 'GET')!.headers.authorization).toBe(
			`Bearer ${sandbox().demo.privateToken}`,
		);
	});

	test('Opportunity, User and Location events get the record from its read endpoint; an opportunity deleted meanwhile gives a clear fullRecordError', async () => {
		const credential = pitCredential(sandbox());
		const server = await trigger({ fetchFullRecord: true, authentication: 'privateIntegration' }, credential);
		const { locationId, companyId } = sandbox().demo;
		const api = sandboxApi(sandbox());
		const contact = await createContact();
		const [pipeline] = ((sandbox().snapshot().records as Record<string, IDataObject[]>)['/opportunities/pipelines'] ?? []).filter(
			(record) => record.locationId === locationId,
		);
		const open = async (name: string) =>
			(await api('POST', '/opportunities/', { locationId, pipelineId: pipeline.id, contactId: contact.id, name, status: 'open' })).opportunity as IDataObject;
		const deal = await open('Deal');
		const gone = await open('Gone');
		await api('PUT', `/opportunities/${String(deal.id)}`, { monetaryValue: 900 });
		await api('DELETE', `/opportunities/${String(gone.id)}`);
		const users = (await api('GET', `/users/?locationId=${locationId}`)).users as IDataObject[];
		// The sandbox does not emit these types: queued as GHL sends them (sandbox/contract/webhook-events).
		const events = [
			sandbox().enqueueEvent({ type: 'OpportunityStageUpdate', locationId, id: String(deal.id), name: 'Deal', pipelineId: String(pipeline.id) }),
			sandbox().enqueueEvent({ type: 'OpportunityStatusUpdate', locationId, id: String(gone.id), status: 'open' }),
			sandbox().enqueueEvent({ type: 'UserUpdate', locationId, id: String(users[0].id), firstName: 'Changed' }),
			sandbox().enqueueEvent({ type: 'LocationUpdate', locationId: undefined as unknown as string, id: locationId, name: 'Renamed', companyId }),
			sandbox().enqueueEvent({ type: 'OpportunityDelete', locationId, id: String(gone.id) }),
		];
		const before = sandbox().requests.length;
		await deliver(server, { events });
		const byType = Object.fromEntries(server.started.map((delivery) => [delivery.items[0].event, delivery.items[0]]));
		expect(Object.keys(byType).sort()).toEqual(['LocationUpdate', 'OpportunityDelete', 'OpportunityStageUpdate', 'OpportunityStatusUpdate', 'UserUpdate']);
		expect(byType.OpportunityStageUpdate.fullRecord).toMatchObject({ id: deal.id, name: 'Deal', monetaryValue: 900, pipelineId: pipeline.id });
		expect(byType.OpportunityStatusUpdate).not.toHaveProperty('fullRecord');
		expect(byType.OpportunityStatusUpdate.fullRecordError).toBe(
			`The opportunity ${String(gone.id)} no longer exists in GHL (deleted after the event was sent): fullRecord not read`,
		);
		expect(byType.UserUpdate.fullRecord).toMatchObject({ id: users[0].id, email: users[0].email });
		expect(byType.LocationUpdate).toMatchObject({ locationId, fullRecord: { id: locationId } });
		expect(byType.OpportunityDelete).not.toHaveProperty('fullRecord');
		expect(byType.OpportunityDelete).not.toHaveProperty('fullRecordError');
		const reads = sandbox().requests.slice(before).filter((request) => request.method === 'GET').map((request) => request.path).sort();
		expect(reads).toEqual(
			[`/opportunities/${String(deal.id)}`, `/opportunities/${String(gone.id)}`, `/users/${String(users[0].id)}`, `/locations/${locationId}`].sort(),
		);
	});

	test('an event of another location (let in by Location IDs) is not fetched with this location\'s token', async () => {
		const credential = pitCredential(sandbox());
		const { locationId, otherLocationId } = sandbox().demo;
		const server = await trigger({ fetchFullRecord: true, locationIds: `${locationId}, ${otherLocationId}` }, credential);
		await createContact();
		await deliver(server, { overrides: { locationId: sandbox().demo.otherLocationId } });
		expect(server.started[0].items[0].fullRecordError).toMatch(/this event is from location/);
		expect(sandbox().requests.filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	// GHL waits for the webhook's answer, which comes after the read: an action node would wait out
	// the 429 (30 s here) or retry the 503 (after 500 ms); the trigger makes one attempt.
	test.each([
		['a 429 asking to wait 30 s', { kind: 'rate-limit-burst', retryAfterSeconds: 30 } as const, /429/],
		['a 503', { kind: 'status', status: 503 } as const, /503/],
	])('%s on the read: the run starts at once with fullRecordError, after exactly one request', async (_name, fault, error) => {
		const credential = pitCredential(sandbox());
		const server = await trigger({ fetchFullRecord: true, authentication: 'privateIntegration' }, credential);
		const contact = await createContact();
		const [event] = takeQueued('ContactCreate');
		sandbox().injectFault({ ...fault, count: 1, match: { method: 'GET', path: `/contacts/${String(contact.id)}` } });
		const startedAt = Date.now();
		const [result] = await deliver(server, { events: [event] });
		const answeredMs = Date.now() - startedAt;
		expect(result.status).toBe(200);
		expect(answeredMs).toBeLessThan(5_000);
		expect(server.started).toHaveLength(1);
		expect(server.started[0].items[0]).not.toHaveProperty('fullRecord');
		expect(server.started[0].items[0].fullRecordError).toMatch(error);
		expect(sandbox().requests.filter((request) => request.method === 'GET')).toHaveLength(1);
	});
});

describe('GHL Trigger: workflow webhooks (not signed by GHL)', () => {
	const workflowPayload = {
		contact_id: 'wfContact000000000001',
		first_name: 'Ada',
		email: 'ada@example.com',
		location: { id: 'loc-from-workflow', name: 'Demo' },
	};

	test('shared secret header (a credential): right secret starts, wrong, missing or repeated secret gets 401', async () => {
		const server = await trigger({ verification: 'sharedSecret', locationIds: '' }, secretCredential(SECRET, 'X-My-Secret'));
		const send = (headers: Array<[string, string]>) =>
			fetch(server.url, { method: 'POST', headers: [['content-type', 'application/json'], ...headers], body: JSON.stringify(workflowPayload) });
		const right = await send([['x-my-secret', SECRET]]);
		const wrong = await send([['x-my-secret', `${SECRET.slice(0, -1)}X`]]);
		const missing = await send([]);
		const repeated = await send([['x-my-secret', SECRET], ['x-my-secret', SECRET]]);
		expect([right.status, wrong.status, missing.status, repeated.status]).toEqual([200, 401, 401, 401]);
		expect(server.started).toHaveLength(1);
		expect(server.started[0].items[0]).toMatchObject({
			event: 'WorkflowWebhook',
			locationId: 'loc-from-workflow',
			ids: { contactId: 'wfContact000000000001' },
			payload: workflowPayload,
		});
	});

	test('verification "none" accepts unsigned requests; the untyped event can be filtered out', async () => {
		const open = await trigger({ verification: 'none', locationIds: '' });
		const filtered = await trigger({ verification: 'none', locationIds: '', events: ['ContactCreate'] });
		for (const server of [open, filtered]) {
			await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workflowPayload) });
		}
		expect(open.started).toHaveLength(1);
		expect(filtered.deliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(filtered.started).toHaveLength(0);
	});
});

describe('GHL Trigger: webhook lifecycle', () => {
	test('checkExists, create and delete are honest no-ops that succeed (GHL has no subscription API)', async () => {
		const node = {
			id: 'lifecycle',
			name: 'GHL Trigger',
			type: 'n8n-nodes-ghl.ghlTrigger',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			webhookId: 'hook-lifecycle',
			parameters: { events: ['*'], locationIds: 'SbxDemoLocation00001' },
		};
		const workflow = buildWorkflow({ nodes: [node], connections: {} });
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		const additionalData = additionalDataFor(
			new TestCredentialsHelper(nodeTypes),
			new ExecutionLifecycleHooks('trigger', 'exec', { id: workflow.id, nodes: [node], connections: {} } as unknown as IWorkflowBase),
		);
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		const context = new HookContext(workflow, workflow.getNode(node.name)!, additionalData, 'trigger', 'activate', webhookData);
		const methods = nodeType.webhookMethods!.default!;
		expect(await methods.checkExists.call(context)).toBe(true);
		expect(await methods.create.call(context)).toBe(true);
		expect(await methods.delete.call(context)).toBe(true);
		expect(context.getNodeWebhookUrl('default')).toBe('http://localhost:5678/webhook/hook-lifecycle/webhook');
		expect(sandbox().requests).toHaveLength(0);
	});

	test('a broken additional public key fails the activation, not every delivery', async () => {
		const node = {
			id: 'bad-key',
			name: 'GHL Trigger',
			type: 'n8n-nodes-ghl.ghlTrigger',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			webhookId: 'hook-bad-key',
			parameters: {
				events: ['*'],
				locationIds: 'SbxDemoLocation00001',
				options: { publicKeys: '-----BEGIN PUBLIC KEY-----\nnot-base64\n-----END PUBLIC KEY-----' },
			},
		};
		const workflow = buildWorkflow({ nodes: [node], connections: {} });
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		const additionalData = additionalDataFor(
			new TestCredentialsHelper(nodeTypes),
			new ExecutionLifecycleHooks('trigger', 'exec', { id: workflow.id, nodes: [node], connections: {} } as unknown as IWorkflowBase),
		);
		const context = new HookContext(workflow, workflow.getNode(node.name)!, additionalData, 'trigger', 'activate');
		await expect(nodeType.webhookMethods!.default!.checkExists.call(context)).rejects.toThrow(/public key could not be read/);
	});
});
