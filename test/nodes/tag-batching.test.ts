/**
 * Tags of Create or Update (and Update) are added in bulk: one `POST /contacts/bulk/tags/update/add`
 * per 100 contacts that get the same tags, instead of one call per contact. Counted from the
 * sandbox's request log; every outcome checked on the stored contacts and on the item it belongs to.
 */
import type { IDataObject } from 'n8n-workflow';
import { BULK_TAG_CONTACTS } from '../../nodes/Ghl/helpers/tagBatch';
import { nodeTests } from './kit';
import type { NodeRun } from './kit';

const { sandbox, run, seed, api } = nodeTests({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });

const BULK_PATH = '/contacts/bulk/tags/update/add';
const bulkCalls = (result: NodeRun) => result.requests.filter((request) => request.path === BULK_PATH);
const upsertTagged = (tags: string, extra: IDataObject = {}) => ({
	resource: 'contact',
	operation: 'upsert',
	email: '={{ $json.email }}',
	additionalFields: { tags },
	...extra,
});

describe('Tags added in bulk', () => {
	test('250 upserts with a tag: at most 1.02 calls per record, every contact tagged, existing tags kept', async () => {
		const existing = seed().contacts.filter((contact) => contact.email && contact.tags.length).slice(0, 5);
		const emails = [...existing.map((contact) => contact.email!), ...Array.from({ length: 245 }, (_, index) => `batch${index}@example.com`)];
		const result = await run(upsertTagged('Batch-VIP'), { items: emails.map((email) => ({ email })) });
		expect(result.error).toBeUndefined();

		const calls = result.requests.length;
		expect(result.requests.filter((request) => request.path === '/contacts/upsert')).toHaveLength(250);
		expect(result.requests.filter((request) => request.operationId === 'add-tags')).toHaveLength(0);
		expect(bulkCalls(result).map((request) => (request.body as IDataObject).contacts as string[]).map((ids) => ids.length)).toEqual([100, 100, 50]);
		expect(calls / emails.length).toBeLessThanOrEqual(1.02);

		const stored = new Map(seed().contacts.map((contact) => [contact.email, contact]));
		expect(emails.filter((email) => !stored.get(email)?.tags.includes('batch-vip'))).toEqual([]);
		for (const contact of existing) expect(stored.get(contact.email)?.tags).toEqual([...contact.tags, 'batch-vip']);
		// Each item hands back its contact with the tags it now has.
		expect(result.out.map((json) => json.tags)).toEqual(emails.map((email) => stored.get(email)?.tags));
		expect(result.items.map((item) => item.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
	});

	test('contacts are grouped by the tags they get: one call per tag list', async () => {
		const items = Array.from({ length: 40 }, (_, index) => ({ email: `group${index}@example.com`, tags: index % 2 ? 'odd, common' : 'even' }));
		const result = await run(upsertTagged('={{ $json.tags }}'), { items });
		expect(bulkCalls(result).map((request) => (request.body as IDataObject).tags).sort()).toEqual([['even'], ['odd', 'common']]);
		const stored = new Map(seed().contacts.map((contact) => [contact.email, contact]));
		expect(items.map((item) => stored.get(item.email)?.tags)).toEqual(items.map((_, index) => (index % 2 ? ['odd', 'common'] : ['even'])));
	});

	test('Replace All Tags sends the tags with the upsert: no tag call', async () => {
		const target = seed().contacts.find((contact) => contact.email && contact.tags.length === 2)!;
		const result = await run(upsertTagged('solo', { options: { tagsMode: 'replace' } }), { items: [{ email: target.email }] });
		expect(bulkCalls(result)).toHaveLength(0);
		expect(result.requests).toHaveLength(1);
		expect(seed().contacts.find((contact) => contact.id === target.id)?.tags).toEqual(['solo']);
	});

	test('Update with fields and tags: one PUT per item, tags in bulk', async () => {
		const contacts = seed().contacts.slice(0, 6);
		const result = await run(
			{
				resource: 'contact',
				operation: 'update',
				contactId: { mode: 'id', value: '={{ $json.id }}' },
				updateFields: { city: 'Batchville', tags: 'updated' },
			},
			{ items: contacts.map((contact) => ({ id: contact.id })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => request.method).sort()).toEqual([...Array(6).fill('PUT'), 'POST'].sort());
		expect(result.out.map((json) => json.tags)).toEqual(contacts.map((contact) => [...contact.tags, 'updated']));
		expect(result.out.map((json) => json.city)).toEqual(contacts.map(() => 'Batchville'));
	});

	test('Update with tags only, 250 contacts: at most 1.02 calls per record (the bulk tag calls alone), existing tags kept, each item its contact’s ID and tags', async () => {
		const seeded = seed().contacts.filter((contact) => contact.locationId === sandbox().demo.locationId && contact.tags.length).slice(0, 5);
		const created = await run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}', additionalFields: { tags: 'first' } },
			{ items: Array.from({ length: 245 }, (_, index) => ({ email: `tags-only${index}@example.com` })) },
		);
		const before = new Map([...seeded, ...created.out.map((json) => ({ id: String(json.id), tags: json.tags as string[] }))].map((contact) => [contact.id, contact.tags]));
		const ids = [...before.keys()];
		expect(ids).toHaveLength(250);

		const result = await run(
			{ resource: 'contact', operation: 'update', contactId: { mode: 'id', value: '={{ $json.id }}' }, updateFields: { tags: 'tags-only' } },
			{ items: ids.map((id) => ({ id })) },
		);
		expect(result.error).toBeUndefined();
		// No PUT and no read: one bulk tag call per 100 contacts, nothing else.
		expect(result.requests.filter((request) => request.path !== BULK_PATH)).toEqual([]);
		expect(bulkCalls(result).map((request) => ((request.body as IDataObject).contacts as string[]).length)).toEqual([100, 100, 50]);
		expect(result.requests.length / ids.length).toBeLessThanOrEqual(1.02);
		const stored = new Map(seed().contacts.map((contact) => [contact.id, contact]));
		expect(ids.map((id) => stored.get(id)?.tags)).toEqual(ids.map((id) => [...before.get(id)!, 'tags-only']));
		expect(result.out).toEqual(ids.map((id) => ({ id, tags: stored.get(id)?.tags })));
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	test('a contact GHL names among the bulk call errors fails only its own item', async () => {
		const emails = Array.from({ length: 6 }, (_, index) => `attrib${index}@example.com`);
		// Hold the bulk call in the sandbox long enough to delete one contact before it is carried out.
		sandbox().injectFault({ kind: 'latency', ms: 400, match: { path: BULK_PATH } });
		const running = run(upsertTagged('later'), { items: emails.map((email) => ({ email })), continueOnFail: true });
		const deadline = Date.now() + 5000;
		while (!sandbox().requests.some((request) => request.path === BULK_PATH) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const victim = seed().contacts.find((contact) => contact.email === emails[4])!;
		await api('DELETE', `/contacts/${victim.id}`);
		const result = await running;

		expect(result.run.status).toBe('success');
		expect(result.out.map((json) => (json.error ? 'error' : json.tags))).toEqual(emails.map((_, index) => (index === 4 ? 'error' : ['later'])));
		expect(result.out[4].error).toBe(`GHL did not add the tags to contact ${victim.id}: contact not found`);
		expect(result.items[4].pairedItem).toEqual({ item: 4 });
	});

	test('without Continue On Fail that error fails the run naming its item', async () => {
		const emails = Array.from({ length: 4 }, (_, index) => `stop-attrib${index}@example.com`);
		sandbox().injectFault({ kind: 'latency', ms: 400, match: { path: BULK_PATH } });
		const running = run(upsertTagged('later'), { items: emails.map((email) => ({ email })) });
		const deadline = Date.now() + 5000;
		while (!sandbox().requests.some((request) => request.path === BULK_PATH) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		await api('DELETE', `/contacts/${seed().contacts.find((contact) => contact.email === emails[2])!.id}`);
		const result = await running;
		expect(result.run.status).toBe('error');
		expect(result.error?.message).toMatch(/^GHL did not add the tags to contact \w+: contact not found/);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});

	test('a bulk call GHL refuses as a whole (422) is done again contact by contact', async () => {
		sandbox().injectFault({ kind: 'status', status: 422, match: { path: BULK_PATH } });
		const emails = Array.from({ length: 5 }, (_, index) => `fallback${index}@example.com`);
		const result = await run(upsertTagged('fallback'), { items: emails.map((email) => ({ email })) });
		expect(result.error).toBeUndefined();
		expect(bulkCalls(result).map((request) => request.status)).toEqual([422]);
		expect(result.requests.filter((request) => request.operationId === 'add-tags').map((request) => request.status)).toEqual(Array(5).fill(201));
		expect(result.out.map((json) => json.tags)).toEqual(emails.map(() => ['fallback']));
	});

	test('a bulk call that fails otherwise fails each of its items, saying the contact was saved', async () => {
		sandbox().injectFault({ kind: 'status', status: 403, match: { path: BULK_PATH } });
		const emails = Array.from({ length: 3 }, (_, index) => `lost-tags${index}@example.com`);
		const continued = await run(upsertTagged('never'), { items: emails.map((email) => ({ email })), continueOnFail: true });
		expect(continued.out.map((json) => json.error)).toEqual(Array(3).fill(expect.stringMatching(/^GHL API error 403/)));
		const stored = new Map(seed().contacts.map((contact) => [contact.email, contact]));
		expect(emails.map((email) => stored.get(email)?.tags)).toEqual([[], [], []]);

		sandbox().injectFault({ kind: 'status', status: 403, match: { path: BULK_PATH } });
		const stopped = await run(upsertTagged('never'), { items: emails.map((email) => ({ email })) });
		expect(stopped.error).toMatchObject({ message: expect.stringMatching(/^GHL API error 403/), httpCode: '403' });
		expect(stopped.error?.description).toMatch(/^The contact itself was saved; its tags were not added\. They were sent in one bulk call for 3 contacts/);
		expect((stopped.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
	});

	test(`a tag list shared by more than ${BULK_TAG_CONTACTS} contacts goes out while the run is still writing`, async () => {
		const emails = Array.from({ length: BULK_TAG_CONTACTS + 20 }, (_, index) => `early${index}@example.com`);
		const result = await run(upsertTagged('early'), { items: emails.map((email) => ({ email })) });
		const [firstBulk] = bulkCalls(result);
		const upserts = result.requests.filter((request) => request.path === '/contacts/upsert');
		expect(firstBulk.at).toBeLessThan(Math.max(...upserts.map((request) => request.at)));
	});
});
