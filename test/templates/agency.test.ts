/**
 * The agency fan-out template (templates/ghl-agency-fan-out.json) in n8n-core with n8n 2.41.1's own
 * base nodes, as production runs (static data kept between runs), against the sandbox's agency and
 * its three sub-accounts, with the "any app" simulator as the other system. One agency credential:
 * every contact must land in the app under its own sub-account, and a sub-account the app was
 * uninstalled from must fail alone, with an error that names it.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ContactRecord } from '../../sandbox/store';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { sandboxApi } from '../triggers/helpers';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { anyAppContactFields, setConfig, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/agency.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

const stack = useTemplateStack();
const { sandbox, engineFor } = stack;

const LIST = "Get the sub-account's changed contacts";

async function run(engine: TemplateEngine) {
	const result = await engine.run('Config', [{}], 'trigger');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

function subAccounts(): string[] {
	const { locationId, otherLocationId, thirdLocationId } = sandbox().demo;
	return [locationId, otherLocationId, thirdLocationId];
}

function locationName(id: string): string {
	return (sandbox().snapshot() as { locations: Array<{ id: string; name: string }> }).locations.find((l) => l.id === id)!.name;
}

/** Contacts of a sub-account, written with that sub-account's own token. */
async function createIn(locationId: string, count: number, label: string, extra: IDataObject = {}): Promise<string[]> {
	const api = sandboxApi(sandbox(), sandbox().issueOAuthTokens({ locationId }).access_token);
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const body = { locationId, firstName: label, lastName: `No ${index}`, email: `${label}.${index}@fan-out.example`, city: 'Springfield', tags: [label], ...extra };
		ids.push(String(((await api('POST', '/contacts/', body)).contact as IDataObject).id));
	}
	return ids;
}

const contactsOf = (locationId: string): ContactRecord[] => sandboxRecords(sandbox()).contacts.filter((c) => c.locationId === locationId);
const hasHandle = (c: ContactRecord) => !!(c.email || c.phone);

/** What the app must hold for a contact: the template's record, built here from the sandbox's own store. */
function expectedRecord(c: ContactRecord): IDataObject {
	return { externalId: `ghl:${c.locationId}:${c.id}`, subAccountId: c.locationId, subAccountName: locationName(c.locationId), ...anyAppContactFields(c) } as IDataObject;
}

const appRecords = () => new Map(stack.partners().anyapp.records().map((r) => [r.externalId, r as IDataObject]));
const duplicates = () => [...stack.partners().anyapp.writes()].filter(([, count]) => count > 1).map(([id]) => id);
const posts = () => stack.partners().requestsFor('anyapp', '/api/records').filter((r) => r.method === 'POST');
const mintsFor = (locationId: string) =>
	sandbox().requests.filter((r) => r.operationId === 'get-location-access-token' && (r.body as IDataObject).locationId === locationId);

describeWithN8n('HighLevel agency: the same contact sync for every installed sub-account', () => {
	const file = 'ghl-agency-fan-out';

	test('replay ×2: three sub-accounts, each contact lands once under its own sub-account, field by field; two more runs write nothing; a change is sent once', async () => {
		const [, second, third] = subAccounts();
		await createIn(second, 3, 'second');
		await createIn(third, 2, 'third');
		const engine = engineFor(file);
		const result = await run(engine);

		const wanted = subAccounts().flatMap(contactsOf).filter(hasHandle);
		expect(new Set(wanted.map((c) => c.locationId))).toEqual(new Set(subAccounts()));
		const app = appRecords();
		expect(app.size).toBe(wanted.length);
		for (const contact of wanted) expect(app.get(`ghl:${contact.locationId}:${contact.id}`)).toEqual(expectedRecord(contact));
		// Pages are per sub-account and say which one they were for.
		const done = result.items('Record as synced');
		expect(done.map((page) => page.subAccountId).sort()).toEqual([...subAccounts()].sort());
		for (const page of done) expect(page.records).toBe(wanted.filter((c) => c.locationId === page.subAccountId).length);
		// Each sub-account's contacts were read with its own token, minted once from the agency token.
		for (const id of subAccounts()) expect(mintsFor(id)).toHaveLength(1);
		const searches = sandbox().requests.filter((r) => r.path === '/contacts/search');
		expect(new Set(searches.map((r) => (r.body as IDataObject).locationId))).toEqual(new Set(subAccounts()));
		expect(result.items('Failed items')).toEqual(
			subAccounts().flatMap(contactsOf).filter((c) => !hasHandle(c)).map((c) => expect.objectContaining({ record: `ghl-contact:${c.locationId}:${c.id}`, failedStep: 'Valid?' })),
		);

		const before = posts().length;
		await run(engine);
		await run(engine);
		expect(posts()).toHaveLength(before);
		expect(duplicates()).toEqual([]);

		// A change in one sub-account: only it is read as changed since its last run, and sent once.
		const [changed] = contactsOf(second).filter(hasHandle);
		await sandboxApi(sandbox(), sandbox().issueOAuthTokens({ locationId: second }).access_token)('PUT', `/contacts/${changed.id}`, { city: 'Changed Town' });
		const searchesBefore = sandbox().requests.filter((r) => r.path === '/contacts/search').length;
		const next = await run(engine);
		expect(next.items('Record as synced')).toEqual([expect.objectContaining({ subAccountId: second, records: 1 })]);
		expect(appRecords().get(`ghl:${second}:${changed.id}`)!.city).toBe('Changed Town');
		expect(duplicates()).toEqual([`ghl:${second}:${changed.id}`]);
		const windowed = sandbox().requests.filter((r) => r.path === '/contacts/search').slice(searchesBefore);
		for (const search of windowed) expect((search.body as IDataObject).filters).toEqual([{ field: 'dateUpdated', operator: 'range', value: { gte: expect.any(String) } }]);
	});

	test('outage: the app uninstalled from one sub-account → its item on Failed items with an error naming it; the others sync; reinstalled, it catches up once', async () => {
		const [first, second, third] = subAccounts();
		const engine = engineFor(file);
		await createIn(third, 1, 'before');
		await run(engine);
		const synced = appRecords().size;

		sandbox().setAppInstalled(third, false);
		const added = { [first]: await createIn(first, 2, 'first-new'), [second]: await createIn(second, 2, 'second-new'), [third]: await createIn(third, 2, 'third-new') };
		const revoked = await run(engine);
		expect(revoked.items('Failed items')).toEqual([
			{
				record: `ghl-sub-account:${third}`,
				failedStep: LIST,
				reason: `Sub-account ${third}: GHL gave no token for it (GHL API error 400: This app is not installed in location ${third})`,
			},
		]);
		expect(revoked.items('Record as synced').map((page) => page.subAccountId).sort()).toEqual([first, second].sort());
		const app = appRecords();
		expect(app.size).toBe(synced + 4);
		for (const id of [...added[first], ...added[second]]) {
			const contact = [...contactsOf(first), ...contactsOf(second)].find((c) => c.id === id)!;
			expect(app.get(`ghl:${contact.locationId}:${id}`)).toEqual(expectedRecord(contact));
		}
		for (const id of added[third]) expect(app.has(`ghl:${third}:${id}`)).toBe(false);

		// Reported once: the next run does not try it again.
		sandbox().requests.length = 0;
		const quiet = await run(engine);
		expect(quiet.items('Failed items')).toEqual([]);
		expect(mintsFor(third)).toHaveLength(0);

		// Installed again, it is listed again and sends what it missed; nothing it sent before goes twice.
		sandbox().setAppInstalled(third, true);
		const back = await run(engine);
		expect(back.items('Failed items')).toEqual([]);
		for (const id of added[third]) expect(appRecords().get(`ghl:${third}:${id}`)).toEqual(expectedRecord(contactsOf(third).find((c) => c.id === id)!));
		expect(duplicates()).toEqual([]);
	});

	test('bad item: a contact without email or phone in one sub-account is on Failed items, naming its sub-account; the rest is sent', async () => {
		const [, second, third] = subAccounts();
		await createIn(third, 2, 'ok');
		const api = sandboxApi(sandbox(), sandbox().issueOAuthTokens({ locationId: third }).access_token);
		const nameOnly = (await api('POST', '/contacts/', { locationId: third, firstName: 'Nameonly', lastName: 'Person' })).contact as IDataObject;
		await createIn(second, 1, 'ok');
		const engine = engineFor(file, (json) => setConfig(json, 'subAccountNameContains', 'Location'));
		const result = await run(engine);
		const failed = result.items('Failed items').filter((item) => String(item.record).startsWith(`ghl-contact:${third}:`));
		expect(failed).toEqual([
			{ record: `ghl-contact:${third}:${String(nameOnly.id)}`, failedStep: 'Valid?', reason: `sub-account Sandbox Third Location (${third}): contact ${String(nameOnly.id)} has no email or phone to match on` },
		]);
		expect([...appRecords().keys()].filter((key) => key.startsWith(`ghl:${third}:`)).sort()).toEqual(
			contactsOf(third).filter(hasHandle).map((c) => `ghl:${third}:${c.id}`).sort(),
		);
		expect(appRecords().has(`ghl:${third}:${String(nameOnly.id)}`)).toBe(false);
	});
});
