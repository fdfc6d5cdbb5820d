/**
 * Return All ends where GHL's `total` says the records end: a result that fills its last page
 * exactly costs no extra, empty page. Also for the polling trigger, which reads with the same
 * paging (one poll after N changes: N / 500 searches).
 */
import type { IDataObject } from 'n8n-workflow';
import { pitCredential } from '../harness/fixtures';
import { inParallel, Poller, sandboxApi } from '../triggers/helpers';
import { nodeTests } from './kit';

const { sandbox, run } = nodeTests({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });

async function createContacts(count: number, prefix: string): Promise<void> {
	const api = sandboxApi(sandbox());
	await inParallel(count, 16, async (index) => {
		await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, firstName: prefix, email: `${prefix}${index}@example.com`, tags: [prefix] });
	});
}

const searches = () => sandbox().requests.filter((request) => request.path === '/contacts/search');

describe('Return All and GHL’s total', () => {
	test('1,000 matches: 2 pages of 500, no third, empty one', async () => {
		await createContacts(1000, 'fullpages');
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filtersUi: { filter: [{ field: 'tags', operator: 'eq', value: 'fullpages' }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.out).toHaveLength(1000);
		expect(new Set(result.out.map((contact) => contact.id)).size).toBe(1000);
		expect(result.requests.map((request) => (request.body as IDataObject).pageLimit)).toEqual([500, 500]);
	});

	test('the polling trigger: one poll after changes that fill 2 pages exactly reads 2 pages', async () => {
		const trigger = new Poller({ event: 'contactCreated' } as never, pitCredential(sandbox()));
		expect(await trigger.poll()).toBeNull();
		// The poll reads from its cursor (less the overlap): top the matches up to exactly 1,000.
		const since = ((trigger.staticData.ghlPollingCursor as IDataObject).window as { since: number }).since;
		const inWindow = (sandbox().snapshot().contacts as IDataObject[]).filter(
			(contact) => contact.locationId === sandbox().demo.locationId && Date.parse(String(contact.dateAdded)) >= since,
		).length;
		await new Promise((resolve) => setTimeout(resolve, 5));
		await createContacts(1000 - inWindow, 'polled');
		const before = searches().length;
		const items = (await trigger.poll()) ?? [];
		expect(items).toHaveLength(1000 - inWindow);
		expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
		expect(searches().slice(before).map((request) => (request.body as IDataObject).pageLimit)).toEqual([500, 500]);
	});
});
