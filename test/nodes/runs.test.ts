/** How the node behaves over many input items: pacing under the rate limit, and Continue On Fail. */
import { nodeTests } from './kit';

// GHL allows 100 requests per 10 s per location; here the window is scaled down to 25 per 500 ms.
const WINDOW = { max: 25, intervalMs: 500 };
const { sandbox, run, opTest, seed } = nodeTests({ rateLimit: { ...WINDOW, daily: 200_000 } });

describe('many items', () => {
	opTest(
		'create-contact',
		'200 items are paced under the burst limit: zero 429s and all 200 contacts written',
		async () => {
			const items = Array.from({ length: 200 }, (_, index) => ({ email: `bulk${index}@example.com`, name: `Bulk ${index}` }));
			const result = await run(
				{ resource: 'contact', operation: 'create', email: '={{ $json.email }}', additionalFields: { name: '={{ $json.name }}' } },
				{ items },
			);
			expect(result.error).toBeUndefined();
			expect(result.requests.filter((request) => request.status === 429)).toHaveLength(0);
			expect(sandbox().stats().rateLimited).toBe(0);
			expect(result.requests.filter((request) => request.operationId === 'create-contact' && request.status === 201)).toHaveLength(200);
			const times = result.requests.map((request) => request.at);
			const busiest = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + WINDOW.intervalMs).length));
			expect(busiest).toBeLessThanOrEqual(WINDOW.max);

			expect(result.out.map((contact) => contact.email)).toEqual(items.map((item) => item.email));
			expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			const stored = new Set(seed().contacts.map((contact) => contact.email));
			expect(items.filter((item) => stored.has(item.email))).toHaveLength(200);
		},
		30_000,
	);

	opTest('create-task', 'Continue On Fail: one output per input, in order, failures carry the reason', async () => {
		const [first, second, third] = seed().contacts;
		const otherLocation = (sandbox().snapshot() as { contacts: Array<{ id: string; locationId: string }> }).contacts.find(
			(contact) => contact.locationId === sandbox().demo.otherLocationId,
		)!;
		const items = [
			{ contactId: first.id, due: '2026-12-01T10:00:00Z', title: 'good 1' },
			{ contactId: first.id, due: 'tomorrow', title: 'bad date' },
			{ contactId: 'NoSuchContact0000000', due: '2026-12-01T10:00:00Z', title: 'unknown contact' },
			{ contactId: second.id, due: '2026-12-02T10:00:00Z', title: 'good 2' },
			{ contactId: otherLocation.id, due: '2026-12-01T10:00:00Z', title: 'other location' },
			{ contactId: third.id, due: '2026-12-03T10:00:00Z', title: 'good 3' },
		];
		const result = await run(
			{
				resource: 'task',
				operation: 'create',
				contactId: { mode: 'id', value: '={{ $json.contactId }}' },
				title: '={{ $json.title }}',
				dueDate: '={{ $json.due }}',
				completed: false,
			},
			{ items, continueOnFail: true },
		);
		expect(result.run.status).toBe('success');
		expect(result.out).toHaveLength(items.length);
		expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));

		const succeeded = result.out.filter((json) => json.id);
		const failed = result.out.filter((json) => json.error);
		expect(succeeded.length + failed.length).toBe(items.length);
		expect(result.out.map((json) => json.title ?? null)).toEqual(['good 1', null, null, 'good 2', null, 'good 3']);
		expect(result.out[1].error).toMatch(/^Due Date: expected an ISO 8601 date/);
		expect(result.out[2]).toMatchObject({ error: 'GHL API error 400: Contact not found', httpCode: '400' });
		expect(result.out[4]).toMatchObject({ error: 'GHL API error 403: The token does not have access to this location.', httpCode: '403' });
		// The refused item never reached GHL; the others each made one request.
		expect(result.requests.map((request) => request.status)).toEqual([201, 400, 201, 403, 201]);
		const stored = seed().tasks.filter((task) => String(task.title).startsWith('good'));
		expect(stored.map((task) => task.title).sort()).toEqual(['good 1', 'good 2', 'good 3']);
	});

	test('without Continue On Fail the run stops at the first failing item, naming it', async () => {
		const [first] = seed().contacts;
		const result = await run(
			// One at a time (concurrency 1): nothing after the failing item is sent. With several in flight,
			// see concurrency.test.ts.
			{ resource: 'tag', operation: 'add', contactId: { mode: 'id', value: '={{ $json.id }}' }, tags: 'x', concurrency: 1 },
			{ items: [{ id: first.id }, { id: 'NoSuchContact0000000' }, { id: first.id }] },
		);
		expect(result.run.status).toBe('error');
		expect(result.error).toMatchObject({ message: 'GHL API error 400: Contact not found', httpCode: '400' });
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(result.requests).toHaveLength(2);
	});
});
