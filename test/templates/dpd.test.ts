/**
 * DPD at scale (seed 004), run in n8n-core with n8n 2.41.1's own base nodes against the GHL sandbox
 * and the DPD simulator over real HTTP, as production runs (static data kept between runs): the
 * one-time import of a purchase history (5,000 purchases, paged with Loop Over Items and Wait,
 * resumable from its cursor), no duplicates with the IPN and polling templates, DPD failing visibly,
 * and the poll seeing refunds of purchases of any date.
 */
import type { IDataObject } from 'n8n-workflow';
import type { DpdPurchase } from '../../sandbox/partners';
import type { ContactRecord } from '../../sandbox/store';
import { CREDENTIALS } from '../../templates/src/lib';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import type { StoredCredential } from '../harness/credentials';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { setConfig, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/dpd.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

// Thousands of purchases need far more calls than GHL's burst limit allows in a test's time; the
// package paces itself by the sandbox's rate-limit headers as always (here: a high ceiling).
const stack = useTemplateStack({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });
const { sandbox, engineFor } = stack;
const dpd = () => stack.partners().dpd;

async function run(engine: TemplateEngine, start = 'Config', input: IDataObject[] = [{}]) {
	const result = await engine.run(start, input, 'trigger');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

function demoContacts(): ContactRecord[] {
	return sandboxRecords(sandbox()).contacts.filter((c) => c.locationId === sandbox().demo.locationId);
}

/** GHL writes the sandbox received (method + path), e.g. upserts or note creations. */
function ghlCalls(method: string, pattern: RegExp): number {
	return sandbox().requests.filter((r) => r.method === method && pattern.test(r.path)).length;
}
const upserts = () => ghlCalls('POST', /^\/contacts\/upsert$/);
const noteCreates = () => ghlCalls('POST', /^\/contacts\/[^/]+\/notes$/);

/** Notes per DPD purchase id (by the marker every DPD template writes), over all notes. */
function notesPerPurchase(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const note of sandboxRecords(sandbox()).notes) {
		const match = /\[sync:dpd-purchase:(\d+)\]/.exec(String(note.body));
		if (match) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
	}
	return counts;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * What GHL must hold per buyer, from the purchases as DPD lists them (templates/README.md's DPD
 * field map): one contact per email, the buyer's name and billing address, tag dpd-customer plus one
 * per product for completed purchases, dpd-refunded for refunds; source DPD.
 */
function expectedContacts(purchases: DpdPurchase[]): Map<string, IDataObject> {
	const byEmail = new Map<string, IDataObject & { tags: Set<string> }>();
	for (const p of purchases.filter((x) => x.status === 'ACT' || x.status === 'RFD')) {
		const email = p.buyer_email.toLowerCase();
		const entry = byEmail.get(email) ?? {
			email,
			firstName: p.buyer_firstname,
			lastName: p.buyer_lastname,
			address1: p.billing_street,
			city: p.billing_city,
			state: p.billing_state,
			postalCode: p.billing_zip_code,
			country: p.billing_country_code,
			source: 'DPD',
			tags: new Set<string>(),
		};
		if (p.status === 'RFD') entry.tags.add('dpd-refunded');
		else for (const tag of ['dpd-customer', ...p.line_items.map((l) => `dpd-product-${slug(l.product_name)}`)]) entry.tags.add(tag);
		byEmail.set(email, entry);
	}
	return new Map([...byEmail].map(([email, e]) => [email, { ...e, tags: [...e.tags].sort() }]));
}

function contactView(c: ContactRecord): IDataObject {
	return {
		email: c.email,
		firstName: c.firstName,
		lastName: c.lastName,
		address1: c.address1,
		city: c.city,
		state: c.state,
		postalCode: c.postalCode,
		country: c.country,
		source: c.source,
		tags: [...(c.tags ?? [])].sort(),
	};
}

/** Every expected buyer is exactly one GHL contact, and `sample` of them (every n-th) field by field. */
function expectContacts(purchases: DpdPurchase[], every = 1): void {
	const expected = expectedContacts(purchases);
	const contacts = demoContacts().filter((c) => c.email && expected.has(c.email));
	expect(contacts).toHaveLength(expected.size);
	expect(new Set(contacts.map((c) => c.email)).size).toBe(expected.size);
	const byEmail = new Map(contacts.map((c) => [c.email!, c]));
	[...expected.keys()].forEach((email, index) => {
		if (index % every === 0) expect(contactView(byEmail.get(email)!)).toEqual(expected.get(email));
	});
}

/** One note per synced purchase: ACT → one, RFD → one (the REFUNDED note); none twice. */
function expectOneNotePerPurchase(purchases: DpdPurchase[]): void {
	const counts = notesPerPurchase();
	const synced = purchases.filter((p) => p.status === 'ACT' || p.status === 'RFD');
	expect(synced.filter((p) => counts.get(String(p.id)) !== 1).map((p) => [p.id, counts.get(String(p.id)) ?? 0])).toEqual([]);
}

/** The record keys a run marked as synced, sorted. */
function syncedKeys(result: { items(node: string): IDataObject[] }): string[] {
	return result.items('Record as synced').map((i) => String(i.syncKey)).sort();
}

/** GHL requests after `mark` (the sandbox keeps the last 10,000). */
function requestsAfter(mark: { method: string; path: string } | undefined): string[] {
	const log = sandbox().requests;
	const from = mark ? log.indexOf(mark as (typeof log)[number]) + 1 : 0;
	expect(from).toBeGreaterThan(mark ? 0 : -1);
	return log.slice(from).map((r) => `${r.method} ${r.path}`);
}

function dpdPagesRead(): number[] {
	return stack.partners().requestsFor('dpd', '/v2/purchases').map((r) => Number(r.query.page));
}

describeWithN8n('DPD purchase history (one-time import) → HighLevel', () => {
	const file = 'dpd-purchases-import-to-ghl';
	/** The import as the tests run it: all pages in one run, no pause between pages. */
	const importer = (pagesPerRun = 100) =>
		engineFor(file, (json) => {
			setConfig(json, 'pagesPerRun', pagesPerRun);
			setConfig(json, 'secondsBetweenPages', 0);
		});

	test('replay ×2 at scale: 5,000 past purchases → one GHL contact per buyer, field by field, one note per purchase, 0 duplicates; two more runs write nothing', async () => {
		dpd().generateHistory({ count: 5000, buyers: 4000, refundEvery: 50 });
		const purchases = dpd().purchases();
		const engine = importer();
		const first = await run(engine);
		expect(first.items('Failed items')).toEqual([]);
		expect(syncedKeys(first)).toEqual(purchases.map((p) => `dpd-purchase:${p.id}-${p.status}`).sort());
		// 5,003 purchases (the history and the 3 recent ones): pages 1–51, the last one short; the
		// run's other pages are not read.
		const pages = Math.ceil(purchases.length / 100);
		expect(dpdPagesRead()).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
		expect(first.items('Wait between pages')).toHaveLength(pages);
		expectContacts(purchases, 9);
		expectOneNotePerPurchase(purchases);
		// A finished import reads and writes nothing more.
		const mark = sandbox().requests.at(-1);
		await run(engine);
		await run(engine);
		expect(requestsAfter(mark)).toEqual([]);
		expect(dpdPagesRead()).toHaveLength(pages);
		expectOneNotePerPurchase(purchases);
	}, 1_800_000);

	test('outage: DPD goes down half way through 5,000 purchases → the run fails visibly after writing what it read; the next run resumes at that page and writes each record once', async () => {
		dpd().generateHistory({ count: 5000, buyers: 4000, refundEvery: 50 });
		const purchases = dpd().purchases();
		const engine = importer();
		dpd().goDownAfter(25);
		const stopped = await engine.run('Config', [{}], 'trigger');
		expect(stopped.error).toMatch(/^Stop if DPD failed: DPD answered 503 .*Service Unavailable.* on page 26 of the import; the next run resumes at this page$/);
		expect(stopped.items('Failed items')).toEqual([{ record: 'dpd-page:26', failedStep: 'Valid?', reason: expect.stringContaining('on page 26') }]);
		// Pages 1–25 (the 2,500 oldest purchases) written; page 26 failed; pages 27–100 not asked for.
		expect(syncedKeys(stopped)).toEqual(purchases.slice(3, 2503).map((p) => `dpd-purchase:${p.id}-${p.status}`).sort());
		expect(dpdPagesRead()).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
		expect(notesPerPurchase().size).toBe(2500);
		expect((engine.staticData.global as IDataObject).dpdImport).toMatchObject({ nextPage: 26, done: false });
		dpd().recover();
		const resumed = await run(engine);
		expect(dpdPagesRead().slice(26)).toEqual(Array.from({ length: 26 }, (_, i) => i + 26));
		expect(resumed.items('Failed items')).toEqual([]);
		// The resumed run writes exactly the rest: no purchase of the first half again.
		expect(syncedKeys(resumed)).toEqual([...purchases.slice(0, 3), ...purchases.slice(2503)].map((p) => `dpd-purchase:${p.id}-${p.status}`).sort());
		expectContacts(purchases, 7);
		expectOneNotePerPurchase(purchases);
		const mark = sandbox().requests.at(-1);
		await run(engine);
		expect(requestsAfter(mark)).toEqual([]);
	}, 1_800_000);

	test('outage: GHL notes failing during the import → those purchases on Failed items; the next run re-reads only their pages and writes each note once', async () => {
		dpd().generateHistory({ count: 250, buyers: 200 });
		const purchases = dpd().purchases();
		const engine = importer();
		// Every POST of a note answers 500 for a while (the package retries each a few times first).
		sandbox().injectFault({ kind: 'status', status: 500, count: 60, match: { method: 'POST', path: '/notes' } });
		const failed = await run(engine);
		const failedKeys = failed.items('Failed items').map((i) => String(i.record));
		expect(failedKeys.length).toBeGreaterThan(5);
		expect(failed.items('Record as synced')).toHaveLength(purchases.length - failedKeys.length);
		expect(failed.items('Failed items').every((i) => i.failedStep === 'Create note' && /500|server|error/i.test(String(i.reason)))).toBe(true);
		// The cursor: every page read; the purchases read but not in the ledger are exactly the failed ones.
		const global = engine.staticData.global as { dpdImport: { pending: Record<string, number>; done: boolean }; synced: Record<string, unknown> };
		const unwritten = Object.entries(global.dpdImport.pending).filter(([key]) => !global.synced[key]);
		expect(unwritten.map(([key]) => key).sort()).toEqual([...failedKeys].sort());
		expect(global.dpdImport.done).toBe(true);
		sandbox().clearFaults();
		const firstPending = Math.min(...unwritten.map(([, page]) => page));
		const before = dpdPagesRead().length;
		const later = await run(engine);
		expect(dpdPagesRead()[before]).toBe(firstPending);
		expect(later.items('Record as synced').map((i) => i.syncKey).sort()).toEqual([...failedKeys].sort());
		expectOneNotePerPurchase(purchases);
		expectContacts(purchases);
		const reads = dpdPagesRead().length;
		await run(engine);
		expect(dpdPagesRead()).toHaveLength(reads);
		expectOneNotePerPurchase(purchases);
	}, 600_000);

	test('replay: purchases the IPN and polling templates wrote get no second note or contact from the import', async () => {
		const old = dpd().generateHistory({ count: 60, buyers: 50 });
		const ipnPurchase = dpd().purchases().find((p) => p.status === 'ACT' && p.id < 30_000_000)!;
		const ipn = dpd().issueIpn({ txn_id: String(ipnPurchase.id), payer_email: ipnPurchase.buyer_email });
		await run(engineFor('dpd-ipn-to-ghl-contact'), 'Config', [{ headers: {}, query: {}, body: ipn }]);
		await run(engineFor('dpd-purchases-poll-to-ghl'));
		const notesBefore = noteCreates();
		expect(notesBefore).toBeGreaterThan(0);
		await run(importer());
		const purchases = dpd().purchases();
		expectOneNotePerPurchase(purchases);
		expectContacts(purchases);
		// The import wrote notes only for the history: the recent purchases had theirs.
		expect(noteCreates() - notesBefore).toBe(old.length);
	}, 600_000);

	test("outage: a wrong DPD credential fails the run visibly with DPD's 401 message; nothing is written, the cursor stays at page 1", async () => {
		dpd().generateHistory({ count: 150 });
		const engine = importer();
		const helper = engine.credentials as unknown as { add(c: StoredCredential): void };
		helper.add({ id: CREDENTIALS.dpdApi.id, name: CREDENTIALS.dpdApi.name, type: 'httpBasicAuth', data: { user: 'dpd-demo-user', password: 'wrong-password' } });
		const contacts = demoContacts().length;
		const result = await engine.run('Config', [{}], 'trigger');
		expect(result.error).toMatch(/^Stop if DPD failed: DPD answered 401 .*UNAUTHORIZED.*Invalid username or API password.* on page 1 of the import/);
		expect(result.items('Failed items')).toEqual([{ record: 'dpd-page:1', failedStep: 'Valid?', reason: expect.stringContaining('401') }]);
		expect(result.items('Record as synced')).toEqual([]);
		expect(demoContacts()).toHaveLength(contacts);
		expect((engine.staticData.global as IDataObject).dpdImport).toMatchObject({ nextPage: 1, done: false, pending: {} });
	}, 300_000);

	test('bad item: a purchase with a malformed buyer email fails alone; the others are imported', async () => {
		const history = dpd().generateHistory({ count: 60 });
		dpd().addPurchase({ id: 29_999_998, buyer_email: 'broken-address', status: 'ACT', created_at: history[10].created_at });
		const result = await run(importer());
		expect(result.items('Failed items')).toEqual([{ record: 'dpd-purchase:29999998-ACT', failedStep: 'Valid?', reason: 'invalid buyer email broken-address' }]);
		expect(result.items('Record as synced')).toHaveLength(dpd().purchases().length - 1);
	}, 600_000);

	test('replay: in chunks of pagesPerRun pages, each run starts where the last stopped; a finished import reads nothing', async () => {
		dpd().generateHistory({ count: 250, buyers: 200, refundEvery: 9 });
		const purchases = dpd().purchases();
		const engine = importer(1);
		const pagesPerRun: number[][] = [];
		for (let i = 0; i < 4; i++) {
			const before = dpdPagesRead().length;
			await run(engine);
			pagesPerRun.push(dpdPagesRead().slice(before));
		}
		expect(pagesPerRun).toEqual([[1], [2], [3], []]);
		expectContacts(purchases);
		expectOneNotePerPurchase(purchases);
		expect(upserts()).toBe(purchases.length);
		// A new range (here: startOver) begins again at page 1 and writes nothing already written.
		const again = engineFor(file, (json) => {
			setConfig(json, 'pagesPerRun', 100);
			setConfig(json, 'secondsBetweenPages', 0);
			setConfig(json, 'startOver', true);
		});
		Object.assign(again.staticData, structuredClone(engine.staticData));
		await run(again);
		expect(upserts()).toBe(purchases.length);
		expectOneNotePerPurchase(purchases);
	}, 600_000);
});

describeWithN8n('DPD purchases (polling): refunds of any date', () => {
	const file = 'dpd-purchases-poll-to-ghl';

	test('replay ×2: a refund of a purchase bought two years ago reaches GHL once (tag dpd-refunded, a REFUNDED note); its purchase note stays one', async () => {
		const [old] = dpd().generateHistory({ count: 1, from: new Date(Date.now() - 2 * 365 * 86_400_000), to: new Date(Date.now() - 2 * 365 * 86_400_000) });
		const engine = engineFor(file);
		await run(engine);
		expect(notesPerPurchase().get(String(old.id))).toBeUndefined();
		dpd().refund(old.id);
		const refunds = stack.partners().requestsFor('dpd', '/v2/purchases').length;
		const result = await run(engine);
		expect(stack.partners().requestsFor('dpd', '/v2/purchases').slice(refunds).map((r) => r.query)).toEqual(
			expect.arrayContaining([expect.objectContaining({ status: 'RFD', page: '1' })]),
		);
		expect(result.items('Record as synced').map((i) => i.syncKey)).toEqual([`dpd-purchase:${old.id}-RFD`]);
		const contact = demoContacts().find((c) => c.email === old.buyer_email)!;
		expect(contact.tags).toEqual(['dpd-refunded']);
		expect(sandboxRecords(sandbox()).notes.filter((n) => String(n.body).startsWith(`DPD purchase #${old.id} REFUNDED:`))).toHaveLength(1);
		await run(engine);
		await run(engine);
		expect(notesPerPurchase().get(String(old.id))).toBe(1);
		expect(result.items('Failed items')).toEqual([]);
	}, 300_000);
});

describe('DPD simulator: a purchase history at scale, refunds of old purchases, down mid-import', () => {
	const get = async (query: string, password: string = stack.partners().demo.dpd.apiPassword) => {
		const auth = Buffer.from(`${stack.partners().demo.dpd.apiUser}:${password}`).toString('base64');
		const res = await fetch(`${dpd().url}/v2/purchases?${query}`, { headers: { authorization: `Basic ${auth}` } });
		return { status: res.status, body: (await res.json()) as DpdPurchase[] & { status?: string } };
	};

	test('5,000 purchases page by 100, oldest first, then NOTFOUND; buyers repeat with the same name and address', async () => {
		const history = dpd().generateHistory({ count: 5000, buyers: 4000, refundEvery: 50 });
		expect(history).toHaveLength(5000);
		expect(history.filter((p) => p.status === 'RFD')).toHaveLength(100);
		const seen: DpdPurchase[] = [];
		for (let page = 1; ; page++) {
			const { status, body } = await get(`page=${page}`);
			if (status === 404) {
				expect(body).toEqual({ status: 'NOTFOUND' });
				expect(page).toBe(52);
				break;
			}
			expect(body.length).toBe(page < 51 ? 100 : 3);
			seen.push(...body);
		}
		expect(seen.map((p) => p.id)).toEqual([...history.map((p) => p.id), ...dpd().purchases().slice(0, 3).map((p) => p.id)]);
		expect(seen.every((p, i) => i === 0 || Number(p.created_at) >= Number(seen[i - 1].created_at))).toBe(true);
		const again = history.filter((p) => p.buyer_email === history[0].buyer_email);
		expect(again.map((p) => [p.buyer_firstname, p.billing_city, p.customer.id])).toEqual(again.map(() => [history[0].buyer_firstname, history[0].billing_city, history[0].customer.id]));
		expect(Number(history[0].created_at)).toBeLessThan(Date.now() / 1000 - 2 * 365 * 86400);
	}, 300_000);

	test('a refund of an old purchase: status RFD, found by status=RFD, not by a recent date_min (it filters on the purchase date)', async () => {
		const [old] = dpd().generateHistory({ count: 1 });
		const refunded = dpd().refund(old.id);
		expect(refunded).toMatchObject({ status: 'RFD', created_at: old.created_at });
		expect(Number(refunded.updated_at)).toBeGreaterThan(Number(old.created_at));
		expect((await get('status=RFD&page=1')).body.map((p) => p.id)).toContain(old.id);
		expect((await get(`date_min=${Math.floor(Date.now() / 1000) - 86400}&page=1`)).body.map((p) => p.id)).not.toContain(old.id);
	});

	test('down mid-import: after n answered requests every request is 503 until recover()', async () => {
		dpd().goDownAfter(2);
		expect((await get('page=1')).status).toBe(200);
		expect((await get('page=2')).status).toBe(404);
		expect(await get('page=1')).toEqual({ status: 503, body: { status: 'ERROR', message: 'Service Unavailable' } });
		dpd().recover();
		expect((await get('page=1')).status).toBe(200);
		expect((await get('page=1', 'wrong')).status).toBe(401);
	});
});
