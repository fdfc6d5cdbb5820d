/**
 * `searchIndexLagMs`: `POST /contacts/search` sees each write 0–N ms late, in no fixed order, and
 * shows the version before it meanwhile (GHL's search index lags writes, research §1.4).
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { SearchIndex } from '../../sandbox/searchIndex';
import { Store, type ContactRecord } from '../../sandbox/store';
import { assertNoResponseMismatches } from '../harness/fixtures';

function contact(id: string, dateUpdated: string, city = 'Old town'): ContactRecord {
	return {
		id,
		locationId: 'loc',
		city,
		dnd: false,
		tags: [],
		type: 'lead',
		customFields: {},
		followers: [],
		campaigns: [],
		workflows: [],
		dateAdded: '2030-01-01T00:00:00.000Z',
		dateUpdated,
	};
}

describe('SearchIndex (with an explicit clock)', () => {
	const LAG = 1000;

	test('what is in the store when it is (re)built is searchable at once', () => {
		const store = new Store();
		store.contacts.set('a', contact('a', '2030-01-01T00:00:00.000Z'));
		const index = new SearchIndex(LAG);
		index.rebuild(store, 0);
		expect(index.searchable(store, 0).map((c) => c.id)).toEqual(['a']);
	});

	test('a write is searchable within the lag; until then the search shows the version before it', () => {
		const store = new Store();
		store.contacts.set('a', contact('a', '2030-01-01T00:00:00.000Z'));
		const index = new SearchIndex(LAG);
		index.rebuild(store, 0);
		// Written in place, as the routes do.
		Object.assign(store.contacts.get('a')!, { city: 'New town', dateUpdated: '2030-01-02T00:00:00.000Z' });
		store.contacts.set('b', contact('b', '2030-01-02T00:00:00.000Z'));
		index.capture(store, 5000);

		let cityShown = 'Old town';
		const cities = new Set<string>();
		const bShown = new Set<boolean>();
		for (let now = 5000; now <= 5000 + LAG; now += 10) {
			const shown = new Map(index.searchable(store, now).map((c) => [c.id, c]));
			// An updated contact never vanishes, and never goes back to its old version.
			expect(shown.has('a')).toBe(true);
			const city = shown.get('a')!.city!;
			if (cityShown === 'New town') expect(city).toBe('New town');
			cityShown = city;
			cities.add(city);
			bShown.add(shown.has('b'));
		}
		// Both states were seen: the old version first, the new contact missing at first.
		expect(cities).toEqual(new Set(['Old town', 'New town']));
		expect(bShown).toEqual(new Set([false, true]));
		const settled = index.searchable(store, 5000 + LAG);
		expect(settled.map((c) => [c.id, c.city])).toEqual([
			['a', 'New town'],
			['b', 'Old town'],
		]);
		// The newest version is the live record itself.
		expect(settled[0]).toBe(store.contacts.get('a'));
	});

	test('writes made together reach the search spread over the lag, not all at once', () => {
		const store = new Store();
		const index = new SearchIndex(LAG);
		index.rebuild(store, 0);
		for (let i = 0; i < 50; i++) store.contacts.set(`c${i}`, contact(`c${i}`, '2030-01-02T00:00:00.000Z'));
		index.capture(store, 10_000);
		const countAt = (now: number) => index.searchable(store, now).length;
		expect(countAt(10_000 + LAG / 2)).toBeGreaterThan(5);
		expect(countAt(10_000 + LAG / 2)).toBeLessThan(45);
		expect(countAt(10_000 + LAG)).toBe(50);
	});

	test('a deleted contact leaves the search', () => {
		const store = new Store();
		store.contacts.set('a', contact('a', '2030-01-01T00:00:00.000Z'));
		const index = new SearchIndex(LAG);
		index.rebuild(store, 0);
		store.contacts.delete('a');
		expect(index.searchable(store, 1)).toEqual([]);
	});
});

describe('searchIndexLagMs over HTTP', () => {
	const LAG = 300;
	let lagging: Sandbox;
	let immediate: Sandbox;
	beforeAll(async () => {
		lagging = await startSandbox({ port: 0, searchIndexLagMs: LAG, validateResponses: true });
		immediate = await startSandbox({ port: 0, validateResponses: true });
	});
	afterEach(() => {
		assertNoResponseMismatches(lagging);
		assertNoResponseMismatches(immediate);
	});
	afterAll(async () => {
		await lagging.close();
		await immediate.close();
	});

	async function call(sb: Sandbox, method: string, path: string, body?: unknown) {
		const res = await fetch(`${sb.url}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${sb.demo.privateToken}`,
				Version: '2021-07-28',
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, json: await res.json() };
	}

	async function createAndSearch(sb: Sandbox) {
		const ids: string[] = [];
		for (let i = 0; i < 10; i++) {
			const created = await call(sb, 'POST', '/contacts/', { locationId: sb.demo.locationId, firstName: 'Lagging', lastName: `N${i}` });
			ids.push(created.json.contact.id);
		}
		const search = () =>
			call(sb, 'POST', '/contacts/search', {
				locationId: sb.demo.locationId,
				pageLimit: 100,
				filters: [{ field: 'firstName', operator: 'eq', value: 'Lagging' }],
			});
		return { ids, search };
	}

	test('new contacts reach the search late; reads by id see them at once', async () => {
		const { ids, search } = await createAndSearch(lagging);
		const first = await search();
		expect(first.json.contacts.length).toBeLessThan(ids.length);
		expect(first.json.total).toBe(first.json.contacts.length);
		for (const id of ids) expect((await call(lagging, 'GET', `/contacts/${id}`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, LAG + 20));
		expect((await search()).json.contacts.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
	});

	test('without the option the search sees every write at once', async () => {
		const { ids, search } = await createAndSearch(immediate);
		expect((await search()).json.contacts).toHaveLength(ids.length);
	});
});
