/**
 * The consoles (sandbox/console, sandbox/partners/console.ts) over real HTTP: their pages, their
 * JSON routes (records per location newest first, the request log with each refusal's message,
 * deliveries, the signed test event), and that no token or key ever reaches a page or route.
 */
import { verify as verifySignature } from 'crypto';
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { startSandbox, type Sandbox } from '../../sandbox';
import { recordKinds, sandboxConsolePage } from '../../sandbox/console';
import { MASK, maskSecrets } from '../../sandbox/console/mask';
import { consoleHtml } from '../../sandbox/console/page';
import { PARTNER_DEMO, startPartners, type Partners } from '../../sandbox/partners';
import { Store } from '../../sandbox/store';

let sb: Sandbox;
let partners: Partners;
let receiver: Server;
let receiverUrl: string;
const received: Array<{ headers: IncomingMessage['headers']; body: Buffer }> = [];

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	partners = await startPartners({ port: 0 });
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"received":true}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/abc/webhook`;
});

afterAll(async () => {
	await sb.close();
	await partners.close();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
	sb.reset();
	partners.reset();
	received.length = 0;
});

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T; text: string }> {
	const res = await fetch(url, init);
	const text = await res.text();
	return { status: res.status, body: JSON.parse(text) as T, text };
}

async function ghl(method: string, path: string, body?: unknown, token = sb.demo.privateToken) {
	return await fetch(`${sb.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, version: '2021-07-28', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

/** Every token, key and secret the sandbox and the simulators know. */
function secrets(): string[] {
	const d = sb.demo;
	const partnerSecrets = [
		PARTNER_DEMO.leadsquared.accessKey,
		PARTNER_DEMO.leadsquared.secretKey,
		PARTNER_DEMO.leadsquared.webhookHeaderValue,
		PARTNER_DEMO.dpd.apiPassword,
		PARTNER_DEMO.dpd.ipnPassword,
		PARTNER_DEMO.leadpops.apiKey,
		PARTNER_DEMO.leadcars.clienteToken,
	];
	return [d.privateToken, d.readOnlyToken, d.otherLocationToken, d.oauthClientSecret, ...partnerSecrets];
}

function expectNoSecrets(text: string, extra: string[] = []): void {
	for (const secret of [...secrets(), ...extra]) expect([secret, text.includes(secret)]).toEqual([secret, false]);
}

describe('sandbox console page', () => {
	test('GET / is the console: a page with one table per record kind the store keeps, no secrets', async () => {
		const res = await fetch(`${sb.url}/`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await res.text();
		const layout = JSON.parse(/<script type="application\/json" id="layout">(.*?)<\/script>/s.exec(html)![1]);
		// Opportunities only once the store keeps them (see the next test).
		const kinds = recordKinds(new Store());
		expect(kinds).toEqual(expect.arrayContaining(['contacts', 'tasks', 'notes', 'appointments']));
		expect(layout.tables.map((t: { id: string }) => t.id)).toEqual([...kinds, 'requests', 'deliveries']);
		expect(layout.sendEvent.action).toBe('/_sandbox/console/events');
		expectNoSecrets(html);
		// Not an API call: the request log does not list it.
		expect(sb.requests).toHaveLength(0);
	});

	test('a store that keeps opportunities gets their table; one that does not, none', () => {
		const store = new Store();
		delete (store as unknown as { opportunities?: unknown }).opportunities;
		expect(sandboxConsolePage(store)).not.toContain('"opportunities"');
		(store as unknown as { opportunities: Map<string, unknown> }).opportunities = new Map();
		expect(sandboxConsolePage(store)).toContain('"id":"opportunities"');
	});

	test('data cannot close the page script: "<" in the layout is escaped', () => {
		const html = consoleHtml({ title: 'x</script><script>alert(1)</script>', intro: '</script>', tables: [] });
		expect(html.match(/<\/script>/g)).toHaveLength(2);
		expect(html).not.toContain('<script>alert(1)');
	});
});

describe('sandbox console JSON routes', () => {
	test('locations with their record counts', async () => {
		const { body } = await json<Array<{ id: string; counts: Record<string, number> }>>(`${sb.url}/_sandbox/console/locations`);
		const snapshot = sb.snapshot() as Record<string, Array<{ locationId: string }>>;
		expect(body.map((l) => l.id)).toEqual([sb.demo.locationId, sb.demo.otherLocationId, sb.demo.thirdLocationId]);
		for (const location of body) {
			for (const kind of ['contacts', 'tasks', 'notes', 'appointments']) {
				expect(location.counts[kind]).toBe(snapshot[kind].filter((r) => r.locationId === location.id).length);
			}
		}
		expect(body[0].counts.contacts).toBeGreaterThan(0);
	});

	test('records of one location, newest first: a contact just written comes first', async () => {
		const created = await ghl('POST', '/contacts/', { locationId: sb.demo.locationId, firstName: 'Nova', email: 'nova@example.com' });
		expect(created.status).toBe(201);
		const { body } = await json<Array<{ email: string; locationId: string; dateUpdated: string }>>(
			`${sb.url}/_sandbox/console/records?kind=contacts&location=${sb.demo.locationId}`,
		);
		expect(body[0].email).toBe('nova@example.com');
		expect(body.every((c) => c.locationId === sb.demo.locationId)).toBe(true);
		const times = body.map((c) => Date.parse(c.dateUpdated));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const other = await json<Array<{ locationId: string }>>(`${sb.url}/_sandbox/console/records?kind=contacts&location=${sb.demo.otherLocationId}`);
		expect(other.body.length).toBeGreaterThan(0);
		expect(other.body.every((c) => c.locationId === sb.demo.otherLocationId)).toBe(true);
		const bad = await json<{ message: string }>(`${sb.url}/_sandbox/console/records?kind=tokens`);
		expect(bad.status).toBe(400);
		expect(bad.body.message).toContain('contacts, tasks, notes, appointments');
	});

	test('the request log: each call with "valid" or the refusal message GHL would answer, tokens masked', async () => {
		expect((await ghl('POST', '/contacts/', { locationId: sb.demo.locationId, email: 'not-an-email' })).status).toBe(422);
		expect((await ghl('GET', `/contacts/?locationId=${sb.demo.locationId}`, undefined, 'wrong-token')).status).toBe(401);
		expect((await ghl('POST', '/contacts/search', { locationId: sb.demo.locationId, pageLimit: 1 })).status).toBe(200);
		const oauth = await fetch(`${sb.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: sb.demo.oauthClientId, client_secret: sb.demo.oauthClientSecret, grant_type: 'refresh_token', refresh_token: 'r-secret-123456' }).toString(),
		});
		expect(oauth.status).toBeGreaterThanOrEqual(400);

		const { body, text } = await json<Array<{ path: string; status: number; result: string; headers: Record<string, string>; body: Record<string, unknown> }>>(
			`${sb.url}/_sandbox/console/requests`,
		);
		expect(body.map((r) => [r.path, r.status])).toEqual([
			['/oauth/token', oauth.status],
			['/contacts/search', 200],
			['/contacts/', 401],
			['/contacts/', 422],
		]);
		expect(body[1].result).toBe('valid');
		expect(body[3].result).toBe('email must be an email');
		expect(body[2].result).not.toBe('valid');
		expect(body[2].result.length).toBeGreaterThan(0);
		expect(body[1].headers.authorization).toBe(`Bearer ${MASK}`);
		expect(body[0].body).toMatchObject({ client_secret: MASK, refresh_token: MASK, client_id: sb.demo.oauthClientId });
		expectNoSecrets(text, ['wrong-token', 'r-secret-123456']);
	});

	test('a signed test event: built from the chosen record, delivered, verifiable, and listed with its answer', async () => {
		const contacts = sb.snapshot().contacts as Array<{ id: string; email: string; locationId: string }>;
		const grace = contacts.find((c) => c.email === 'grace.hopper@example.com')!;
		const sent = await json<{ status: number; eventType: string; webhookId: string; body: string }>(`${sb.url}/_sandbox/console/events`, {
			method: 'POST',
			body: JSON.stringify({ url: receiverUrl, type: 'ContactTagUpdate', locationId: sb.demo.locationId, recordId: grace.id, payload: { tags: ['vip'] } }),
		});
		expect(sent.status).toBe(200);
		expect(sent.body).toMatchObject({ status: 200, eventType: 'ContactTagUpdate', body: '{"received":true}' });
		expect(received).toHaveLength(1);
		const event = JSON.parse(received[0].body.toString('utf8'));
		expect(event).toMatchObject({ type: 'ContactTagUpdate', locationId: sb.demo.locationId, id: grace.id, email: grace.email, tags: ['vip'], webhookId: sent.body.webhookId });
		expect(Date.now() - Date.parse(event.timestamp)).toBeLessThan(60_000);
		// Signed over the exact bytes, with the sandbox's key (as GHL signs with its own).
		const signature = Buffer.from(String(received[0].headers['x-ghl-signature']), 'base64');
		expect(verifySignature(null, received[0].body, sb.publicKeys.ed25519, signature)).toBe(true);
		expect(received[0].headers['x-wh-signature']).toBeDefined();

		// Without a record id: the location's newest record of that kind; other types from the JSON alone.
		const task = await json<{ status: number }>(`${sb.url}/_sandbox/console/events`, { method: 'POST', body: JSON.stringify({ url: receiverUrl, type: 'TaskComplete' }) });
		expect(task.body.status).toBe(200);
		const newestTask = (await json<Array<{ id: string }>>(`${sb.url}/_sandbox/console/records?kind=tasks&location=${sb.demo.locationId}`)).body[0];
		expect(JSON.parse(received[1].body.toString('utf8'))).toMatchObject({ type: 'TaskComplete', id: newestTask.id });
		await json(`${sb.url}/_sandbox/console/events`, {
			method: 'POST',
			body: JSON.stringify({ url: receiverUrl, type: 'OpportunityCreate', payload: { id: 'opp1', name: 'Big deal' }, signature: 'none' }),
		});
		const opportunity = received[2];
		expect(JSON.parse(opportunity.body.toString('utf8'))).toMatchObject({ type: 'OpportunityCreate', locationId: sb.demo.locationId, id: 'opp1', name: 'Big deal' });
		expect(opportunity.headers['x-ghl-signature']).toBeUndefined();

		const deliveries = await json<Array<{ eventType: string; status: number; target: string }>>(`${sb.url}/_sandbox/console/deliveries`);
		expect(deliveries.body.map((d) => d.eventType)).toEqual(['OpportunityCreate', 'TaskComplete', 'ContactTagUpdate']);
		expect(deliveries.body.every((d) => d.status === 200 && d.target === receiverUrl)).toBe(true);
	});

	test.each([
		[{ url: 'ftp://x', type: 'ContactCreate' }, 400, 'url must be'],
		[{ url: 'http://127.0.0.1:1/x', type: 'Contact Create' }, 400, 'type must be'],
		[{ url: 'http://127.0.0.1:1/x', type: 'ContactCreate', recordId: 'nope' }, 404, 'No contact nope'],
		[{ url: 'http://127.0.0.1:1/x', type: 'NoteCreate', locationId: 'SbxOtherLocation0002' }, 404, 'has no notes'],
		[{ url: 'http://127.0.0.1:1/x', type: 'ContactCreate', locationId: 'elsewhere' }, 404, 'Unknown location'],
		[{ url: 'http://127.0.0.1:1/x', type: 'ContactCreate', payload: [1] }, 400, 'payload must be'],
		[{ url: 'http://127.0.0.1:1/x', type: 'ContactCreate', signature: 'weak' }, 400, 'signature must be'],
	])('a test event the console cannot send: %j → %i', async (request, status, message) => {
		const res = await json<{ message: string }>(`${sb.url}/_sandbox/console/events`, { method: 'POST', body: JSON.stringify(request) });
		expect(res.status).toBe(status);
		expect(res.body.message).toContain(message);
		expect(received).toHaveLength(0);
	});

	test('maskSecrets masks credential-named fields at any depth, keeps the rest', () => {
		expect(
			maskSecrets({ headers: { authorization: 'Basic abc', 'x-api-key': 'k', accept: '*/*' }, nested: [{ refresh_token: 't', code: 'c', codeName: 'x' }] }),
		).toEqual({ headers: { authorization: `Basic ${MASK}`, 'x-api-key': MASK, accept: '*/*' }, nested: [{ refresh_token: MASK, code: MASK, codeName: 'x' }] });
	});
});

describe('partner simulators console', () => {
	const lsq = (route: string, init: RequestInit = {}) =>
		fetch(`${partners.url}/leadsquared/v2/${route}${route.includes('?') ? '&' : '?'}accessKey=${PARTNER_DEMO.leadsquared.accessKey}&secretKey=${PARTNER_DEMO.leadsquared.secretKey}`, init);

	test('GET / is its console page, with a table per partner record kind and the request log', async () => {
		const res = await fetch(`${partners.url}/`);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await res.text();
		const layout = JSON.parse(/<script type="application\/json" id="layout">(.*?)<\/script>/s.exec(html)![1]);
		expect(layout.tables.map((t: { id: string }) => t.id)).toEqual([
			'leadsquared-leads',
			'leadsquared-activities',
			'leadsquared-tasks',
			'leadsquared-notes',
			'dpd-purchases',
			'leadcars-leads',
			'leadpops-leads',
			'anyapp-records',
			'anyapp-notes',
			'anyapp-tasks',
			'requests',
		]);
		expectNoSecrets(html);
		expect(partners.requests).toHaveLength(0);
	});

	test('records newest first: a lead captured now comes first; DPD, LeadCars and leadPops seeds by date', async () => {
		const capture = await lsq('LeadManagement.svc/Lead.Capture', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify([{ Attribute: 'EmailAddress', Value: 'new.lead@example.com' }, { Attribute: 'FirstName', Value: 'New' }]),
		});
		expect(capture.status).toBe(200);
		const leads = await json<Array<{ EmailAddress: string }>>(`${partners.url}/_console/leadsquared-leads`);
		expect(leads.body[0].EmailAddress).toBe('new.lead@example.com');
		expect(leads.body).toHaveLength(partners.leadsquared.leads().length);
		const purchases = await json<Array<{ id: number }>>(`${partners.url}/_console/dpd-purchases`);
		expect(purchases.body.map((p) => p.id)).toEqual([18937195, 18937190, 18937181]);
		const leadPops = await json<Array<{ email: string }>>(`${partners.url}/_console/leadpops-leads`);
		expect(leadPops.body.map((l) => l.email)).toEqual(['derek.simmons@example.com', 'alicia.gomez@example.com', 'old.lead@example.com']);
		const leadCars = await json<Array<{ id: number }>>(`${partners.url}/_console/leadcars-leads`);
		expect(leadCars.body.map((l) => l.id)).toEqual([799121, 799119]);
	});

	test('the request log: newest first, keys masked wherever they were sent; console calls not recorded', async () => {
		await lsq('LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=priya.raman@example.com');
		await fetch(`${partners.url}/leadcars/api/v2/tipos`, { headers: { 'cliente-token': 'wrong' } });
		const { body, text } = await json<Array<{ partner: string; status: number; authorized: boolean; query: Record<string, string> }>>(`${partners.url}/_console/requests`);
		expect(body.map((r) => [r.partner, r.authorized])).toEqual([
			['leadcars', false],
			['leadsquared', true],
		]);
		expect(body[1].query).toMatchObject({ accessKey: MASK, secretKey: MASK, emailaddress: 'priya.raman@example.com' });
		expectNoSecrets(text, ['wrong']);
		expect(partners.requests).toHaveLength(2);
		expect((await fetch(`${partners.url}/_console/passwords`)).status).toBe(404);
	});
});
