/**
 * Several items in flight at once (the node's Concurrency) with the sandbox answering after
 * random delays: output order, pairing, Continue On Fail and the first-failure stop are as they
 * are one item at a time; the pacer still keeps the location under its limit.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../../sandbox';
import { nodeTests } from './kit';

const { sandbox, run, seed } = nodeTests({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });

/** Deterministic pseudo-random delays (mulberry32), so a failure can be replayed. */
function delays(count: number, seedValue: number, maxMs: number): number[] {
	let state = seedValue;
	return Array.from({ length: count }, () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * maxMs);
	});
}

/** The most requests GHL was working on at one moment. */
function mostAtOnce(requests: RecordedRequest[]): number {
	return Math.max(...requests.map((request) => requests.filter((other) => other.at <= request.at && other.at + other.durationMs > request.at).length));
}

const byId = (value: string) => ({ mode: 'id', value });

describe('Concurrency', () => {
	test('answers arriving in random order: output in input order, each paired with its input', async () => {
		const contacts = seed().contacts.slice(0, 12);
		const latencies = delays(contacts.length, 7, 120);
		contacts.forEach((contact, index) =>
			sandbox().injectFault({ kind: 'latency', ms: latencies[index], match: { path: `/contacts/${contact.id}` } }),
		);
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
			{ items: contacts.map((contact) => ({ id: contact.id })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.out.map((json) => json.id)).toEqual(contacts.map((contact) => contact.id));
		expect(result.items.map((item) => item.pairedItem)).toEqual(contacts.map((_, item) => ({ item })));
		// They really overlapped, and GHL answered them in another order than they were asked.
		expect(mostAtOnce(result.requests)).toBeGreaterThan(1);
		expect(mostAtOnce(result.requests)).toBeLessThanOrEqual(8);
		const answered = [...result.requests].sort((a, b) => a.at + a.durationMs - (b.at + b.durationMs)).map((request) => request.path);
		expect(answered).not.toEqual(result.requests.map((request) => request.path));
	});

	test('8 in flight with random latency stay under a 10 per 300 ms limit: zero 429s', async () => {
		sandbox().setRateLimit({ max: 10, intervalMs: 300, daily: 200_000 });
		const contacts = seed().contacts.slice(0, 6);
		const items = Array.from({ length: 48 }, (_, index) => ({ id: contacts[index % contacts.length].id }));
		// GHL counts a request when it arrives: here after a random 0-150 ms on the way.
		for (const latency of delays(items.length, 3, 150)) sandbox().injectFault({ kind: 'latency', ms: latency, match: { path: '/contacts/' } });
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') }, { items });
		expect(result.error).toBeUndefined();
		expect(result.requests.filter((request) => request.status === 429)).toHaveLength(0);
		// Counted as the sandbox counts: at arrival plus the latency it waited before counting.
		const counted = result.requests.map((request) => request.at + request.durationMs);
		expect(Math.max(...counted.map((start) => counted.filter((at) => at >= start && at < start + 300).length))).toBeLessThanOrEqual(10);
		expect(result.out.map((json) => json.id)).toEqual(items.map((item) => item.id));
	});

	test('Concurrency 1 sends one item after the other', async () => {
		const contacts = seed().contacts.slice(0, 5);
		for (const contact of contacts) sandbox().injectFault({ kind: 'latency', ms: 30, match: { path: `/contacts/${contact.id}` } });
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}'), concurrency: 1 },
			{ items: contacts.map((contact) => ({ id: contact.id })) },
		);
		expect(result.out.map((json) => json.id)).toEqual(contacts.map((contact) => contact.id));
		expect(mostAtOnce(result.requests)).toBe(1);
	});

	test('Continue On Fail under random latency: one output per input, in order, failures where they were', async () => {
		const contacts = seed().contacts.slice(0, 10);
		const ids = contacts.map((contact, index) => (index % 3 === 1 ? `NoSuchContact${String(index).padStart(7, '0')}` : contact.id));
		const latencies = delays(ids.length, 11, 100);
		ids.forEach((id, index) => sandbox().injectFault({ kind: 'latency', ms: latencies[index], match: { path: `/contacts/${id}` } }));
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(result.out.map((json) => json.id ?? json.error)).toEqual(
			ids.map((id, index) => (index % 3 === 1 ? 'GHL API error 400: Contact not found' : id)),
		);
		expect(mostAtOnce(result.requests)).toBeGreaterThan(1);
	});

	test('without Continue On Fail: the first failure stops the run; items in flight finish, none starts after', async () => {
		const contacts = seed().contacts.slice(0, 20);
		const failing = 5;
		const ids = contacts.map((contact, index) => (index === failing ? 'NoSuchContact0000005' : contact.id));
		// Item 0 is answered at once (the first request to a location goes alone, to learn its limit),
		// and worker 0 takes item 8; the failing item 5 is answered after 30 ms, while items 1-8 (300 ms)
		// are in flight.
		for (const [index, id] of ids.entries()) {
			if (index > 0) sandbox().injectFault({ kind: 'latency', ms: index === failing ? 30 : 300, match: { path: `/contacts/${id}` } });
		}
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })) },
		);
		expect(result.run.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'GHL API error 400: Contact not found', httpCode: '400' });
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(failing);
		// The items started before the failure were all sent and answered; nothing after them.
		expect(result.requests.map((request) => request.path).sort()).toEqual(ids.slice(0, 9).map((id) => `/contacts/${id}`).sort());
		expect(result.requests.filter((request) => request.status === 200)).toHaveLength(8);
	});

	test('two failures in flight: the error names the earlier item, even when the later one failed first', async () => {
		const contacts = seed().contacts.slice(0, 8);
		const ids = contacts.map((contact, index) => (index === 2 || index === 6 ? `NoSuchContact000000${index}` : contact.id));
		sandbox().injectFault({ kind: 'latency', ms: 250, match: { path: `/contacts/${ids[2]}` } });
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })) },
		);
		const failedAt = (id: string) => {
			const request = result.requests.find((candidate) => candidate.path === `/contacts/${id}`)!;
			return request.at + request.durationMs;
		};
		expect(failedAt(ids[6])).toBeLessThan(failedAt(ids[2]));
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});

	test('a refused item stops the run: the items in flight are written with their tags, none after them is', async () => {
		const emails = Array.from({ length: 12 }, (_, index) => (index === 3 ? 'not-an-email' : `stop${index}@example.com`));
		sandbox().injectFault({ kind: 'latency', ms: 150, count: 3, match: { path: '/contacts/upsert' } });
		const result = await run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', additionalFields: { tags: 'stopped-run' } },
			{ items: emails.map((email) => ({ email })) },
		);
		expect(result.error?.message).toMatch(/^Email: expected an email address/);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(3);
		// Items 0-7 start together (Concurrency 8); item 3 fails before any of them is answered.
		const stored = new Map(seed().contacts.map((contact) => [contact.email, contact]));
		const inFlight = emails.slice(0, 8).filter((_, index) => index !== 3);
		expect(inFlight.map((email) => stored.get(email)?.tags)).toEqual(inFlight.map(() => ['stopped-run']));
		expect(emails.slice(8).filter((email) => stored.has(email))).toEqual([]);
		// Their tags went in one bulk call.
		expect(result.requests.filter((request) => request.operationId === 'create-association')).toHaveLength(1);
	});

	test('items for the same contact run one after the other, in input order', async () => {
		// The first two upserts to arrive (items 0 and 1, sent together) take 150 ms each.
		sandbox().injectFault({ kind: 'latency', ms: 150, count: 2, match: { path: '/contacts/upsert' } });
		const result = await run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.name }}' } },
			{
				items: [
					{ email: 'same@example.com', name: 'First' },
					{ email: 'other@example.com', name: 'Other' },
					{ email: 'SAME@example.com', name: 'Second' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.out[0].id).toBe(result.out[2].id);
		expect(seed().contacts.filter((contact) => contact.email === 'same@example.com').map((contact) => contact.firstName)).toEqual(['Second']);
		const sent = (name: string) => result.requests.find((request) => (request.body as IDataObject).firstName === name)!;
		const [first, second] = [sent('First'), sent('Second')];
		expect(first.durationMs).toBeGreaterThanOrEqual(140);
		expect(second.at).toBeGreaterThanOrEqual(first.at + first.durationMs);
	});
});
