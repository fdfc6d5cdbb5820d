/**
 * Return All across three or more pages for each paging scheme GHL uses, with the caller's filters
 * on every page. Contacts are created through the API first (the sandbox's burst limit is raised
 * for this file so the setup is quick; pacing itself is tested in runs.test.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { nodeTests } from './kit';

const { sandbox, run, opTest, api } = nodeTests({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });

async function createContacts(count: number, make: (index: number) => IDataObject): Promise<string[]> {
	const ids: string[] = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			const created = await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, ...make(index) });
			ids[index] = (created.contact as IDataObject).id as string;
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return ids;
}

const unique = (values: unknown[]) => new Set(values).size;

describe('Return All', () => {
	opTest(
		'search-contacts-advanced',
		'Get Many: 1,050 matches come in 3 searchAfter pages, each with the same filters, sort and query',
		async () => {
			const ids = await createContacts(1050, (index) => ({
				firstName: `Pager${String(index).padStart(4, '0')}`,
				email: `pager${index}@example.com`,
				tags: ['paging'],
			}));
			await createContacts(30, (index) => ({ firstName: `Pager-untagged${index}`, email: `untagged${index}@example.com` }));
			const result = await run({
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				query: 'pager',
				filtersUi: { filter: [{ field: 'tags', operator: 'eq', value: 'paging' }] },
				sortUi: { rule: [{ field: 'firstNameLowerCase', direction: 'asc' }] },
			});
			expect(result.error).toBeUndefined();
			const pages = result.requests.filter((request) => request.operationId === 'search-contacts-advanced');
			expect(pages).toHaveLength(3);
			for (const page of pages) {
				expect(page.status).toBe(200);
				expect(page.body).toMatchObject({
					locationId: sandbox().demo.locationId,
					pageLimit: 500,
					query: 'pager',
					filters: [{ field: 'tags', operator: 'eq', value: 'paging' }],
					sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
				});
			}
			expect((pages[0].body as IDataObject).searchAfter).toBeUndefined();
			const cursors = pages.slice(1).map((page) => JSON.stringify((page.body as IDataObject).searchAfter));
			expect(cursors.every((cursor) => cursor !== undefined && cursor.startsWith('['))).toBe(true);
			expect(unique(cursors)).toBe(2);

			expect(result.out).toHaveLength(1050);
			expect(unique(result.out.map((contact) => contact.id))).toBe(1050);
			expect(new Set(result.out.map((contact) => contact.id))).toEqual(new Set(ids));
			const names = result.out.map((contact) => String(contact.firstName));
			expect(names).toEqual([...names].sort());
		},
		30_000,
	);

	opTest('get-contacts', 'List (Legacy): 250 matches come in 3 startAfter pages of 100, query kept', async () => {
		const ids = await createContacts(250, (index) => ({ firstName: `Old${index}`, lastName: 'Legacy', email: `old${index}@example.com` }));
		await createContacts(40, (index) => ({ firstName: `New${index}`, lastName: 'Modern', email: `new${index}@example.com` }));
		const result = await run({ resource: 'contact', operation: 'list', returnAll: true, query: 'legacy' });
		const pages = result.requests.filter((request) => request.operationId === 'get-contacts');
		expect(pages).toHaveLength(3);
		expect(pages.map((page) => page.query.limit)).toEqual(['100', '100', '100']);
		expect(pages.every((page) => page.query.query === 'legacy' && page.query.locationId === sandbox().demo.locationId)).toBe(true);
		expect(pages[0].query.startAfterId).toBeUndefined();
		expect(pages.slice(1).every((page) => typeof page.query.startAfterId === 'string' && /^\d+$/.test(String(page.query.startAfter)))).toBe(
			true,
		);
		expect(result.out).toHaveLength(250);
		expect(new Set(result.out.map((contact) => contact.id))).toEqual(new Set(ids));
		const added = result.out.map((contact) => Date.parse(String(contact.dateAdded)));
		expect(added).toEqual([...added].sort((a, b) => b - a));

		// With a Limit, the last page asks only for what is still missing.
		const limited = await run({ resource: 'contact', operation: 'list', returnAll: false, limit: 150, query: 'legacy' });
		expect(limited.requests.map((request) => request.query.limit)).toEqual(['100', '50']);
		expect(limited.out.map((contact) => contact.id)).toEqual(result.out.slice(0, 150).map((contact) => contact.id));
	});

	opTest('get-contacts-by-businessId', 'Get Many by Business: 230 members come in 3 skip pages, query kept', async () => {
		const businessId = sandbox().demo.businessIds[1];
		const ids = await createContacts(230, (index) => ({ firstName: `Biz${index}`, email: `biz${index}@example.com` }));
		await api('POST', '/contacts/bulk/business', { locationId: sandbox().demo.locationId, ids, businessId });
		const result = await run({ resource: 'contact', operation: 'getManyByBusiness', businessId, returnAll: true, query: 'biz' });
		const pages = result.requests.filter((request) => request.operationId === 'get-contacts-by-businessId');
		expect(pages.map((page) => [page.query.skip, page.query.limit])).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		expect(pages.every((page) => page.query.query === 'biz' && page.path === `/contacts/business/${businessId}`)).toBe(true);
		expect(result.out).toHaveLength(230);
		expect(new Set(result.out.map((contact) => contact.id))).toEqual(new Set(ids));
	});
});

describe('a paging cursor that does not move', () => {
	// GHL answering the same page again (a cursor it ignores) must end Return All with an error
	// after the repeat, not loop forever buffering the same records.
	const stuck = (path: string) => sandbox().injectFault({ kind: 'stuck-cursor', count: 1_000, match: { path } });

	test('Get Many (searchAfter): stops at the repeated page with an error saying so', async () => {
		await createContacts(600, (index) => ({ firstName: `Stuck${index}`, email: `stuck${index}@example.com` }));
		stuck('/contacts/search');
		const result = await run({ resource: 'contact', operation: 'getAll', returnAll: true, query: 'stuck' });
		expect(String(result.error?.message)).toMatch(/cursor did not move/);
		expect(result.requests.filter((request) => request.operationId === 'search-contacts-advanced')).toHaveLength(2);
	});

	test('List (Legacy, startAfterId): stops at the repeated page', async () => {
		await createContacts(150, (index) => ({ firstName: `StuckOld${index}`, email: `stuckold${index}@example.com` }));
		stuck('/contacts/');
		const result = await run({ resource: 'contact', operation: 'list', returnAll: true });
		expect(String(result.error?.message)).toMatch(/cursor did not move/);
		expect(result.requests.filter((request) => request.operationId === 'get-contacts')).toHaveLength(2);
	});

	test('Get Many by Business (skip): stops when a page repeats records already read', async () => {
		const businessId = sandbox().demo.businessIds[1];
		const ids = await createContacts(150, (index) => ({ firstName: `StuckBiz${index}`, email: `stuckbiz${index}@example.com` }));
		await api('POST', '/contacts/bulk/business', { locationId: sandbox().demo.locationId, ids, businessId });
		stuck('/contacts/business/');
		const result = await run({ resource: 'contact', operation: 'getManyByBusiness', businessId, returnAll: true });
		expect(String(result.error?.message)).toMatch(/cursor did not move/);
		expect(result.requests.filter((request) => request.operationId === 'get-contacts-by-businessId')).toHaveLength(2);
	});
});
