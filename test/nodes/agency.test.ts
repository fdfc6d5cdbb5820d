/**
 * Agency mode: one agency OAuth2 credential (a Company token) acts for every sub-account the app is
 * installed in. The node mints a location token per sub-account (POST /oauth/locationToken), keeps
 * it until shortly before it expires, and sends each item's requests with the token of the
 * sub-account its Sub-Account parameter names. Runs against the sandbox's three sub-accounts.
 */
import type { IDataObject } from 'n8n-workflow';
import { runCredentialTest } from '../harness/credentialTest';
import { agencyCredential, oauthCredential } from '../harness/fixtures';
import { nodeTests } from './kit';

const { sandbox, run, opTest } = nodeTests();

const bySubAccountOfItem = { __rl: true, mode: 'id', value: '={{ $json.locationId }}' };

function subAccounts(): string[] {
	const { locationId, otherLocationId, thirdLocationId } = sandbox().demo;
	return [locationId, otherLocationId, thirdLocationId];
}

interface StoredContact {
	id: string;
	locationId: string;
	email?: string;
}

function contactsByEmail(): Map<string, StoredContact> {
	const contacts = (sandbox().snapshot() as { contacts: StoredContact[] }).contacts;
	return new Map(contacts.filter((contact) => contact.email).map((contact) => [contact.email!.toLowerCase(), contact]));
}

const mints = () => sandbox().requests.filter((request) => request.operationId === 'get-location-access-token');

describe('agency credential', () => {
	test('its credential test lists the installed sub-accounts with the agency token; a sub-account token is refused', async () => {
		const ok = await runCredentialTest(agencyCredential(sandbox()));
		expect(ok.run.status).toBe('success');
		const body = ok.json('Request')[0].body as { locations: IDataObject[] };
		expect(body.locations).toHaveLength(1);

		const subAccountToken = sandbox().issueOAuthTokens();
		const refused = await runCredentialTest(agencyCredential(sandbox(), { ...subAccountToken, companyId: sandbox().demo.companyId }));
		expect(refused.run.status).toBe('error');
	});

	test('30 items over three sub-accounts, Concurrency 8: each record lands in its sub-account, one location token minted per sub-account', async () => {
		const credential = agencyCredential(sandbox());
		const items = Array.from({ length: 30 }, (_, index) => ({
			locationId: subAccounts()[index % 3],
			email: `fan.out.${index}@agency.example`,
		}));
		const result = await run(
			{ resource: 'contact', operation: 'create', subAccount: bySubAccountOfItem, email: '={{ $json.email }}', concurrency: 8 },
			{ items, credential },
		);
		expect(result.error).toBeUndefined();
		expect(result.out).toHaveLength(30);
		const stored = contactsByEmail();
		for (const item of items) expect({ email: item.email, locationId: stored.get(item.email)?.locationId }).toEqual(item);

		// One mint per sub-account although eight items were in flight when each was first needed.
		const minted = result.requests.filter((request) => request.operationId === 'get-location-access-token');
		expect(minted.map((request) => (request.body as IDataObject).locationId).sort()).toEqual([...subAccounts()].sort());
		expect(minted.every((request) => request.status === 200)).toBe(true);
		// The agency token only minted; every contact call carried a sub-account token.
		const agencyToken = `Bearer ${(credential.data.oauthTokenData as IDataObject).access_token}`;
		const creates = result.requests.filter((request) => request.operationId === 'create-contact');
		expect(creates).toHaveLength(30);
		expect(creates.every((request) => request.status === 201 && request.headers.authorization !== agencyToken)).toBe(true);
		expect(minted.every((request) => request.headers.authorization === agencyToken)).toBe(true);

		// The next run reuses the cached tokens: no mint at all.
		const again = await run(
			{ resource: 'contact', operation: 'get', subAccount: bySubAccountOfItem, contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: result.out.map((contact) => ({ id: contact.id, locationId: contact.locationId })), credential },
		);
		expect(again.error).toBeUndefined();
		expect(again.out.map((contact) => contact.id)).toEqual(result.out.map((contact) => contact.id));
		expect(again.requests.filter((request) => request.operationId === 'get-location-access-token')).toHaveLength(0);
	});

	test('a sub-account the app was uninstalled from fails its own items with an error naming it; the other sub-accounts go on', async () => {
		const credential = agencyCredential(sandbox());
		const [, , revoked] = subAccounts();
		// A token for it is cached first, so the uninstall also proves a revoked cached token is handled.
		await run({ resource: 'tag', operation: 'getAll', subAccount: { __rl: true, mode: 'id', value: revoked }, returnAll: true }, { credential });
		sandbox().setAppInstalled(revoked, false);

		const items = Array.from({ length: 9 }, (_, index) => ({ locationId: subAccounts()[index % 3], email: `revoked.${index}@agency.example` }));
		const result = await run(
			{ resource: 'contact', operation: 'create', subAccount: bySubAccountOfItem, email: '={{ $json.email }}' },
			{ items, credential, continueOnFail: true },
		);
		expect(result.out).toHaveLength(9);
		items.forEach((item, index) => {
			const output = result.out[index];
			if (item.locationId === revoked) {
				expect(output.error).toBe(`Sub-account ${revoked}: GHL gave no token for it (GHL API error 400: This app is not installed in location ${revoked})`);
				expect(String(output.errorDescription)).toMatch(/Is the app installed in sub-account/);
			} else {
				expect(output.error).toBeUndefined();
				expect(output.locationId).toBe(item.locationId);
			}
		});
		const stored = contactsByEmail();
		expect(items.filter((item) => stored.has(item.email)).map((item) => item.locationId)).not.toContain(revoked);
		expect(items.filter((item) => stored.has(item.email))).toHaveLength(6);
	});

	test('location and agency tokens expire mid-run: n8n refreshes the agency token once and each sub-account token is minted again once', async () => {
		const credential = agencyCredential(sandbox());
		const [first] = subAccounts();
		const items = Array.from({ length: 12 }, (_, index) => ({ locationId: first, email: `expiry.${index}@agency.example` }));
		const watcher = setInterval(() => {
			if (sandbox().requests.filter((request) => request.operationId === 'create-contact').length >= 3) {
				sandbox().expireAccessTokens();
				clearInterval(watcher);
			}
		}, 1);
		const result = await run(
			{ resource: 'contact', operation: 'create', subAccount: bySubAccountOfItem, email: '={{ $json.email }}' },
			{ items, credential },
		);
		clearInterval(watcher);
		expect(result.error).toBeUndefined();
		expect(result.out).toHaveLength(12);
		const refreshes = result.requests.filter((request) => request.path === '/oauth/token');
		const okMints = mints().filter((request) => request.status === 200);
		if (process.env.GHL_TEST_ENGINE === 'n8n-1.x') {
			expect(refreshes.length).toBeGreaterThanOrEqual(1);
		} else {
			expect(refreshes).toHaveLength(1);
		}
		expect(okMints).toHaveLength(2);
		const stored = result.credentials.store.get(credential.id)!.data.oauthTokenData as IDataObject;
		expect(stored.refresh_token).not.toBe((credential.data.oauthTokenData as IDataObject).refresh_token);
	});

	test('an empty Sub-Account fails the item naming the parameter, before any request', async () => {
		const result = await run({ resource: 'contact', operation: 'create', subAccount: { __rl: true, mode: 'id', value: '={{ $json.nothing }}' }, email: 'a@b.example' }, { credential: agencyCredential(sandbox()) });
		expect(result.error?.message).toBe('Sub-Account is empty: choose the sub-account this item acts for');
		expect(result.requests).toHaveLength(0);
	});

	test('a sub-account OAuth2 token cannot run agency operations: refused before any request', async () => {
		const result = await run({ resource: 'agency', operation: 'getInstalledSubAccounts', returnAll: true }, { credential: oauthCredential(sandbox()) });
		expect(result.error?.message).toBe('This operation needs an agency credential');
		expect(result.requests).toHaveLength(0);
	});
});

describe('agency operations', () => {
	opTest('get-installed-location', 'Get Installed Sub-Accounts: one item per sub-account with the app; an uninstalled one drops out', async () => {
		const credential = agencyCredential(sandbox());
		const all = await run({ resource: 'agency', operation: 'getInstalledSubAccounts', returnAll: true }, { credential });
		expect(all.out.map((location) => location._id).sort()).toEqual([...subAccounts()].sort());
		expect(all.out.every((location) => location.isInstalled === true && typeof location.name === 'string')).toBe(true);

		sandbox().setAppInstalled(sandbox().demo.otherLocationId, false);
		const after = await run({ resource: 'agency', operation: 'getInstalledSubAccounts', returnAll: false, limit: 5 }, { credential });
		expect(after.out.map((location) => location._id).sort()).toEqual([sandbox().demo.locationId, sandbox().demo.thirdLocationId].sort());

		const named = await run({ resource: 'agency', operation: 'getInstalledSubAccounts', returnAll: true, query: 'third' }, { credential });
		expect(named.out.map((location) => location._id)).toEqual([sandbox().demo.thirdLocationId]);
	});

	opTest('get-location-access-token', 'Get Location Token: a sub-account token for the chosen sub-account, the token itself only when asked', async () => {
		const credential = agencyCredential(sandbox());
		const other = sandbox().demo.otherLocationId;
		const result = await run({ resource: 'agency', operation: 'getLocationToken', locationId: { __rl: true, mode: 'id', value: other } }, { credential });
		expect(result.out[0]).toMatchObject({ locationId: other, token_type: 'Bearer' });
		expect(result.out[0].access_token).toBeUndefined();
		expect(Number(result.out[0].expires_in)).toBeGreaterThan(0);
		expect(result.requests[0].body).toEqual({ companyId: sandbox().demo.companyId, locationId: other });
		expect(result.requests[0].headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);

		const bad = await run({ resource: 'agency', operation: 'getLocationToken', locationId: { __rl: true, mode: 'id', value: '={{ "../x" }}' } }, { credential });
		expect(bad.error?.message).toMatch(/^Sub-Account: expected/);
		expect(bad.requests).toHaveLength(0);
	});
});

describe('agency sub-account and user operations', () => {
	interface StoredLocation {
		id: string;
		name: string;
		companyId: string;
		city?: string;
		website?: string;
	}
	const locations = () => (sandbox().snapshot() as { locations: StoredLocation[] }).locations;

	opTest('search-locations', 'Search Sub-Accounts: every sub-account of the agency, installed or not; Limit cuts', async () => {
		const credential = agencyCredential(sandbox());
		sandbox().setAppInstalled(sandbox().demo.thirdLocationId, false);
		const all = await run({ resource: 'agency', operation: 'searchSubAccounts', returnAll: true }, { credential });
		expect(all.error).toBeUndefined();
		expect(all.out.map((location) => location.id).sort()).toEqual([...subAccounts()].sort());
		expect(all.requests[0].query).toMatchObject({ companyId: sandbox().demo.companyId });
		const two = await run({ resource: 'agency', operation: 'searchSubAccounts', returnAll: false, limit: 2 }, { credential });
		expect(two.out).toHaveLength(2);
		const bad = await run({ resource: 'agency', operation: 'searchSubAccounts', returnAll: true, filters: { email: 'not-an-email' } }, { credential });
		expect(bad.error?.message).toMatch(/^Email: expected an email address/);
		expect(bad.requests).toHaveLength(0);
	});

	opTest('create-location', 'Create Sub-Account: in the agency of the credential, with the fields given', async () => {
		const credential = agencyCredential(sandbox());
		const result = await run(
			{ resource: 'agency', operation: 'createSubAccount', name: 'Acme Dental Denver', additionalFields: { city: 'Denver', country: 'us', website: '' } },
			{ credential },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests[0].body).toEqual({ name: 'Acme Dental Denver', city: 'Denver', country: 'US', companyId: sandbox().demo.companyId });
		const created = locations().find((location) => location.id === result.out[0].id);
		expect(created).toMatchObject({ name: 'Acme Dental Denver', city: 'Denver', companyId: sandbox().demo.companyId });
		const bad = await run({ resource: 'agency', operation: 'createSubAccount', name: 'X', additionalFields: { country: 'United States' } }, { credential });
		expect(bad.error?.message).toBe('Country: expected a two-letter country code like US, got "UNITED STATES"');
		expect(bad.requests).toHaveLength(0);
	});

	opTest('put-location', 'Update Sub-Account: only the fields given change', async () => {
		const credential = agencyCredential(sandbox());
		const third = sandbox().demo.thirdLocationId;
		const before = locations().find((location) => location.id === third)!;
		const result = await run(
			{ resource: 'agency', operation: 'updateSubAccount', locationId: { __rl: true, mode: 'id', value: third }, updateFields: { website: 'https://third.example' } },
			{ credential },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests[0].body).toEqual({ website: 'https://third.example', companyId: sandbox().demo.companyId });
		expect(locations().find((location) => location.id === third)).toMatchObject({ name: before.name, website: 'https://third.example' });
		const nothing = await run({ resource: 'agency', operation: 'updateSubAccount', locationId: { __rl: true, mode: 'id', value: third }, updateFields: {} }, { credential });
		expect(nothing.error?.message).toBe('Update Fields: add at least one field to change');
		expect(nothing.requests).toHaveLength(0);
	});

	opTest('delete-location', 'Delete Sub-Account: the sub-account is gone', async () => {
		const credential = agencyCredential(sandbox());
		const third = sandbox().demo.thirdLocationId;
		const result = await run({ resource: 'agency', operation: 'deleteSubAccount', locationId: { __rl: true, mode: 'id', value: third } }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.requests[0].query).toEqual({ deleteTwilioAccount: 'false' });
		expect(locations().map((location) => location.id)).not.toContain(third);
	});

	opTest('filter-users-by-email', 'Find Users by Email: the agency users with those emails, across sub-accounts', async () => {
		const credential = agencyCredential(sandbox());
		const users = (sandbox().snapshot() as { users: Array<{ id: string; email: string; locationIds: string[] }> }).users;
		const [owner] = users;
		const other = users.find((user) => user.locationIds.includes(sandbox().demo.otherLocationId) && !user.locationIds.includes(sandbox().demo.locationId))!;
		const result = await run({ resource: 'agency', operation: 'findUsersByEmail', emails: `${owner.email}, ${other.email.toUpperCase()}`, returnAll: true }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.out.map((user) => user.id).sort()).toEqual([owner.id, other.id].sort());
		expect(result.requests[0].body).toMatchObject({ companyId: sandbox().demo.companyId, emails: `${owner.email},${other.email.toUpperCase()}` });
		const bad = await run({ resource: 'agency', operation: 'findUsersByEmail', emails: 'a@b.example, nobody' , returnAll: true }, { credential });
		expect(bad.error?.message).toMatch(/^Emails: expected an email address/);
		expect(bad.requests).toHaveLength(0);
	});
});

describe('sandbox token kinds', () => {
	async function call(method: string, path: string, token: string): Promise<number> {
		const response = await fetch(`${sandbox().url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, Version: '2021-07-28' } });
		return response.status;
	}

	test('an agency token is refused on a sub-account operation, a sub-account token on an agency operation', async () => {
		const agency = sandbox().issueOAuthTokens({ userType: 'Company' }).access_token;
		const location = sandbox().issueOAuthTokens().access_token;
		const { companyId, appId, locationId } = sandbox().demo;
		expect(await call('GET', `/locations/${locationId}/tags`, agency)).toBe(401);
		expect(await call('GET', `/locations/${locationId}/tags`, location)).toBe(200);
		expect(await call('GET', `/oauth/installedLocations?companyId=${companyId}&appId=${appId}`, location)).toBe(401);
		expect(await call('GET', `/oauth/installedLocations?companyId=${companyId}&appId=${appId}`, agency)).toBe(200);
		expect(await call('GET', `/oauth/installedLocations?companyId=${companyId}&appId=SomeOtherApp0000001`, agency)).toBe(403);
	});
});
