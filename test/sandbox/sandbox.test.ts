/**
 * The GHL sandbox itself, over real HTTP: it must refuse what GHL refuses, and answer
 * GHL's shapes. Each assertion here can fail if the sandbox drifts from the contract.
 */
import { createServer, type IncomingMessage, type Server } from 'http';
import { createVerify, verify as verifySignature } from 'crypto';
import type { AddressInfo } from 'net';
import { startSandbox, type Sandbox } from '../../sandbox';
import { assertNoResponseMismatches } from '../harness/fixtures';

const CONTACTS_VERSION = '2021-07-28';
const CALENDARS_VERSION = '2021-04-15';

interface CallOptions {
	token?: string | null;
	version?: string | null;
	body?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
}

async function call(sb: Sandbox, method: string, path: string, opts: CallOptions = {}) {
	const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
	const token = opts.token === undefined ? sb.demo.privateToken : opts.token;
	if (token) headers.authorization = `Bearer ${token}`;
	const version = opts.version === undefined ? (path.startsWith('/calendars') ? CALENDARS_VERSION : CONTACTS_VERSION) : opts.version;
	if (version) headers.version = version;
	let body: string | undefined;
	if (opts.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(opts.form).toString();
	} else if (opts.body !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(opts.body);
	}
	const res = await fetch(`${sb.url}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GHL sandbox', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, refreshGraceMs: 300, validateResponses: true });
	});
	beforeEach(() => sb.reset());
	afterEach(() => assertNoResponseMismatches(sb));
	afterAll(() => sb.close());

	describe('contract checks', () => {
		it('refuses a missing or wrong Version header with 401', async () => {
			const q = `/contacts/?locationId=${sb.demo.locationId}`;
			expect(await call(sb, 'GET', q, { version: null })).toMatchObject({
				status: 401,
				json: { statusCode: 401, message: 'version header was not found.' },
			});
			expect(await call(sb, 'GET', q, { version: '2021-04-15' })).toMatchObject({
				status: 401,
				json: { message: 'version header is invalid' },
			});
			// Appointments need the calendars version, not the contacts one.
			const appointment = await call(sb, 'GET', '/calendars/events/appointments/whatever', { version: CONTACTS_VERSION });
			expect(appointment.json.message).toBe('version header is invalid');
			expect((await call(sb, 'GET', q)).status).toBe(200);
		});

		it('matches spec paths exactly (trailing slash) and answers NestJS 404s otherwise', async () => {
			const res = await call(sb, 'POST', '/contacts', { body: { locationId: sb.demo.locationId } });
			expect(res).toMatchObject({ status: 404, json: { statusCode: 404, message: 'Cannot POST /contacts' } });
			expect((await call(sb, 'POST', '/contacts/', { body: { locationId: sb.demo.locationId, firstName: 'Slash' } })).status).toBe(201);
		});

		it('requires locationId (query → 400, body → 422)', async () => {
			const list = await call(sb, 'GET', '/contacts/');
			expect(list.status).toBe(400);
			expect(list.json).toEqual({ statusCode: 400, message: 'locationId should not be empty' });
			const create = await call(sb, 'POST', '/contacts/', { body: { firstName: 'No Location' } });
			expect(create.status).toBe(422);
			expect(create.json.error).toBe('Unprocessable Entity');
			expect(create.json.message).toContain('locationId should not be empty');
		});

		it('refuses unknown body properties, bad types, bad email and bad dates with 422 and no side effects', async () => {
			const before = Object.keys(sb.snapshot().contacts as object[]).length;
			const res = await call(sb, 'POST', '/contacts/', {
				body: { locationId: sb.demo.locationId, email: 'not-an-email', nickname: 'x', tags: 'vip' },
			});
			expect(res.status).toBe(422);
			expect(res.json.message).toEqual(
				expect.arrayContaining(['property nickname should not exist', 'tags must be an array', 'email must be an email']),
			);
			expect(Object.keys(sb.snapshot().contacts as object[]).length).toBe(before);
			expect(sb.queuedEvents()).toHaveLength(0);

			const contactId = (sb.snapshot().contacts as { id: string }[])[0].id;
			const task = await call(sb, 'POST', `/contacts/${contactId}/tasks`, {
				body: { title: 'T', dueDate: 'next tuesday', completed: false },
			});
			expect(task.status).toBe(422);
			expect(task.json.message).toContain('dueDate must be a valid ISO 8601 date string');
			const limit = await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}&limit=101`);
			expect(limit).toMatchObject({ status: 400, json: { message: 'limit must not be greater than 100' } });
			const search = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.demo.locationId, pageLimit: 501 } });
			expect(search.status).toBe(422);
			expect(search.json.message).toContain('pageLimit must not be greater than 500');
		});

		it('refuses duplicates when the location does not allow them', async () => {
			const body = { locationId: sb.demo.locationId, email: 'Dup@Example.com', firstName: 'Dup' };
			const first = await call(sb, 'POST', '/contacts/', { body });
			expect(first.status).toBe(201);
			expect(first.json.contact.email).toBe('dup@example.com');
			const second = await call(sb, 'POST', '/contacts/', { body });
			expect(second).toMatchObject({
				status: 400,
				json: {
					message: 'This location does not allow duplicated contacts.',
					meta: { contactId: first.json.contact.id, matchingField: 'email' },
				},
			});
		});

		it('gives deterministic ids again after reset()', async () => {
			const create = () => call(sb, 'POST', '/contacts/', { body: { locationId: sb.demo.locationId, firstName: 'Same' } });
			const a = (await create()).json.contact.id;
			sb.reset();
			const b = (await create()).json.contact.id;
			expect(a).toMatch(/^[A-Za-z0-9]{20}$/);
			expect(b).toBe(a);
		});
	});

	describe('auth', () => {
		it('answers 401 for missing and unknown tokens', async () => {
			const q = `/contacts/?locationId=${sb.demo.locationId}`;
			const expected = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };
			expect(await call(sb, 'GET', q, { token: null })).toMatchObject({ status: 401, json: expected });
			expect(await call(sb, 'GET', q, { token: 'sandbox-pit-nope' })).toMatchObject({ status: 401, json: expected });
		});

		it('checks scopes with the read-only token', async () => {
			const token = sb.demo.readOnlyToken;
			expect((await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`, { token })).status).toBe(200);
			const write = await call(sb, 'POST', '/contacts/', { token, body: { locationId: sb.demo.locationId, firstName: 'X' } });
			expect(write).toMatchObject({ status: 401, json: { message: 'The token is not authorized for this scope.' } });
		});

		it('refuses other locations with 403', async () => {
			const res = await call(sb, 'GET', `/contacts/?locationId=${sb.demo.otherLocationId}`);
			expect(res).toMatchObject({
				status: 403,
				json: { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' },
			});
			const otherContact = (sb.snapshot().contacts as { id: string; locationId: string }[]).find(
				(c) => c.locationId === sb.demo.otherLocationId,
			)!;
			expect((await call(sb, 'GET', `/contacts/${otherContact.id}`)).status).toBe(403);
			expect((await call(sb, 'GET', `/contacts/${otherContact.id}`, { token: sb.demo.otherLocationToken })).status).toBe(200);
		});

		it('refuses an agency (Company) token on sub-account endpoints', async () => {
			const company = sb.issueOAuthTokens({ userType: 'Company' });
			expect(company.userType).toBe('Company');
			expect(company.locationId).toBeUndefined();
			const res = await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`, { token: company.access_token });
			expect(res).toMatchObject({ status: 401, json: { message: 'The token is not authorized for this scope.' } });
		});
	});

	describe('OAuth', () => {
		it('runs the authorization-code flow with single-use codes (client credentials via Basic auth)', async () => {
			const authorize = new URL(`${sb.url}/oauth/chooselocation`);
			authorize.search = new URLSearchParams({
				response_type: 'code',
				client_id: sb.demo.oauthClientId,
				redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
				scope: 'contacts.readonly contacts.write',
				state: 'xyz',
			}).toString();
			const redirect = await fetch(authorize, { redirect: 'manual' });
			expect(redirect.status).toBe(302);
			const location = new URL(redirect.headers.get('location')!);
			expect(location.searchParams.get('state')).toBe('xyz');
			const code = location.searchParams.get('code')!;
			const basic = Buffer.from(`${sb.demo.oauthClientId}:${sb.demo.oauthClientSecret}`).toString('base64');
			const form = { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback' };
			const token = await call(sb, 'POST', '/oauth/token', { token: null, version: null, form, headers: { authorization: `Basic ${basic}` } });
			expect(token.status).toBe(200);
			expect(token.json).toMatchObject({
				token_type: 'Bearer',
				expires_in: 86399,
				userType: 'Location',
				locationId: sb.demo.locationId,
				scope: 'contacts.readonly contacts.write',
			});
			expect(typeof token.json.refresh_token).toBe('string');
			const reuse = await call(sb, 'POST', '/oauth/token', { token: null, version: null, form, headers: { authorization: `Basic ${basic}` } });
			expect(reuse).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
			const use = await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`, { token: token.json.access_token });
			expect(use.status).toBe(200);
		});

		it('rotates refresh tokens, honours the grace window, then refuses the old one', async () => {
			const initial = sb.issueOAuthTokens();
			const refresh = (refreshToken: string) =>
				call(sb, 'POST', '/oauth/token', {
					token: null,
					version: null,
					form: {
						client_id: sb.demo.oauthClientId,
						client_secret: sb.demo.oauthClientSecret,
						grant_type: 'refresh_token',
						refresh_token: refreshToken,
						user_type: 'Location',
					},
				});
			const first = await refresh(initial.refresh_token!);
			expect(first.status).toBe(200);
			expect(first.json.refresh_token).not.toBe(initial.refresh_token);
			expect(first.json.access_token).not.toBe(initial.access_token);
			const again = await refresh(initial.refresh_token!);
			expect(again.status).toBe(200);
			expect(again.json.access_token).toBe(first.json.access_token);
			expect(again.json.refresh_token).toBe(first.json.refresh_token);
			await sleep(350);
			const late = await refresh(initial.refresh_token!);
			expect(late).toMatchObject({ status: 400, json: { error: 'invalid_grant', error_description: 'Invalid refresh token' } });
			const next = await refresh(first.json.refresh_token);
			expect(next.status).toBe(200);
			const badClient = await call(sb, 'POST', '/oauth/token', {
				token: null,
				version: null,
				form: { client_id: sb.demo.oauthClientId, client_secret: 'wrong', grant_type: 'refresh_token', refresh_token: next.json.refresh_token },
			});
			expect(badClient).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
		});

		it('expires access tokens (on demand and after the TTL)', async () => {
			const tokens = sb.issueOAuthTokens();
			const q = `/contacts/?locationId=${sb.demo.locationId}`;
			expect((await call(sb, 'GET', q, { token: tokens.access_token })).status).toBe(200);
			sb.expireAccessTokens();
			expect((await call(sb, 'GET', q, { token: tokens.access_token })).json.message).toBe('Invalid token: access token is invalid');
			expect((await call(sb, 'GET', q)).status).toBe(200); // PITs do not expire

			const shortLived = await startSandbox({ port: 0, accessTokenTtlSeconds: 1 });
			try {
				const t = shortLived.issueOAuthTokens();
				expect(t.expires_in).toBe(1);
				expect((await call(shortLived, 'GET', q, { token: t.access_token })).status).toBe(200);
				await sleep(1050);
				expect((await call(shortLived, 'GET', q, { token: t.access_token })).status).toBe(401);
			} finally {
				await shortLived.close();
			}
		});
	});

	describe('rate limits and faults', () => {
		it('answers 429 with GHL headers over the burst limit, per token × location, and recovers', async () => {
			const limited = await startSandbox({ port: 0, rateLimit: { max: 3, intervalMs: 400, daily: 1000 } });
			try {
				const q = `/contacts/?locationId=${limited.demo.locationId}&limit=1`;
				const remaining: string[] = [];
				for (let i = 0; i < 3; i++) {
					const res = await call(limited, 'GET', q);
					expect(res.status).toBe(200);
					remaining.push(res.headers.get('x-ratelimit-remaining')!);
				}
				expect(remaining).toEqual(['2', '1', '0']);
				const refused = await call(limited, 'GET', q);
				expect(refused.status).toBe(429);
				expect(refused.json).toEqual({ statusCode: 429, message: 'Too Many Requests' });
				expect(refused.headers.get('x-ratelimit-max')).toBe('3');
				expect(refused.headers.get('x-ratelimit-interval-milliseconds')).toBe('400');
				expect(refused.headers.get('x-ratelimit-limit-daily')).toBe('1000');
				expect(refused.headers.get('x-ratelimit-daily-remaining')).toBe('997'); // refusals are not counted
				expect(limited.stats().rateLimited).toBe(1);
				// Another PIT/location has its own budget.
				const other = await call(limited, 'GET', `/contacts/?locationId=${limited.demo.otherLocationId}`, {
					token: limited.demo.otherLocationToken,
				});
				expect(other.status).toBe(200);
				await sleep(420);
				expect((await call(limited, 'GET', q)).status).toBe(200);
			} finally {
				await limited.close();
			}
		});

		it('injects status, latency, reset and rate-limit-burst faults before any state change', async () => {
			const body = { locationId: sb.demo.locationId, email: 'fault@example.com' };
			sb.injectFault({ kind: 'status', status: 503, count: 1, match: { method: 'POST', path: '/contacts/' } });
			const failed = await call(sb, 'POST', '/contacts/', { body });
			expect(failed.status).toBe(503);
			expect(sb.queuedEvents()).toHaveLength(0);
			expect((await call(sb, 'POST', '/contacts/', { body })).status).toBe(201); // count consumed, nothing was created before

			sb.injectFault({ kind: 'latency', ms: 150, count: 1 });
			const started = Date.now();
			expect((await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`)).status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);

			sb.injectFault({ kind: 'reset', count: 1, match: { path: '^/contacts/search$' } });
			await expect(call(sb, 'POST', '/contacts/search', { body: { locationId: sb.demo.locationId, pageLimit: 1 } })).rejects.toThrow();

			sb.injectFault({ kind: 'rate-limit-burst', count: 2 });
			const burst = await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`);
			expect(burst.status).toBe(429);
			expect(burst.headers.get('x-ratelimit-remaining')).toBe('0');
			expect((await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`)).status).toBe(429);
			expect((await call(sb, 'GET', `/contacts/?locationId=${sb.demo.locationId}`)).status).toBe(200);
		});
	});

	describe('search', () => {
		it('pages with searchAfter and keeps the filters', async () => {
			const filters = [{ field: 'tags', operator: 'eq', value: 'newsletter' }];
			const seen: string[] = [];
			let searchAfter: unknown[] | undefined;
			for (let page = 0; page < 5; page++) {
				const res = await call(sb, 'POST', '/contacts/search', {
					body: { locationId: sb.demo.locationId, pageLimit: 3, filters, ...(searchAfter ? { searchAfter } : {}) },
				});
				expect(res.status).toBe(200);
				expect(res.json.total).toBe(8);
				for (const c of res.json.contacts) {
					expect(c.tags).toContain('newsletter');
					expect(Array.isArray(c.searchAfter)).toBe(true);
					seen.push(c.id);
				}
				if (res.json.contacts.length < 3) break;
				searchAfter = res.json.contacts[res.json.contacts.length - 1].searchAfter;
			}
			expect(seen).toHaveLength(8);
			expect(new Set(seen).size).toBe(8);
		});

		it('supports OR groups, range and sort', async () => {
			const res = await call(sb, 'POST', '/contacts/search', {
				body: {
					locationId: sb.demo.locationId,
					pageLimit: 50,
					filters: [
						{ group: 'OR', filters: [{ field: 'firstName', operator: 'eq', value: 'ada' }, { field: 'email', operator: 'contains', value: 'hopper' }] },
						{ field: 'dateAdded', operator: 'range', value: { gte: '2025-01-01T00:00:00Z' } },
					],
					sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
				},
			});
			expect(res.status).toBe(200);
			expect(res.json.contacts.map((c: { firstName: string }) => c.firstName)).toEqual(['Ada', 'Grace']);
			const bad = await call(sb, 'POST', '/contacts/search', {
				body: { locationId: sb.demo.locationId, pageLimit: 5, filters: [{ field: 'shoeSize', operator: 'eq', value: 1 }] },
			});
			expect(bad.status).toBe(422);
		});
	});

	describe('appointments', () => {
		it('creates, reads, refuses a taken slot, and deletes with the calendars contract', async () => {
			const contactId = (sb.snapshot().contacts as { id: string }[])[3].id;
			const body = {
				calendarId: sb.demo.calendarIds[1],
				locationId: sb.demo.locationId,
				contactId,
				startTime: '2031-02-03T10:00:00-05:00',
			};
			const created = await call(sb, 'POST', '/calendars/events/appointments', { body });
			expect(created.status).toBe(200);
			expect(created.json).toMatchObject({ contactId, endTime: '2031-02-03T11:00:00-05:00', appointmentStatus: 'confirmed' });
			const got = await call(sb, 'GET', `/calendars/events/appointments/${created.json.id}`);
			expect(got.json.event).toMatchObject({ id: created.json.id, calendarId: body.calendarId });
			expect((await call(sb, 'POST', '/calendars/events/appointments', { body })).status).toBe(400);
			const forced = await call(sb, 'POST', '/calendars/events/appointments', { body: { ...body, ignoreFreeSlotValidation: true } });
			expect(forced.status).toBe(200);
			const deleted = await call(sb, 'DELETE', `/calendars/events/${created.json.id}`, { body: {} });
			expect(deleted).toMatchObject({ status: 201, json: { succeeded: true } });
			const events = sb.queuedEvents();
			expect(events.map((e) => e.type)).toEqual(['AppointmentCreate', 'AppointmentCreate', 'AppointmentDelete']);
			expect(events[0].appointment).toMatchObject({ id: created.json.id, contactId });
		});
	});

	describe('availability schedules', () => {
		const search = (userId: string, extra = '') => call(sb, 'GET', `/calendars/schedules/search?locationId=${sb.demo.locationId}&userId=${userId}${extra}`);

		it('are a user\'s, searched by user (and calendar), read by id, 404 once deleted, 403 for another location', async () => {
			const [, seller, support, other] = sb.demo.userIds;
			expect((await call(sb, 'GET', `/calendars/schedules/search?locationId=${sb.demo.locationId}`)).status).toBe(400);
			const sellers = await search(seller);
			expect(sellers).toMatchObject({ status: 200, json: { schedules: [{ name: 'Working hours', userId: seller, calendarIds: [sb.demo.calendarIds[0]], deleted: false }] } });
			expect((await search(support)).json.schedules.map((schedule: { name: string }) => schedule.name)).toEqual(['Support hours']);
			expect((await search(seller, `&calendarId=${sb.demo.calendarIds[1]}`)).json.schedules).toEqual([]);
			const id = sellers.json.schedules[0].id;
			expect(await call(sb, 'GET', `/calendars/schedules/${id}`)).toMatchObject({ status: 200, json: { schedule: sellers.json.schedules[0] } });
			expect((await call(sb, 'GET', '/calendars/schedules/SbxUnknownSchedule01')).status).toBe(404);
			const foreign = await call(sb, 'GET', `/calendars/schedules/search?locationId=${sb.demo.otherLocationId}&userId=${other}`, { token: sb.demo.otherLocationToken });
			expect((await call(sb, 'GET', `/calendars/schedules/${foreign.json.schedules[0].id}`)).status).toBe(403);
			expect(await call(sb, 'DELETE', `/calendars/schedules/${id}`)).toMatchObject({ status: 200, json: { success: true } });
			expect((await call(sb, 'GET', `/calendars/schedules/${id}`)).status).toBe(404);
			expect((await call(sb, 'DELETE', `/calendars/schedules/${id}`)).status).toBe(404);
			expect((await search(seller)).json.schedules).toEqual([]);
		});

		it('are created for a user and calendars of the location only; linking a calendar shows in the read', async () => {
			const { locationId, userIds, calendarIds } = sb.demo;
			const rules = [{ type: 'wday', day: 'monday', intervals: [{ from: '09:00', to: '12:00' }] }];
			const body = { locationId, userId: userIds[2], name: 'Mornings', timezone: 'America/New_York', rules };
			expect((await call(sb, 'POST', '/calendars/schedules', { body: { ...body, userId: userIds[3] } })).status).toBe(400);
			expect((await call(sb, 'POST', '/calendars/schedules', { body: { ...body, calendarIds: [calendarIds[2]] } })).status).toBe(400);
			expect((await call(sb, 'POST', '/calendars/schedules', { body: { ...body, timezone: 'Mars/Olympus' } })).status).toBe(422);
			expect((await call(sb, 'POST', '/calendars/schedules', { body: { ...body, rules: [{ type: 'date', intervals: rules[0].intervals }] } })).json.message).toEqual([
				'rules.0.date is required for a date rule',
			]);
			const created = await call(sb, 'POST', '/calendars/schedules', { body: { ...body, calendarIds: [calendarIds[0]] } });
			expect(created).toMatchObject({ status: 201, json: { schedule: { ...body, calendarIds: [calendarIds[0]], deleted: false } } });
			const path = `/calendars/schedules/${created.json.schedule.id}`;
			expect(await call(sb, 'PUT', `${path}/associations/${calendarIds[1]}`)).toMatchObject({ status: 200, json: { success: true } });
			expect((await call(sb, 'PUT', `${path}/associations/${calendarIds[2]}`)).status).toBe(404);
			expect((await call(sb, 'GET', path)).json.schedule.calendarIds).toEqual([calendarIds[0], calendarIds[1]]);
			expect(await call(sb, 'DELETE', `${path}/associations/${calendarIds[0]}`)).toMatchObject({ status: 200, json: { success: true } });
			expect((await call(sb, 'DELETE', `${path}/associations/${calendarIds[0]}`)).status).toBe(404);
			const updated = await call(sb, 'PUT', path, { body: { name: 'Late mornings' } });
			expect(updated).toMatchObject({ status: 200, json: { schedule: { name: 'Late mornings', rules, timezone: 'America/New_York', calendarIds: [calendarIds[1]] } } });
			expect((await call(sb, 'PUT', path, { body: { locationId } })).status).toBe(422);
		});
	});

	describe('webhooks', () => {
		let target: Server;
		let targetUrl: string;
		const received: { headers: IncomingMessage['headers']; raw: Buffer }[] = [];
		beforeAll(async () => {
			target = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
					res.end('ok');
				});
			});
			await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
			targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/hook`;
		});
		afterAll(() => new Promise<void>((r) => target.close(() => r())));
		beforeEach(() => {
			received.length = 0;
		});

		const verifyEd = (raw: Buffer, sig: string) => verifySignature(null, raw, sb.publicKeys.ed25519, Buffer.from(sig, 'base64'));
		const verifyRsa = (raw: Buffer, sig: string) => createVerify('SHA256').update(raw).verify(sb.publicKeys.rsa, sig, 'base64');

		it('queues GHL-shaped events and signs the exact body with Ed25519 and RSA', async () => {
			const created = await call(sb, 'POST', '/contacts/', {
				body: { locationId: sb.demo.locationId, firstName: 'Hook', email: 'hook@example.com', tags: ['Webhook'] },
			});
			const id = created.json.contact.id;
			await call(sb, 'POST', `/contacts/${id}/tags`, { body: { tags: ['second'] } });
			const results = await sb.deliverWebhooks({ targets: [targetUrl] });
			expect(results.map((r) => [r.eventType, r.status])).toEqual([
				['ContactCreate', 200],
				['ContactTagUpdate', 200],
			]);
			expect(sb.queuedEvents()).toHaveLength(0);
			const [create] = received;
			const payload = JSON.parse(create.raw.toString('utf8'));
			expect(payload).toMatchObject({ type: 'ContactCreate', id, locationId: sb.demo.locationId, tags: ['webhook'] });
			expect(payload.webhookId).toMatch(/^[0-9a-f-]{36}$/);
			expect(Number.isNaN(Date.parse(payload.timestamp))).toBe(false);
			expect(create.headers['content-type']).toBe('application/json');
			expect(verifyEd(create.raw, String(create.headers['x-ghl-signature']))).toBe(true);
			expect(verifyRsa(create.raw, String(create.headers['x-wh-signature']))).toBe(true);
		});

		it('can tamper, forge or omit signatures', async () => {
			await call(sb, 'POST', '/contacts/', { body: { locationId: sb.demo.locationId, firstName: 'Bad' } });
			const [event] = sb.queuedEvents();
			await sb.deliverWebhooks({ targets: [targetUrl], events: [event], tamper: true });
			await sb.deliverWebhooks({ targets: [targetUrl], events: [event], signature: 'forged' });
			await sb.deliverWebhooks({ targets: [targetUrl], events: [event], signature: 'none', overrides: { timestamp: '2020-01-01T00:00:00.000Z' } });
			const [tampered, forged, unsigned] = received;
			expect(verifyEd(tampered.raw, String(tampered.headers['x-ghl-signature']))).toBe(false);
			expect(verifyRsa(tampered.raw, String(tampered.headers['x-wh-signature']))).toBe(false);
			expect(verifyEd(forged.raw, String(forged.headers['x-ghl-signature']))).toBe(false);
			expect(verifyRsa(forged.raw, String(forged.headers['x-wh-signature']))).toBe(false);
			expect(unsigned.headers['x-ghl-signature']).toBeUndefined();
			expect(JSON.parse(unsigned.raw.toString()).timestamp).toBe('2020-01-01T00:00:00.000Z');
			expect(sb.queuedEvents()).toHaveLength(1); // explicit events leave the queue alone
		});
	});

	it('serves the admin API without recording or rate-limiting it', async () => {
		const info = await (await fetch(`${sb.url}/_sandbox/info`)).json();
		expect(info.demo.locationId).toBe(sb.demo.locationId);
		expect(info.publicKeys.ed25519).toContain('BEGIN PUBLIC KEY');
		await fetch(`${sb.url}/_sandbox/faults`, {
			method: 'POST',
			body: JSON.stringify({ kind: 'status', status: 502, count: 1, match: { path: 'customFields' } }),
		});
		const fields = await call(sb, 'GET', `/locations/${sb.demo.locationId}/customFields`);
		expect(fields.status).toBe(502);
		const ok = await call(sb, 'GET', `/locations/${sb.demo.locationId}/customFields`);
		expect(ok.json.customFields).toHaveLength(14);
		expect(ok.json.customFields[0]).toMatchObject({ fieldKey: 'contact.favourite_colour', dataType: 'TEXT', model: 'contact' });
		expect(sb.requests.every((r) => !r.path.startsWith('/_sandbox'))).toBe(true);
		expect(sb.requests).toHaveLength(2);
	});
});

describe('required bodies', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, validateResponses: true });
	});
	afterEach(() => assertNoResponseMismatches(sb));
	afterAll(() => sb.close());

	test('a POST without the body the spec requires is refused, even when its schema is empty', async () => {
		const contacts = Object.values(sb.snapshot().contacts as Record<string, { id: string; locationId: string }>);
		const contactId = contacts.find((contact) => contact.locationId === sb.demo.locationId)!.id;
		const url = `${sb.url}/contacts/${contactId}/campaigns/${sb.demo.campaignIds[0]}`;
		const headers = { Authorization: `Bearer ${sb.demo.privateToken}`, Version: CONTACTS_VERSION };
		const withoutBody = await fetch(url, { method: 'POST', headers });
		expect(withoutBody.status).toBe(422);
		const withBody = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
		expect(withBody.status).toBe(201);
	});
});
