/**
 * The Polling Trigger with the agency credential: it watches the sub-account its Sub-Account
 * parameter names (with that sub-account's minted token) and keeps one cursor per sub-account, so
 * switching Sub-Account neither mixes the cursors nor loses the first one's place. Runs in n8n-core's
 * PollContext against the sandbox's three sub-accounts.
 */
import type { IDataObject } from 'n8n-workflow';
import { agencyCredential, useSandbox } from '../harness/fixtures';
import { Poller, sandboxApi } from './helpers';

const sandbox = useSandbox();

/** Lets GHL's timestamps move past the previous poll (they have millisecond resolution). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const byId = (locationId: string) => ({ __rl: true, mode: 'id', value: locationId });

/** Creates contacts in a sub-account with its own OAuth token (as a user of that sub-account would). */
async function createIn(locationId: string, count: number, tag: string): Promise<string[]> {
	const api = sandboxApi(sandbox(), sandbox().issueOAuthTokens({ locationId }).access_token);
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const response = await api('POST', '/contacts/', { locationId, firstName: tag, lastName: `${index}`, email: `${tag}-${index}@agency.example` });
		ids.push(String((response.contact as IDataObject).id));
	}
	return ids;
}

const idsOf = (items: IDataObject[] | null) => (items ?? []).map((item) => String(item.id)).sort();

describe('Polling trigger with the agency credential', () => {
	test('polls in two sub-accounts emit each one’s records only; switching Sub-Account and back resumes the first one’s cursor', async () => {
		const { locationId: first, otherLocationId: second, thirdLocationId: third } = sandbox().demo;
		const credential = agencyCredential(sandbox());
		const trigger = new Poller({ authentication: 'agencyOAuth2', event: 'contactCreated', subAccount: byId(first) }, credential);
		const searchedLocations = () =>
			sandbox()
				.requests.filter((request) => request.path === '/contacts/search')
				.map((request) => (request.body as IDataObject).locationId);

		expect(await trigger.poll()).toBeNull();
		await tick();
		const firstBatch = await createIn(first, 2, 'first-a');
		await createIn(second, 2, 'second-a');
		await createIn(third, 2, 'third-a');

		const fromFirst = await trigger.poll();
		expect(idsOf(fromFirst)).toEqual([...firstBatch].sort());
		expect(fromFirst!.every((contact) => contact.locationId === first)).toBe(true);

		// Another sub-account starts from its own baseline: its contacts made earlier are not new.
		trigger.node.parameters.subAccount = byId(second);
		sandbox().requests.length = 0;
		expect(await trigger.poll()).toBeNull();
		expect(new Set(searchedLocations())).toEqual(new Set([second]));
		await tick();
		const secondBatch = await createIn(second, 3, 'second-b');
		const firstMeanwhile = await createIn(first, 2, 'first-b');
		const fromSecond = await trigger.poll();
		expect(idsOf(fromSecond)).toEqual([...secondBatch].sort());
		expect(fromSecond!.every((contact) => contact.locationId === second)).toBe(true);

		// Back to the first: what it got while the trigger watched the second, nothing emitted twice.
		trigger.node.parameters.subAccount = byId(first);
		const backInFirst = await trigger.poll();
		expect(idsOf(backInFirst)).toEqual([...firstMeanwhile].sort());
		expect(await trigger.poll()).toBeNull();

		// One state per sub-account in the node's static data; the agency token itself searched nothing.
		expect(Object.keys(trigger.staticData).sort()).toEqual([`ghlPollingCursor:${first}`, `ghlPollingCursor:${second}`].sort());
		const agencyToken = `Bearer ${(credential.data.oauthTokenData as IDataObject).access_token}`;
		const searches = sandbox().requests.filter((request) => request.path === '/contacts/search');
		expect(searches.length).toBeGreaterThan(0);
		expect(searches.every((request) => request.status === 200 && request.headers.authorization !== agencyToken)).toBe(true);
	});

	test('a manual run shows the chosen sub-account’s recent records; an empty Sub-Account fails naming it, before any request', async () => {
		const { otherLocationId: second } = sandbox().demo;
		const credential = agencyCredential(sandbox());
		const created = await createIn(second, 2, 'manual');
		const samples = await new Poller({ authentication: 'agencyOAuth2', event: 'contactCreated', subAccount: byId(second) }, credential).poll('manual');
		expect(idsOf(samples)).toEqual(expect.arrayContaining(created));
		expect(samples!.every((contact) => contact.locationId === second)).toBe(true);

		sandbox().requests.length = 0;
		const empty = new Poller({ authentication: 'agencyOAuth2', event: 'contactCreated', subAccount: byId('') }, credential);
		await expect(empty.poll()).rejects.toThrow('Sub-Account is empty: choose the sub-account this item acts for');
		expect(sandbox().requests).toHaveLength(0);
	});
});
