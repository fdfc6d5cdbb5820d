/** User: the people of a location (GHL's users API with a sub-account token). */
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api } = nodeTests();

interface User extends IDataObject {
	id: string;
	companyId: string;
	locationIds: string[];
	firstName: string;
	lastName: string;
	email: string;
}

/** The users of the demo location as the sandbox holds them now. */
function users(): User[] {
	return (sandbox().snapshot().users as User[]).filter((user) => user.locationIds.includes(sandbox().demo.locationId));
}

describe('User', () => {
	opTest('get-user-by-location', 'lists the location’s users (not another location’s), cut to the limit', async () => {
		const all = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expectRequest(only(all, 'get-user-by-location'), { method: 'GET', path: '/users/', query: { locationId: sandbox().demo.locationId } });
		expect(all.out.map((user) => user.id)).toEqual(users().map((user) => user.id));
		expect(all.out.map((user) => `${user.firstName} ${user.lastName}`)).toEqual(['Sandra Owner', 'Sam Seller', 'Sue Support']);
		const two = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.out).toEqual(all.out.slice(0, 2));
	});

	opTest('search-users', 'searches by text and role in the location’s company, paging with skip/limit', async () => {
		const result = await run({ resource: 'user', operation: 'search', query: 'sam', returnAll: true });
		expect(result.requests.map((request) => request.operationId)).toEqual(['get-location', 'search-users']);
		expectRequest(only(result, 'search-users'), {
			method: 'GET',
			path: '/users/search',
			query: { companyId: sandbox().demo.companyId, locationId: sandbox().demo.locationId, query: 'sam', skip: '0', limit: '100' },
		});
		expect(result.out.map((user) => user.email)).toEqual(['sam.seller@sandbox.example']);
		const admins = await run({ resource: 'user', operation: 'search', returnAll: false, limit: 1, filters: { role: 'user' } });
		expect(only(admins, 'search-users').query).toEqual({
			companyId: sandbox().demo.companyId,
			locationId: sandbox().demo.locationId,
			role: 'user',
			skip: '0',
			limit: '1',
		});
		expect(admins.out.map((user) => user.id)).toEqual([users()[1].id]);
	});

	opTest('search-users', 'Return All walks every page, for each item (each reads its location’s company once)', async () => {
		sandbox().setRateLimit({ max: 1000, intervalMs: 10_000, daily: 200_000 });
		for (let index = 0; index < 105; index++) {
			await api('POST', '/users/', {
				companyId: sandbox().demo.companyId,
				firstName: 'Temp',
				lastName: `Agent ${index}`,
				email: `temp.agent.${index}@example.com`,
				password: 'x',
				type: 'account',
				role: 'user',
				locationIds: [sandbox().demo.locationId],
			});
		}
		const result = await run({ resource: 'user', operation: 'search', query: 'temp', returnAll: true }, { items: [{}, {}] });
		expect(result.requests.filter((request) => request.operationId === 'get-location')).toHaveLength(2);
		const pages = result.requests.filter((request) => request.operationId === 'search-users').map((request) => request.query.skip);
		// Both items walk both pages (items run side by side, so their pages interleave).
		expect(pages.sort()).toEqual(['0', '0', '100', '100']);
		expect(result.out).toHaveLength(210);
	});

	opTest('get-user', 'reads one user', async () => {
		const seller = users()[1];
		const result = await run({ resource: 'user', operation: 'get', userId: seller.id });
		expectRequest(only(result, 'get-user'), { method: 'GET', path: `/users/${seller.id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: seller.id, firstName: 'Sam', lastName: 'Seller', email: seller.email })]);
	});

	opTest('create-user', 'creates a sub-account user of this location in its company; the password is not in the output', async () => {
		const result = await run({
			resource: 'user',
			operation: 'create',
			firstName: 'Nora',
			lastName: 'Newhire',
			email: ' nora@example.com ',
			password: ' spaced pass ',
			role: 'admin',
			additionalFields: { phone: '+1 (415) 555-0100' },
		});
		expectRequest(only(result, 'create-user'), {
			method: 'POST',
			path: '/users/',
			body: {
				companyId: sandbox().demo.companyId,
				firstName: 'Nora',
				lastName: 'Newhire',
				email: 'nora@example.com',
				password: ' spaced pass ',
				phone: '+14155550100',
				role: 'admin',
				type: 'account',
				locationIds: [sandbox().demo.locationId],
			},
		});
		expect(result.out).toEqual([expect.objectContaining({ id: expect.any(String), firstName: 'Nora', email: 'nora@example.com' })]);
		expect(JSON.stringify(result.out)).not.toContain('spaced pass');
		expect(users().find((user) => user.id === result.out[0].id)).toMatchObject({ role: 'admin', locationIds: [sandbox().demo.locationId] });
	});

	test('create without a password, or with an unknown role, is refused before any request', async () => {
		const base = { resource: 'user', operation: 'create', firstName: 'A', lastName: 'B', email: 'a@example.com', password: 'x', role: 'user' };
		// A password an expression leaves empty (an empty field n8n itself refuses to run).
		const noPassword = await run({ ...base, password: '={{ "" }}' });
		expect(noPassword.requests).toHaveLength(0);
		expect(noPassword.error?.message).toMatch(/^Password: expected a value/);
		const badRole = await run({ ...base, role: '={{ "owner" }}' });
		expect(badRole.requests).toHaveLength(0);
		expect(badRole.error?.message).toMatch(/^Role: expected admin or user/);
	});

	opTest('update-user', 'sends only the fields given', async () => {
		const support = users()[2];
		const result = await run({ resource: 'user', operation: 'update', userId: support.id, updateFields: { lastName: 'Lead', role: 'admin' } });
		expectRequest(only(result, 'update-user'), { method: 'PUT', path: `/users/${support.id}`, body: { lastName: 'Lead', role: 'admin' } });
		expect(result.out).toEqual([expect.objectContaining({ id: support.id, firstName: 'Sue', lastName: 'Lead' })]);
		expect(users()[2]).toMatchObject({ lastName: 'Lead', role: 'admin' });
	});

	opTest('delete-user', 'deletes the user', async () => {
		const support = users()[2];
		const result = await run({ resource: 'user', operation: 'delete', userId: support.id });
		expectRequest(only(result, 'delete-user'), { method: 'DELETE', path: `/users/${support.id}` });
		expect(result.out).toEqual([expect.objectContaining({ userId: support.id, succeded: true })]);
		expect(users().map((user) => user.id)).not.toContain(support.id);
	});
});
