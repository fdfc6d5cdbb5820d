/**
 * Fault classes, 1,000 items each, through the GHL node in n8n-core's engine against the sandbox:
 * for every class, with Continue On Fail and without, the run is accounted for item by item and the
 * sandbox's records are checked afterwards (docs/reliability.md).
 *
 * GHL's limit is kept with its window scaled from 10 s to 0.5 s (100 requests per 500 ms; bench/
 * scales it to 1 s), so a class takes seconds instead of minutes; every fault is drawn from a fixed seed.
 * The figures go to test-results/reliability.json; `npx tsx scripts/reliability-table.ts` puts
 * them into docs/reliability.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { Fault } from '../../sandbox';
import { TestCredentialsHelper } from '../harness/credentials';
import type { StoredCredential } from '../harness/credentials';
import { oauthCredential, pitCredential } from '../harness/fixtures';
import { nodeTypes } from '../harness/nodeTypes';
import { runWorkflow } from '../harness/run';
import type { WorkflowResult } from '../harness/run';
import { ghlWorkflow } from '../harness/workflows';
import { nodeTests } from '../nodes/kit';
import { inParallel, Poller } from '../triggers/helpers';

const ITEMS = 1000;
/** GHL's 100 requests per 10 s with the window scaled to 0.5 s; GHL's daily limit unless a class sets one. */
const SCALED_LIMIT = { max: 100, intervalMs: 500, daily: 200_000 };
const SEED = 20261202;
const RESULTS = path.resolve(__dirname, '../../test-results/reliability.json');

const { sandbox, api } = nodeTests();

export interface ReliabilityRow {
	faultClass: string;
	fault: string;
	mode: 'continue on fail' | 'stop on fail' | 'trigger';
	itemsIn: number;
	succeeded: number;
	failed: number;
	/** Items not started because the run stopped at a failed item (without Continue On Fail). */
	unsent: number;
	duplicates: number;
	lost: number;
	wallMs: number;
	boundMs: number;
	requests: number;
	/** Faults the sandbox applied during the run. */
	faultsApplied: number;
	/** What else the run showed (e.g. how many token refreshes it took). */
	note?: string;
	/** Each distinct failure reason with how many items carry it. */
	reasons: Record<string, number>;
}

const rows: ReliabilityRow[] = [];

afterAll(() => {
	if (!rows.length) return;
	fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
	const previous = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as { rows: ReliabilityRow[] }).rows : [];
	// A run of some classes only (jest -t) keeps the other classes' last figures.
	const key = (row: ReliabilityRow) => `${row.faultClass}|${row.mode}`;
	const fresh = new Set(rows.map(key));
	const merged = [...previous.filter((row) => !fresh.has(key(row))), ...rows];
	const order = CLASS_ORDER;
	merged.sort((a, b) => order.indexOf(a.faultClass) - order.indexOf(b.faultClass) || a.mode.localeCompare(b.mode));
	fs.writeFileSync(RESULTS, `${JSON.stringify({ generatedAt: new Date().toISOString(), scaledLimit: SCALED_LIMIT, seed: SEED, rows: merged }, null, 2)}\n`);
});

const CLASS_ORDER = [
	'5xx on 10 % of requests',
	'5xx after the write (5 %)',
	'connection resets (5 %)',
	'latency spikes 100–2,000 ms (1 %)',
	'429 storm',
	'token expires mid-batch',
	'two executions refresh at once',
	'two workers refresh at once',
	'daily limit runs out',
	'cursor does not move',
	'record dated in the future',
];

beforeEach(() => sandbox().setRateLimit(SCALED_LIMIT));

// ---------------------------------------------------------------------------
// A batch of contact creates and its accounting

interface Lead {
	email: string;
	firstName: string;
	lastName: string;
}

function leads(tag: string, count = ITEMS): Lead[] {
	return Array.from({ length: count }, (_, index) => ({
		email: `${tag}-${index}@faults.example.com`,
		firstName: `Lead${index}`,
		lastName: tag,
	}));
}

const CREATE: INodeParameters = {
	resource: 'contact',
	operation: 'create',
	email: '={{ $json.email }}',
	additionalFields: { firstName: '={{ $json.firstName }}', lastName: '={{ $json.lastName }}' },
};

type StoredContact = { id: string; email?: string; firstName?: string; lastName?: string; locationId: string };

function contactsByEmail(): Map<string, StoredContact[]> {
	const byEmail = new Map<string, StoredContact[]>();
	for (const contact of (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts) {
		if (!contact.email) continue;
		const list = byEmail.get(contact.email) ?? [];
		list.push(contact);
		byEmail.set(contact.email, list);
	}
	return byEmail;
}

function reasonOf(item: INodeExecutionData): string {
	const json = item.json;
	const description = json.errorDescription ?? (item.error as { description?: string } | undefined)?.description;
	return [json.error, description].filter(Boolean).join(' — ');
}

/** The short form of a reason for the table: the message up to its first figure-laden detail. */
function reasonKey(reason: string): string {
	return reason
		.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>')
		.replace(/Item \d+/g, 'Item <n>')
		.replace(/GHL traceId: \S+/g, '')
		.trim();
}

interface Accounting {
	succeeded: number;
	failed: number;
	unsent: number;
	duplicates: number;
	lost: number;
	reasons: Record<string, number>;
	/** Index of the item the run stopped at (without Continue On Fail). */
	stoppedAt?: number;
}

/**
 * Item by item: every output item paired with its input, every failure with its reason, every
 * success with exactly one contact in GHL holding its fields; a failed item has no contact unless
 * its reason says it may have been saved; without Continue On Fail the run stops at one named item,
 * every item before it is written and none after it.
 */
function account(result: WorkflowResult, batch: Lead[], continueOnFail: boolean): Accounting {
	const stored = contactsByEmail();
	const countOf = (lead: Lead) => stored.get(lead.email)?.length ?? 0;
	const tally: Accounting = { succeeded: 0, failed: 0, unsent: 0, duplicates: 0, lost: 0, reasons: {} };
	const noteReason = (reason: string) => {
		const key = reasonKey(reason);
		tally.reasons[key] = (tally.reasons[key] ?? 0) + 1;
	};
	for (const lead of batch) tally.duplicates += Math.max(0, countOf(lead) - 1);
	const error = result.run.data.resultData.error as (Error & { description?: string; context?: IDataObject }) | undefined;

	if (!error) {
		const out = result.output('GHL');
		expect(out).toHaveLength(batch.length);
		out.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const lead = batch[index];
			if (item.json.error !== undefined) {
				expect(continueOnFail).toBe(true);
				tally.failed++;
				const reason = reasonOf(item);
				expect(reason).toMatch(/^GHL API error \d{3}: .+ — .+/);
				noteReason(reason);
				if (countOf(lead) > 0) expect(reason).toMatch(/may have saved/);
				return;
			}
			tally.succeeded++;
			const contact = stored.get(lead.email)?.[0];
			const holdsFields = contact && contact.firstName === lead.firstName && contact.lastName === lead.lastName && item.json.id === contact.id;
			if (!holdsFields) tally.lost++;
		});
		return tally;
	}

	expect(continueOnFail).toBe(false);
	const stoppedAt = Number(error.context?.itemIndex);
	expect(Number.isInteger(stoppedAt)).toBe(true);
	tally.stoppedAt = stoppedAt;
	tally.failed = 1;
	noteReason(`${error.message} — ${error.description ?? ''}`);
	expect(error.description ?? '').not.toBe('');
	batch.forEach((lead, index) => {
		if (index === stoppedAt) {
			if (countOf(lead) > 0) expect(error.description).toMatch(/may have saved/);
			return;
		}
		const contact = stored.get(lead.email)?.[0];
		if (!contact) {
			// Only items after the one the run stopped at may be unsent; anything before it is lost.
			if (index > stoppedAt) tally.unsent++;
			else tally.lost++;
			return;
		}
		tally.succeeded++;
		if (contact.firstName !== lead.firstName || contact.lastName !== lead.lastName) tally.lost++;
	});
	return tally;
}

function apiRequests(since: number): number {
	return sandbox().requests.slice(since).filter((request) => !request.path.startsWith('/_sandbox')).length;
}

interface ClassRun {
	faultClass: string;
	fault: string;
	continueOnFail: boolean;
	boundMs: number;
	batch: Lead[];
	/** Runs the batch; returns the workflow result. */
	execute: () => Promise<WorkflowResult>;
}

async function measure(spec: ClassRun): Promise<{ row: ReliabilityRow; tally: Accounting; result: WorkflowResult }> {
	const before = sandbox().requests.length;
	const faultsBefore = sandbox().stats().faultsApplied;
	const started = performance.now();
	const result = await spec.execute();
	const wallMs = Math.round(performance.now() - started);
	sandbox().clearFaults();
	const tally = account(result, spec.batch, spec.continueOnFail);
	const row: ReliabilityRow = {
		faultClass: spec.faultClass,
		fault: spec.fault,
		mode: spec.continueOnFail ? 'continue on fail' : 'stop on fail',
		itemsIn: spec.batch.length,
		succeeded: tally.succeeded,
		failed: tally.failed,
		unsent: tally.unsent,
		duplicates: tally.duplicates,
		lost: tally.lost,
		wallMs,
		boundMs: spec.boundMs,
		requests: apiRequests(before),
		faultsApplied: sandbox().stats().faultsApplied - faultsBefore,
		reasons: tally.reasons,
	};
	rows.push(row);
	expect(tally.succeeded + tally.failed + tally.unsent).toBe(spec.batch.length);
	expect(tally.duplicates).toBe(0);
	expect(tally.lost).toBe(0);
	expect(wallMs).toBeLessThan(spec.boundMs);
	return { row, tally, result };
}

async function runCreates(batch: Lead[], continueOnFail: boolean, credential: StoredCredential = pitCredential(sandbox())) {
	return await runWorkflow(ghlWorkflow(CREATE, credential, { items: batch as unknown as IDataObject[], continueOnFail }), {
		credentials: [credential],
	});
}

const MODES = [true, false] as const;
const modeName = (continueOnFail: boolean) => (continueOnFail ? 'with Continue On Fail' : 'without Continue On Fail');

/** A class whose faults the sandbox injects into a plain batch of creates. */
function faultClass(
	faultClassName: string,
	fault: string,
	faults: (tag: string) => Fault[],
	boundMs: number,
	expectations: (tally: Accounting) => void = () => undefined,
): void {
	describe(faultClassName, () => {
		for (const continueOnFail of MODES) {
			test(
				`${ITEMS} creates ${modeName(continueOnFail)}: every item accounted for, 0 duplicates, 0 lost, within ${boundMs / 1000} s`,
				async () => {
					const tag = `${faultClassName.replace(/[^a-z0-9]+/gi, '')}${continueOnFail ? 'C' : 'S'}`.toLowerCase();
					for (const injected of faults(tag)) sandbox().injectFault(injected);
					const batch = leads(tag);
					const { tally, row } = await measure({
						faultClass: faultClassName,
						fault,
						continueOnFail,
						boundMs,
						batch,
						execute: () => runCreates(batch, continueOnFail),
					});
					// The faults really happened (a class that injects nothing would prove nothing).
					expect(row.faultsApplied).toBeGreaterThan(0);
					expectations(tally);
				},
				boundMs + 60_000,
			);
		}
	});
}

// ---------------------------------------------------------------------------
// Transport faults

faultClass(
	'5xx on 10 % of requests',
	'500, 502 or 503 before GHL does anything, on 10 % of all requests (creates and the checks after them)',
	() => [
		{ kind: 'status', status: 500, probability: 0.04, seed: SEED },
		{ kind: 'status', status: 502, probability: 0.03, seed: SEED + 1 },
		{ kind: 'status', status: 503, probability: 0.03, seed: SEED + 2 },
	],
	240_000,
);

faultClass(
	'5xx after the write (5 %)',
	'GHL applies the create, then answers 502 (5 % of creates)',
	() => [{ kind: 'status-after', status: 502, probability: 0.05, seed: SEED, match: { method: 'POST' } }],
	120_000,
);

faultClass(
	'connection resets (5 %)',
	'the connection drops on 5 % of requests: half before GHL reads the request, half after it applied it',
	() => [
		{ kind: 'reset', probability: 0.025, seed: SEED },
		{ kind: 'reset-after', probability: 0.025, seed: SEED + 1 },
	],
	180_000,
);

faultClass(
	'latency spikes 100–2,000 ms (1 %)',
	'1 % of answers held 100–2,000 ms',
	() => [{ kind: 'latency', ms: 100, maxMs: 2000, probability: 0.01, seed: SEED }],
	120_000,
	(tally) => expect(tally.failed).toBe(0),
);

faultClass(
	'429 storm',
	'100 rate-limit 429s (as if other workers spent the limit) over the first ~200 requests',
	() => [{ kind: 'rate-limit-burst', probability: 0.5, count: 100, seed: SEED }],
	240_000,
	(tally) => expect(tally.failed).toBe(0),
);

// ---------------------------------------------------------------------------
// OAuth: one token, many requests, several executions

/** Expires every access token once `after` more API calls have reached the sandbox. */
function expireAfter(after: number): () => void {
	const start = sandbox().requests.length;
	const watcher = setInterval(() => {
		if (sandbox().requests.length - start >= after) {
			sandbox().expireAccessTokens();
			clearInterval(watcher);
		}
	}, 2);
	return () => clearInterval(watcher);
}

function tokenRequests(since: number) {
	return sandbox()
		.requests.slice(since)
		.filter((request) => request.path === '/oauth/token');
}

/** The stored token is the newest: the only one n8n stored in the run, its access token answered, its refresh token good for the next refresh. */
async function expectStoredTokenIsNewest(helper: TestCredentialsHelper, credential: StoredCredential): Promise<void> {
	const stored = helper.store.get(credential.id)!.data.oauthTokenData as Record<string, string>;
	// Every token n8n stored during the run is one and the same new pair, and it is the one stored now.
	const written = helper.tokenUpdates.map((update) => (update.oauthTokenData as Record<string, string>).refresh_token);
	expect(written.length).toBeGreaterThan(0);
	expect([...new Set(written)]).toEqual([stored.refresh_token]);
	const answered = await fetch(`${sandbox().url}/contacts/search/duplicate?locationId=${sandbox().demo.locationId}&email=x%40example.com`, {
		headers: { Authorization: `Bearer ${stored.access_token}`, Version: '2021-07-28' },
	});
	expect(answered.status).toBe(200);
	const refreshed = await fetch(`${sandbox().url}/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			client_id: sandbox().demo.oauthClientId,
			client_secret: sandbox().demo.oauthClientSecret,
			grant_type: 'refresh_token',
			refresh_token: stored.refresh_token,
		}).toString(),
	});
	expect(refreshed.status).toBe(200);
}

describe('token expires mid-batch', () => {
	const expiresMidBatch = async (continueOnFail: boolean) => {
		const credential = oauthCredential(sandbox());
		const helper = new TestCredentialsHelper(nodeTypes);
		helper.add(credential);
		const batch = leads(`expiry${continueOnFail ? 'c' : 's'}`);
		const since = sandbox().requests.length;
		const stop = expireAfter(ITEMS / 2);
		const { tally } = await measure({
			faultClass: 'token expires mid-batch',
			fault: 'every access token expires after the 500th request; GHL answers 401 until n8n refreshes',
			continueOnFail,
			boundMs: 120_000,
			batch,
			execute: async () =>
				await runWorkflow(ghlWorkflow(CREATE, credential, { items: batch as unknown as IDataObject[], continueOnFail }), {
					credentialsHelper: helper,
				}),
		}).finally(stop);
		rows[rows.length - 1].note = `${tokenRequests(since).length} token refresh`;
		expect(tally.failed).toBe(0);
		expect(tokenRequests(since)).toHaveLength(1);
		await expectStoredTokenIsNewest(helper, credential);
	};
	test('1,000 creates with Continue On Fail, the access token expiring after 500: one refresh, no item lost or failed', async () => await expiresMidBatch(true), 180_000);
	test('1,000 creates without Continue On Fail, the access token expiring after 500: one refresh, no item lost or failed', async () => await expiresMidBatch(false), 180_000);
});

describe('two executions refresh at once', () => {
	const refreshTogether = async (continueOnFail: boolean) => {
		// One n8n instance: both executions read and store the credential in one place.
		const credential = oauthCredential(sandbox());
		const helper = new TestCredentialsHelper(nodeTypes);
		helper.add(credential);
		const tag = `twoexec${continueOnFail ? 'c' : 's'}`;
		const halves = [leads(`${tag}a`, ITEMS / 2), leads(`${tag}b`, ITEMS / 2)];
		const since = sandbox().requests.length;
		const stop = expireAfter(ITEMS / 2);
		let results: WorkflowResult[] = [];
		await measure({
			faultClass: 'two executions refresh at once',
			fault: 'two executions of 500 items share one OAuth credential; every access token expires after the 500th request',
			continueOnFail,
			boundMs: 120_000,
			batch: [...halves[0], ...halves[1]],
			execute: async () => {
				results = await Promise.all(
					halves.map(
						async (half) =>
							await runWorkflow(ghlWorkflow(CREATE, credential, { items: half as unknown as IDataObject[], continueOnFail }), {
								credentialsHelper: helper,
							}),
					),
				);
				return mergedResult(results);
			},
		}).finally(stop);
		rows[rows.length - 1].note = `${tokenRequests(since).length} token refresh for both executions`;
		for (const result of results) expect(result.run.status).toBe('success');
		// n8n-core refreshes one credential once at a time in a process (and re-reads the stored
		// token before refreshing): both executions go on with the one new token.
		expect(tokenRequests(since)).toHaveLength(1);
		await expectStoredTokenIsNewest(helper, credential);
	};
	test('two executions of 500 creates on one OAuth credential refresh at once, with Continue On Fail: one refresh, both continue, the stored token is the newest', async () => await refreshTogether(true), 180_000);
	test('two executions of 500 creates on one OAuth credential refresh at once, without Continue On Fail: one refresh, both continue, the stored token is the newest', async () => await refreshTogether(false), 180_000);
});

/** Two executions' results seen as one batch (their outputs one after the other, pairing renumbered). */
function mergedResult(results: WorkflowResult[]): WorkflowResult {
	const failed = results.find((result) => result.run.data.resultData.error);
	if (failed) return failed;
	let offset = 0;
	const items: INodeExecutionData[] = [];
	for (const result of results) {
		const out = result.output('GHL');
		for (const item of out) items.push({ ...item, pairedItem: { item: (item.pairedItem as { item: number }).item + offset } });
		offset += out.length;
	}
	return { ...results[0], output: () => items, json: () => items.map((item) => item.json) };
}

describe('two workers refresh at once', () => {
	test('two queue-mode workers (two n8n-core instances, no shared lock) of 500 creates on one stored OAuth credential refresh at once: both continue, the stored token is the newest', async () => {
		// Each worker loads its own n8n-core (its own in-process refresh lock), as two processes do; they
		// share only the stored credential, as workers share n8n's database. Both refresh with the same
		// refresh token within GHL's 30-second grace and get the same new pair.
		const credential = oauthCredential(sandbox());
		const database = new TestCredentialsHelper(nodeTypes);
		database.add(credential);
		const workers: Array<{ runWorkflow: typeof runWorkflow; helper: TestCredentialsHelper }> = [];
		for (let index = 0; index < 2; index++) {
			let harness!: { run: typeof import('../harness/run'); credentials: typeof import('../harness/credentials'); types: typeof import('../harness/nodeTypes') };
			await jest.isolateModulesAsync(async () => {
				harness = { run: await import('../harness/run'), credentials: await import('../harness/credentials'), types: await import('../harness/nodeTypes') };
			});
			const helper = new harness.credentials.TestCredentialsHelper(harness.types.nodeTypes);
			// The stored credential is the one both workers read and write (n8n's database).
			Object.assign(helper, { store: database.store, tokenUpdates: database.tokenUpdates });
			workers.push({ runWorkflow: harness.run.runWorkflow, helper });
		}
		const halves = [leads('workera', ITEMS / 2), leads('workerb', ITEMS / 2)];
		const since = sandbox().requests.length;
		const stop = expireAfter(ITEMS / 2);
		let results: WorkflowResult[] = [];
		await measure({
			faultClass: 'two workers refresh at once',
			fault: 'two n8n-core instances of 500 items each share one stored OAuth credential; every access token expires after the 500th request',
			continueOnFail: true,
			boundMs: 120_000,
			batch: [...halves[0], ...halves[1]],
			execute: async () => {
				results = await Promise.all(
					workers.map(
						async (worker, index) =>
							await worker.runWorkflow(
								ghlWorkflow(CREATE, credential, { items: halves[index] as unknown as IDataObject[], continueOnFail: true }),
								{ credentialsHelper: worker.helper },
							),
					),
				);
				return mergedResult(results);
			},
		}).finally(stop);
		const refreshes = tokenRequests(since);
		rows[rows.length - 1].note = `${refreshes.length} token refresh request(s), all with the same refresh token`;
		expect(refreshes.length).toBeGreaterThanOrEqual(1);
		expect(refreshes.length).toBeLessThanOrEqual(2);
		// Every refresh spent the same (original) refresh token: the second one was inside GHL's grace.
		expect(new Set(refreshes.map((request) => (request.body as IDataObject).refresh_token)).size).toBe(1);
		await expectStoredTokenIsNewest(database, credential);
	}, 180_000);
});

// ---------------------------------------------------------------------------
// The daily limit

describe('daily limit runs out', () => {
	const DAILY = 600;
	for (const continueOnFail of MODES) {
		test(`${ITEMS} creates with ${DAILY} requests left today ${modeName(continueOnFail)}: written items out, the rest fail or the run stops at the first unsent item`, async () => {
			sandbox().setRateLimit({ ...SCALED_LIMIT, daily: DAILY });
			const batch = leads(`daily${continueOnFail ? 'c' : 's'}`);
			const since = sandbox().requests.length;
			const { tally } = await measure({
				faultClass: 'daily limit runs out',
				fault: `GHL's daily limit set to ${DAILY} requests`,
				continueOnFail,
				boundMs: 60_000,
				batch,
				execute: () => runCreates(batch, continueOnFail),
			});
			if (continueOnFail) {
				expect(tally.succeeded).toBe(DAILY);
				expect(tally.failed).toBe(ITEMS - DAILY);
				expect(Object.keys(tally.reasons)).toEqual([
					expect.stringMatching(/^GHL API error 429: the daily limit of 600 requests for this location is spent — .*Item <n> was not sent \(nothing of it was written\)/),
				]);
			} else {
				expect(tally.succeeded).toBe(DAILY);
				// Up to 8 creates are in flight at once (the node's Concurrency): GHL refuses whichever arrive
				// after its 600th, so the first refused item in input order is at most 7 before item 600 —
				// unless the short window refused its first try (a loaded host can overrun the pacer's
				// margin) and its retry came after the day's 600th.
				const creates = sandbox()
					.requests.slice(since)
					.filter((request) => request.method === 'POST' && request.path === '/contacts/');
				expect(creates.length).toBeGreaterThan(DAILY);
				const dayRanOut = creates.filter((request) => request.status === 201)[DAILY - 1]?.at ?? Infinity;
				const windowRefused = new Set(
					creates
						.filter((request) => request.status === 429 && request.at < dayRanOut)
						.map((request) => (request.body as IDataObject).email),
				);
				if (!windowRefused.has(batch[tally.stoppedAt!].email)) expect(tally.stoppedAt).toBeGreaterThanOrEqual(DAILY - 7);
				expect(tally.stoppedAt).toBeLessThanOrEqual(DAILY);
				expect(tally.unsent).toBe(ITEMS - DAILY - 1);
				expect(Object.keys(tally.reasons)[0]).toMatch(/Item <n> was not sent/);
			}
		}, 120_000);
	}
});

// ---------------------------------------------------------------------------
// Paging and polling

describe('cursor does not move', () => {
	for (const continueOnFail of MODES) {
		test(`Return All over ${ITEMS}+ contacts whose second page repeats the first ${modeName(continueOnFail)}: the item fails naming the cursor, at once`, async () => {
			await bulkContacts(`paging${continueOnFail ? 'c' : 's'}`, ITEMS);
			const total = (sandbox().snapshot() as unknown as { contacts: StoredContact[] }).contacts.filter(
				(contact) => contact.locationId === sandbox().demo.locationId,
			).length;
			sandbox().injectFault({ kind: 'stuck-cursor', count: 1000, match: { method: 'POST', path: '/contacts/search', body: 'searchAfter' } });
			const credential = pitCredential(sandbox());
			const before = sandbox().requests.length;
			const started = performance.now();
			const result = await runWorkflow(
				ghlWorkflow({ resource: 'contact', operation: 'getAll', returnAll: true }, credential, { continueOnFail }),
				{ credentials: [credential] },
			);
			const wallMs = Math.round(performance.now() - started);
			sandbox().clearFaults();
			const searches = sandbox().requests.slice(before).filter((request) => request.path === '/contacts/search');
			const error = result.run.data.resultData.error as (Error & { description?: string }) | undefined;
			const failure = continueOnFail ? reasonOf(result.output('GHL')[0]) : `${error?.message} — ${error?.description ?? ''}`;
			expect(failure).toMatch(/cursor/i);
			if (continueOnFail) expect(result.output('GHL')).toHaveLength(1);
			expect(searches).toHaveLength(2);
			expect(wallMs).toBeLessThan(10_000);
			rows.push({
				faultClass: 'cursor does not move',
				fault: `GHL answers the second page of a search as the first (${total} contacts, 500 per page)`,
				mode: continueOnFail ? 'continue on fail' : 'stop on fail',
				itemsIn: 1,
				succeeded: 0,
				failed: 1,
				unsent: 0,
				duplicates: 0,
				lost: 0,
				wallMs,
				boundMs: 10_000,
				requests: apiRequests(before),
				faultsApplied: sandbox().stats().faultsApplied,
				reasons: { [reasonKey(failure)]: 1 },
			});
		}, 60_000);
	}
});

/** Contacts written straight to the sandbox (setup, outside the node). */
async function bulkContacts(tag: string, count: number): Promise<string[]> {
	sandbox().setRateLimit({ max: 1_000_000, intervalMs: 1000, daily: 10_000_000 });
	const ids = await inParallel(count, 16, async (index) => {
		const response = await api('POST', '/contacts/', { locationId: sandbox().demo.locationId, email: `${tag}-${index}@faults.example.com`, firstName: `Bulk${index}` });
		return String((response.contact as IDataObject).id);
	});
	sandbox().setRateLimit(SCALED_LIMIT);
	return ids;
}

describe('record dated in the future', () => {
	afterEach(() => sandbox().setClockSkew(0));

	test(`Polling trigger over ${ITEMS} updated contacts, one dated a day ahead: each emitted once, and later changes still come`, async () => {
		const ids = await bulkContacts('future', ITEMS);
		const trigger = new Poller({ event: 'contactUpdated' } as INodeParameters, pitCredential(sandbox()));
		expect(await trigger.poll()).toBeNull();
		await new Promise((resolve) => setTimeout(resolve, 5));
		const before = sandbox().requests.length;
		sandbox().setRateLimit({ max: 1_000_000, intervalMs: 1000, daily: 10_000_000 });
		sandbox().setClockSkew(24 * 60 * 60_000);
		await api('PUT', `/contacts/${ids[0]}`, { city: 'Tomorrow' });
		sandbox().setClockSkew(0);
		await inParallel(ITEMS - 1, 16, async (index) => await api('PUT', `/contacts/${ids[index + 1]}`, { city: `Today ${index}` }));
		sandbox().setRateLimit(SCALED_LIMIT);

		const started = performance.now();
		const first = (await trigger.poll()) ?? [];
		await new Promise((resolve) => setTimeout(resolve, 5));
		const later = ids.slice(1, 11);
		for (const id of later) await api('PUT', `/contacts/${id}`, { city: 'Later' });
		const second = (await trigger.poll()) ?? [];
		const third = (await trigger.poll()) ?? [];
		const wallMs = Math.round(performance.now() - started);

		const emitted = [...first, ...second, ...third].map((item) => String(item.id));
		const counts = new Map<string, number>();
		for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
		// The first poll has all 1,000; the second only the 10 changed since (not the future one again).
		expect(new Set(first.map((item) => String(item.id)))).toEqual(new Set(ids));
		expect(second.map((item) => String(item.id)).sort()).toEqual([...later].sort());
		expect(third).toEqual([]);
		const duplicates = [...counts.entries()].filter(([id, count]) => count > (later.includes(id) ? 2 : 1)).length;
		const lost = ids.filter((id) => !counts.has(id)).length;
		expect(duplicates).toBe(0);
		expect(lost).toBe(0);
		expect(wallMs).toBeLessThan(30_000);
		rows.push({
			faultClass: 'record dated in the future',
			fault: `one of ${ITEMS} updated contacts carries a dateUpdated a day ahead; 10 more change after the poll`,
			mode: 'trigger',
			itemsIn: ITEMS + later.length,
			succeeded: emitted.length,
			failed: 0,
			unsent: 0,
			duplicates,
			lost,
			wallMs,
			boundMs: 30_000,
			requests: apiRequests(before) - ITEMS - later.length,
			// The fault here is data, not the sandbox's: the one contact dated a day ahead.
			faultsApplied: 1,
			reasons: {},
		});
	}, 120_000);
});

describe('docs/reliability.md', () => {
	test('its table has a row for every fault class and mode run here (regenerate with npx tsx scripts/reliability-table.ts)', () => {
		const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/reliability.md'), 'utf8');
		const table = doc.slice(doc.indexOf('<!-- reliability:begin'), doc.indexOf('<!-- reliability:end -->'));
		const tableRows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Fault class'));
		const expected = CLASS_ORDER.flatMap((name) =>
			['record dated in the future'].includes(name)
				? [`${name} | trigger`]
				: name === 'two workers refresh at once'
					? [`${name} | continue on fail`]
					: [`${name} | continue on fail`, `${name} | stop on fail`],
		);
		expect(tableRows.map((line) => line.split(' | ').slice(0, 2).join(' | ').slice(2))).toEqual(expected);
	});
});
