import type { IDataObject } from 'n8n-workflow';
import { pitCredential, useSandbox } from '../harness/fixtures';
import { inParallel, Poller, sandboxApi } from './helpers';
import { advanceWindow, MAX_SEEN, newWindow } from '../../nodes/GhlPollingTrigger/cursor';
import { DEFAULT_CONCURRENCY } from '../../nodes/shared/concurrency';
import type { RecordedRequest } from '../../sandbox';

/**
 * GHL's search index lags writes; here each write reaches the search 0–200 ms after it, not in
 * timestamp order. The trigger's overlap (default 60 s) must catch what shows up late.
 */
const SEARCH_LAG_MS = 200;
const sandbox = useSandbox({ searchIndexLagMs: SEARCH_LAG_MS });

function api() {
	return sandboxApi(sandbox());
}

function poller(parameters: IDataObject, budgetMs?: number): Poller {
	return new Poller(parameters as never, pitCredential(sandbox()), budgetMs);
}

/** Lets GHL's timestamps move past the previous poll (they have millisecond resolution). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Waits until every write so far is searchable. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SEARCH_LAG_MS + 20));

let serial = 0;
async function createContacts(count: number, concurrency = 16): Promise<string[]> {
	const run = ++serial;
	const created = await inParallel(count, concurrency, async (index) => {
		const response = await api()('POST', '/contacts/', {
			locationId: sandbox().demo.locationId,
			firstName: `Poll${run}`,
			lastName: `Contact ${index}`,
			email: `poll-${run}-${index}@example.com`,
		});
		return String((response.contact as IDataObject).id);
	});
	return created;
}

async function updateContacts(ids: string[], field: string, concurrency = 16): Promise<void> {
	await inParallel(ids.length, concurrency, async (index) => {
		await api()('PUT', `/contacts/${ids[index]}`, { [field]: `${field}-${index}-${Date.now()}` });
	});
}

function ids(items: IDataObject[] | null): string[] {
	return (items ?? []).map((item) => String(item.id));
}

/** The most requests GHL was working on at one moment. */
function mostAtOnce(requests: RecordedRequest[]): number {
	return Math.max(...requests.map((request) => requests.filter((other) => other.at <= request.at && other.at + other.durationMs > request.at).length));
}

function expectNoDuplicates(values: string[]): void {
	expect(new Set(values).size).toBe(values.length);
}

beforeEach(() => {
	// Fast bulk writes; the client's pacing follows the sandbox's X-RateLimit-* headers.
	sandbox().setRateLimit({ max: 100_000, intervalMs: 10_000, daily: 10_000_000 });
});

describe('Polling trigger: contacts', () => {
	test('first poll emits nothing; 1,500 updates between two polls → exactly 1,500 items; the next poll emits none', async () => {
		const contacts = await createContacts(1500);
		const trigger = poller({ event: 'contactUpdated' });

		expect(await trigger.poll()).toBeNull();
		await tick();
		await updateContacts(contacts, 'city');

		const timestamps = (sandbox().snapshot().contacts as IDataObject[])
			.filter((contact) => contacts.includes(String(contact.id)))
			.map((contact) => contact.dateUpdated);
		// Many updates share a millisecond: the case the (timestamp, id) cursor is for.
		expect(new Set(timestamps).size).toBeLessThan(1500);

		// Right after the writes the search shows most of them; the rest come once indexed.
		const early = (await trigger.poll()) ?? [];
		await settle();
		const late = (await trigger.poll()) ?? [];
		const second = [...early, ...late];
		expect(second).toHaveLength(1500);
		expectNoDuplicates(ids(second));
		expect(new Set(ids(second))).toEqual(new Set(contacts));
		expect(second[0]).not.toHaveProperty('searchAfter');
		// Oldest first.
		for (const batch of [early, late]) {
			const order = batch.map((item) => Date.parse(String(item.dateUpdated)));
			expect(order).toEqual([...order].sort((a, b) => a - b));
		}

		expect(await trigger.poll()).toBeNull();
		const searches = sandbox().requests.filter((request) => request.path === '/contacts/search');
		// The 1,500 were read to the end with searchAfter (4 pages of ≤ 500), never only the first page.
		expect(searches.some((request) => Array.isArray((request.body as IDataObject).searchAfter))).toBe(true);
	});

	test('polls racing 1,500 concurrent updates emit every update exactly once', async () => {
		const contacts = await createContacts(1500);
		const trigger = poller({ event: 'contactUpdated' });
		expect(await trigger.poll()).toBeNull();
		await tick();

		const emitted: string[] = [];
		let writing = true;
		const writes = updateContacts(contacts, 'city', 8).then(() => {
			writing = false;
		});
		let pollsDuringWrites = 0;
		while (writing) {
			emitted.push(...ids(await trigger.poll()));
			pollsDuringWrites++;
		}
		expect(pollsDuringWrites).toBeGreaterThan(2);
		await writes;
		await settle();
		emitted.push(...ids(await trigger.poll()));
		emitted.push(...ids(await trigger.poll()));
		expectNoDuplicates(emitted);
		expect(emitted).toHaveLength(1500);
		expect(new Set(emitted)).toEqual(new Set(contacts));
	});

	test('issue 13: one poll after 10,000 changed contacts emits each once, in ≤ 21 requests (500 a page + the end)', async () => {
		const trigger = poller({ event: 'contactUpdated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		// Written straight into GHL's store (as an import would), not through 10,000 API calls.
		const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
		const changed = sandbox().putContacts(
			sandbox().demo.locationId,
			Array.from({ length: 10_000 }, (_, index) => ({ firstName: 'Bulk', lastName: `Contact ${index}`, dateAdded: dayAgo })),
		);
		await settle();
		const before = sandbox().requests.length;
		const items = (await trigger.poll()) ?? [];
		const requests = sandbox().requests.slice(before);
		expect(requests.length).toBeLessThanOrEqual(21);
		expect(requests.every((request) => request.path === '/contacts/search' && request.status === 200)).toBe(true);
		expect(items).toHaveLength(10_000);
		expectNoDuplicates(ids(items));
		expect(new Set(ids(items))).toEqual(new Set(changed));
		expect(await trigger.poll()).toBeNull();
	});

	test('New Contact: created contacts once each; updates of them are not new', async () => {
		const trigger = poller({ event: 'contactCreated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const created = await createContacts(3);
		await settle();
		const items = await trigger.poll();
		expect(new Set(ids(items))).toEqual(new Set(created));
		await updateContacts(created, 'city');
		await settle();
		expect(await trigger.poll()).toBeNull();
	});

	test('Updated Contact skips never-updated new contacts unless "Include New Contacts" is on', async () => {
		const strict = poller({ event: 'contactUpdated' });
		const inclusive = poller({ event: 'contactUpdated', options: { includeNewContacts: true } });
		expect(await strict.poll()).toBeNull();
		expect(await inclusive.poll()).toBeNull();
		await tick();
		const [fresh] = await createContacts(1);
		await settle();
		expect(await strict.poll()).toBeNull();
		expect(ids(await inclusive.poll())).toEqual([fresh]);
	});

	test('"Emit Existing Records on First Run" emits every contact on the first poll, then only changes', async () => {
		const trigger = poller({ event: 'contactCreated', options: { emitExisting: true } });
		const existing = (sandbox().snapshot().contacts as IDataObject[]).filter(
			(contact) => contact.locationId === sandbox().demo.locationId,
		);
		const first = await trigger.poll();
		expect(new Set(ids(first))).toEqual(new Set(existing.map((contact) => String(contact.id))));
		expect(await trigger.poll()).toBeNull();
	});

	test('manual mode returns recent samples and leaves the cursor alone', async () => {
		const trigger = poller({ event: 'contactUpdated' });
		const samples = await trigger.poll('manual');
		expect(samples!.length).toBeGreaterThan(0);
		expect(samples!.length).toBeLessThanOrEqual(5);
		const dates = samples!.map((item) => Date.parse(String(item.dateUpdated)));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		expect(trigger.staticData).toEqual({});
		// The first real poll is still a first poll.
		expect(await trigger.poll()).toBeNull();
	});

	test('a search whose connection drops is retried within the same poll', async () => {
		const trigger = poller({ event: 'contactCreated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const created = await createContacts(2);
		await settle();
		const before = sandbox().requests.length;
		sandbox().injectFault({ kind: 'reset', count: 1, match: { method: 'POST', path: '/contacts/search' } });
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
		const searches = sandbox()
			.requests.slice(before)
			.filter((request) => request.path === '/contacts/search');
		expect(searches.map((request) => request.status)).toEqual([0, 200]);
	});

	test('a failed poll leaves the cursor as it was, and the next poll catches up', async () => {
		const trigger = poller({ event: 'contactCreated' });
		expect(await trigger.poll()).toBeNull();
		const before = JSON.stringify(trigger.staticData);
		await tick();
		const created = await createContacts(2);
		await settle();
		sandbox().injectFault({ kind: 'status', status: 401, count: 2, match: { path: '/contacts/search' } });
		await expect(trigger.poll()).rejects.toThrow(/401/);
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect(new Set(ids(await trigger.poll()))).toEqual(new Set(created));
	});
});

describe("Polling trigger: GHL's search index lags writes", () => {
	test('a contact not yet searchable when a poll runs is emitted by a later poll, exactly once', async () => {
		const trigger = poller({ event: 'contactCreated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const created = await createContacts(60, 4);
		const early = ids(await trigger.poll());
		// Some were not searchable yet, though newer ones may have been: the lag is real here.
		expect(early.length).toBeLessThan(created.length);
		await settle();
		const late = ids(await trigger.poll());
		expect(late.length).toBeGreaterThan(0);
		expectNoDuplicates([...early, ...late]);
		expect(new Set([...early, ...late])).toEqual(new Set(created));
		expect(await trigger.poll()).toBeNull();
	});

	test('with no overlap, changes that reach the search late are lost: the overlap is what catches them', async () => {
		const contacts = await createContacts(300);
		await settle();
		const trigger = poller({ event: 'contactUpdated', options: { overlapSeconds: 0 } });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const emitted: string[] = [];
		let writing = true;
		const writes = updateContacts(contacts, 'city', 4).then(() => {
			writing = false;
		});
		while (writing) emitted.push(...ids(await trigger.poll()));
		await writes;
		await settle();
		emitted.push(...ids(await trigger.poll()));
		expectNoDuplicates(emitted);
		expect(emitted.length).toBeLessThan(contacts.length);
	});
});

describe('Polling trigger: clocks and dates it cannot trust', () => {
	afterEach(() => sandbox().setClockSkew(0));

	test('a contact dated an hour in the future does not move the cursor past later changes', async () => {
		const [early, later] = await createContacts(2);
		const trigger = poller({ event: 'contactUpdated' });
		expect(await trigger.poll()).toBeNull();
		sandbox().setClockSkew(60 * 60_000);
		await api()('PUT', `/contacts/${early}`, { city: 'Tomorrowland' });
		sandbox().setClockSkew(0);
		await settle();
		expect(ids(await trigger.poll())).toEqual([early]);
		await tick();
		await api()('PUT', `/contacts/${later}`, { city: 'Today' });
		await settle();
		expect(ids(await trigger.poll())).toEqual([later]);
		// The future-dated one is not emitted again while it stays ahead of the cursor.
		expect(await trigger.poll()).toBeNull();
	});

	test('GHL\'s clock 10 minutes behind ours (more than the overlap): no change is lost', async () => {
		sandbox().setClockSkew(-10 * 60_000);
		const contacts = await createContacts(3);
		const trigger = poller({ event: 'contactUpdated' });
		expect(await trigger.poll()).toBeNull();
		for (const id of contacts) {
			await tick();
			await api()('PUT', `/contacts/${id}`, { city: `Behind ${id}` });
			await settle();
			expect(ids(await trigger.poll())).toEqual([id]);
		}
	});

	test('GHL\'s clock 10 minutes ahead of ours: no change is lost or repeated', async () => {
		sandbox().setClockSkew(10 * 60_000);
		const contacts = await createContacts(3);
		const trigger = poller({ event: 'contactUpdated' });
		expect(await trigger.poll()).toBeNull();
		for (const id of contacts) {
			await tick();
			await api()('PUT', `/contacts/${id}`, { city: `Ahead ${id}` });
			await settle();
			expect(ids(await trigger.poll())).toEqual([id]);
		}
		expect(await trigger.poll()).toBeNull();
	});
});

describe('Polling trigger: notes, tasks, appointments', () => {
	/** New contacts, already searchable (the "all contacts" sweeps list them through the search). */
	async function contactIds(count: number): Promise<string[]> {
		const created = await createContacts(count);
		await settle();
		return created;
	}

	test('New Note ("All Contacts"): notes added to any contact, once each', async () => {
		const [a, b] = await contactIds(2);
		const trigger = poller({ event: 'noteCreated', contactsToCheck: 'all' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		await api()('POST', `/contacts/${a}/notes`, { body: 'First' });
		await api()('POST', `/contacts/${b}/notes`, { body: 'Second' });
		const items = await trigger.poll();
		expect(items!.map((item) => [item.contactId, item.body])).toEqual([
			[a, 'First'],
			[b, 'Second'],
		]);
		expect(await trigger.poll()).toBeNull();
	});

	test('New Note ("Contacts Updated Since Last Poll"): notes of contacts whose dateUpdated moved', async () => {
		const [a, b] = await contactIds(2);
		const trigger = poller({ event: 'noteCreated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const afterBaseline = sandbox().requests.length;
		await api()('POST', `/contacts/${a}/notes`, { body: 'On a changed contact' });
		await api()('PUT', `/contacts/${a}`, { city: 'Paris' });
		await api()('POST', `/contacts/${b}/notes`, { body: 'On an unchanged contact' });
		await settle();
		const items = await trigger.poll();
		// The documented trade-off: B did not change, so its note is not seen in this mode.
		expect(items!.map((item) => item.body)).toEqual(['On a changed contact']);
		const reads = sandbox()
			.requests.slice(afterBaseline)
			.filter((request) => request.method === 'GET' && /\/notes$/.test(request.path))
			.map((request) => request.path);
		expect(reads).toContain(`/contacts/${a}/notes`);
		expect(reads).not.toContain(`/contacts/${b}/notes`);
		expect(await trigger.poll()).toBeNull();
	});

	test('one contact whose notes cannot be read does not stall the others; its notes come once it can be read', async () => {
		const [stuck, healthy] = await contactIds(2);
		const trigger = poller({ event: 'noteCreated', contactsToCheck: 'all' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		await api()('POST', `/contacts/${stuck}/notes`, { body: 'Behind a broken read' });
		await api()('POST', `/contacts/${healthy}/notes`, { body: 'Healthy 1' });
		sandbox().injectFault({ kind: 'status', status: 500, count: 4, match: { method: 'GET', path: `/contacts/${stuck}/notes` } });
		expect((await trigger.poll())!.map((item) => item.body)).toEqual(['Healthy 1']);
		await tick();
		await api()('POST', `/contacts/${healthy}/notes`, { body: 'Healthy 2' });
		const next = await trigger.poll();
		expect(next!.map((item) => item.body).sort()).toEqual(['Behind a broken read', 'Healthy 2']);
		expect(await trigger.poll()).toBeNull();
	});

	test('when every note read fails the poll fails and keeps its cursor', async () => {
		sandbox().reset();
		const [a] = await contactIds(1);
		const trigger = poller({ event: 'noteCreated', contactsToCheck: 'all' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		await api()('POST', `/contacts/${a}/notes`, { body: 'Kept' });
		sandbox().injectFault({ kind: 'status', status: 403, count: 10_000, match: { method: 'GET', path: '/notes' } });
		await expect(trigger.poll()).rejects.toThrow(/403/);
		sandbox().clearFaults();
		expect(((await trigger.poll()) ?? []).map((item) => item.body)).toContain('Kept');
	});

	test('New or Updated Task: a new task, then its completion, each once', async () => {
		const [contact] = await contactIds(1);
		const trigger = poller({ event: 'taskChanged', contactsToCheck: 'all' });
		expect(await trigger.poll()).toBeNull();
		const task = (
			await api()('POST', `/contacts/${contact}/tasks`, {
				title: 'Send quote',
				dueDate: new Date(Date.now() + 86_400_000).toISOString(),
				completed: false,
			})
		).task as IDataObject;
		const created = await trigger.poll();
		expect(created).toEqual([expect.objectContaining({ id: task.id, contactId: contact, changeType: 'new', completed: false })]);
		expect(await trigger.poll()).toBeNull();
		await api()('PUT', `/contacts/${contact}/tasks/${task.id}/completed`, { completed: true });
		expect(await trigger.poll()).toEqual([expect.objectContaining({ id: task.id, changeType: 'updated', completed: true })]);
		expect(await trigger.poll()).toBeNull();
	});

	test('"All Contacts" sweeps spread over polls when the poll budget runs out, and still miss nothing', async () => {
		const contacts = await contactIds(3);
		const all = (sandbox().snapshot().contacts as IDataObject[]).filter(
			(contact) => contact.locationId === sandbox().demo.locationId,
		);
		// Budget 0: every poll reads exactly one contact's notes.
		const trigger = poller({ event: 'noteCreated', contactsToCheck: 'all' }, 0);
		const sweeping = () => (trigger.staticData.ghlPollingCursor as IDataObject).sweep !== undefined;
		let polls = 0;
		do {
			expect(await trigger.poll()).toBeNull();
			polls++;
		} while (sweeping() && polls < all.length + 5);
		expect(sweeping()).toBe(false);
		// Several polls were needed: each read only part of the contacts.
		expect(polls).toBeGreaterThan(1);
		await tick();
		for (const contact of contacts) await api()('POST', `/contacts/${contact}/notes`, { body: `Note for ${contact}` });
		const emitted: IDataObject[] = [];
		for (let poll = 0; poll < all.length + 2; poll++) emitted.push(...((await trigger.poll()) ?? []));
		expect(emitted.map((note) => note.contactId).sort()).toEqual([...contacts].sort());
	});

	test('notes of 40 contacts ("All Contacts") are read 8 at a time, in contact order, each note once', async () => {
		const contacts = await contactIds(40);
		const trigger = poller({ event: 'noteCreated', contactsToCheck: 'all' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		for (const contact of contacts) await api()('POST', `/contacts/${contact}/notes`, { body: `Note for ${contact}` });
		// Each list takes GHL 40 ms: one after the other, the reads could not overlap.
		sandbox().injectFault({ kind: 'latency', ms: 40, count: 1_000_000, match: { method: 'GET', path: '/notes' } });
		const before = sandbox().requests.length;
		const items = await trigger.poll();
		const reads = sandbox()
			.requests.slice(before)
			.filter((request) => request.method === 'GET' && /\/notes$/.test(request.path));
		const located = (sandbox().snapshot().contacts as IDataObject[]).filter((contact) => contact.locationId === sandbox().demo.locationId);
		expect(reads).toHaveLength(located.length);
		expect(mostAtOnce(reads)).toBeGreaterThanOrEqual(6);
		expect(mostAtOnce(reads)).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
		// Each note once, one per contact (notes written in the same millisecond may come out in either order).
		const emitted = items!.map((item) => String(item.contactId));
		expect(emitted).toHaveLength(contacts.length);
		expect([...emitted].sort()).toEqual([...contacts].sort());
		expect(await trigger.poll()).toBeNull();
	});

	test('New Appointment: appointments booked in any calendar, once each', async () => {
		const [contact] = await contactIds(1);
		const trigger = poller({ event: 'appointmentCreated' });
		expect(await trigger.poll()).toBeNull();
		await tick();
		const start = new Date(Date.now() + 2 * 86_400_000);
		start.setUTCHours(16, 0, 0, 0);
		const booked = await inParallel(2, 2, async (index) =>
			api()(
				'POST',
				'/calendars/events/appointments',
				{
					calendarId: sandbox().demo.calendarIds[index],
					locationId: sandbox().demo.locationId,
					contactId: contact,
					startTime: start.toISOString(),
					title: `Call ${index}`,
					ignoreFreeSlotValidation: true,
				},
				'2021-04-15',
			),
		);
		const items = await trigger.poll();
		expect(new Set(ids(items))).toEqual(new Set(booked.map((appointment) => String(appointment.id))));
		expect(await trigger.poll()).toBeNull();
		const samples = await trigger.poll('manual');
		expect(ids(samples).slice(0, 2).sort()).toEqual(booked.map((appointment) => String(appointment.id)).sort());
	});
});

describe('Polling cursor (unit)', () => {
	const at = (id: string, ts: number) => ({ id, ts, record: id });

	test('records sharing the boundary millisecond are not lost or repeated', () => {
		let state = newWindow(0);
		let step = advanceWindow(state, [at('a', 100), at('b', 100)], 0);
		expect(step.fresh.map((record) => record.id)).toEqual(['a', 'b']);
		state = step.next;
		expect(state).toEqual({ since: 100, seen: { a: 100, b: 100 } });
		// 'c' got the same millisecond after the previous read; 'a' changed again later.
		step = advanceWindow(state, [at('a', 100), at('b', 100), at('c', 100), at('a', 130)], 0);
		expect(step.fresh.map((record) => record.id)).toEqual(['c', 'a']);
		expect(step.next).toEqual({ since: 130, seen: { a: 130 } });
	});

	test('the seen set is bounded by dropping whole timestamps', () => {
		const records = Array.from({ length: MAX_SEEN + 10 }, (_, index) => at(`r${index}`, Math.floor(index / 4)));
		const { fresh, next } = advanceWindow(newWindow(0), records, 1_000_000);
		expect(fresh).toHaveLength(MAX_SEEN + 10);
		expect(Object.keys(next.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		const kept = Object.values(next.seen);
		expect(Math.min(...kept)).toBe(next.since);
		// Nothing at or after `since` was forgotten.
		expect(records.filter((record) => record.ts >= next.since).every((record) => record.id in next.seen)).toBe(true);
	});
});
