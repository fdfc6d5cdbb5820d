/** Business: the companies of a location that contacts can belong to (GHL's businesses API). */
import type { IDataObject } from 'n8n-workflow';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, api, pickerOptions } = nodeTests();

interface Business extends IDataObject {
	id: string;
	name: string;
	locationId: string;
}

/** The location's businesses as the sandbox holds them now. */
function businesses(locationId = sandbox().demo.locationId): Business[] {
	return (sandbox().snapshot().businesses as Business[]).filter((business) => business.locationId === locationId);
}

describe('Business', () => {
	opTest('create-business', 'creates it in the credential’s location with the fields given; Simplify gives the business', async () => {
		const result = await run({
			resource: 'business',
			operation: 'create',
			name: ' Initech ',
			additionalFields: { city: 'Austin', email: 'hello@initech.example', website: '', phone: '+15125550100' },
		});
		expectRequest(only(result, 'create-business'), {
			method: 'POST',
			path: '/businesses/',
			body: { name: 'Initech', city: 'Austin', email: 'hello@initech.example', phone: '+15125550100', locationId: sandbox().demo.locationId },
		});
		expect(result.out).toEqual([expect.objectContaining({ id: expect.any(String), name: 'Initech', city: 'Austin', locationId: sandbox().demo.locationId })]);
		expect(businesses().find((business) => business.id === result.out[0].id)).toMatchObject({ name: 'Initech', phone: '+15125550100' });
		// GHL names the business `buiseness` in this answer; the node's raw output says `business`.
		const raw = await run({ resource: 'business', operation: 'create', name: 'Raw Ltd', simplify: false });
		expect(raw.out).toEqual([{ success: true, business: expect.objectContaining({ name: 'Raw Ltd' }) }]);
	});

	opTest('get-business', 'reads one business; another location’s is refused by GHL', async () => {
		const [acme] = businesses();
		const result = await run({ resource: 'business', operation: 'get', businessId: acme.id });
		expectRequest(only(result, 'get-business'), { method: 'GET', path: `/businesses/${acme.id}` });
		expect(result.out).toEqual([expect.objectContaining({ id: acme.id, name: 'Acme Corporation', locationId: acme.locationId })]);
		const [foreign] = businesses(sandbox().demo.otherLocationId);
		const refused = await run({ resource: 'business', operation: 'get', businessId: foreign.id });
		expect(refused.requests.map((request) => request.status)).toEqual([403]);
		expect(refused.error?.message).toMatch(/^GHL API error 403/);
	});

	opTest('update-business', 'sends only the fields given', async () => {
		const globex = businesses()[1];
		const result = await run({ resource: 'business', operation: 'update', businessId: globex.id, updateFields: { name: 'Globex Corp', state: 'OR' } });
		expectRequest(only(result, 'update-business'), { method: 'PUT', path: `/businesses/${globex.id}`, body: { name: 'Globex Corp', state: 'OR' } });
		expect(result.out).toEqual([expect.objectContaining({ id: globex.id, name: 'Globex Corp', state: 'OR' })]);
		expect(((await api('GET', `/businesses/${globex.id}`)).business as Business).name).toBe('Globex Corp');
	});

	test('an update with no fields, or a bad email, is refused before any request', async () => {
		const globex = businesses()[1];
		const empty = await run({ resource: 'business', operation: 'update', businessId: globex.id, updateFields: { city: ' ' } });
		expect(empty.requests).toHaveLength(0);
		expect(empty.error?.message).toMatch(/^Update Fields: add at least one field/);
		const badEmail = await run({ resource: 'business', operation: 'create', name: 'X', additionalFields: { email: 'not-an-email' } });
		expect(badEmail.requests).toHaveLength(0);
		expect(badEmail.error?.message).toMatch(/^Email: expected an email address/);
	});

	opTest('delete-Business', 'deletes it', async () => {
		const globex = businesses()[1];
		const result = await run({ resource: 'business', operation: 'delete', businessId: globex.id });
		expectRequest(only(result, 'delete-Business'), { method: 'DELETE', path: `/businesses/${globex.id}` });
		expect(result.out).toEqual([{ businessId: globex.id, success: true }]);
		expect(businesses().map((business) => business.id)).not.toContain(globex.id);
	});

	opTest('get-businesses-by-location', 'Return All pages with skip and limit; a Limit stops early', async () => {
		sandbox().setRateLimit({ max: 1000, intervalMs: 10_000, daily: 200_000 });
		for (let index = 0; index < 120; index++) await api('POST', '/businesses/', { name: `Bulk ${index}`, locationId: sandbox().demo.locationId });
		const all = await run({ resource: 'business', operation: 'getAll', returnAll: true });
		const pages = all.requests.filter((request) => request.operationId === 'get-businesses-by-location');
		expect(pages.map((request) => request.query)).toEqual([
			{ locationId: sandbox().demo.locationId, skip: '0', limit: '100' },
			{ locationId: sandbox().demo.locationId, skip: '100', limit: '100' },
		]);
		expect(all.out.map((business) => business.id)).toEqual(businesses().map((business) => business.id));
		expect(all.out).toHaveLength(122);
		const three = await run({ resource: 'business', operation: 'getAll', returnAll: false, limit: 3 });
		expectRequest(only(three, 'get-businesses-by-location'), { method: 'GET', path: '/businesses/', query: { locationId: sandbox().demo.locationId, skip: '0', limit: '3' } });
		expect(three.out).toEqual(all.out.slice(0, 3));
	});

	test('the Business picker lists the location’s businesses by name', async () => {
		const options = await pickerOptions('getBusinesses', { resource: 'business', operation: 'get' }, 'businessId');
		expect(options).toEqual(
			businesses()
				.map((business) => ({ name: business.name, value: business.id }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
	});
});
