/**
 * Seed 002: the "Any app → HighLevel" template also takes a CSV file (a Webhook upload, read by
 * n8n's own Extract From File): a few hundred rows become contacts (upserted by email, so the same
 * person is one contact), each with its task and note; bad rows come out with their line and reason.
 * Run in n8n-core with n8n 2.41.1's nodes against the GHL sandbox, field by field.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import type { ContactRecord } from '../../sandbox/store';
import { ANY_APP_CSV_SAMPLE } from '../../templates/src/anyAppToGhl';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/csv.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

// Some 1,500 writes per run: more than GHL's burst limit allows in a test's time; the template's
// own calls are paced by the package as always.
const stack = useTemplateStack({ rateLimit: { max: 100_000, intervalMs: 1000, daily: 10_000_000 } });
const { sandbox, engineFor } = stack;
const FILE = 'any-app-to-ghl';
const EXTRACT = 'Read the CSV rows';

interface Row {
	id: string;
	email: string;
	phone: string;
	firstName: string;
	lastName: string;
	companyName: string;
	tags: string;
	taskTitle: string;
	taskDueDate: string;
	taskBody: string;
	note: string;
}

const COLUMNS: Array<keyof Row> = ['id', 'email', 'phone', 'firstName', 'lastName', 'companyName', 'tags', 'taskTitle', 'taskDueDate', 'taskBody', 'note'];

function csvOf(rows: Row[]): string {
	const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
	return [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(','))].join('\n');
}

/** `count` good rows; every 3rd has its own task, every 5th a company with a comma, every 7th no phone. */
function goodRows(count: number): Row[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `crm-${1000 + i}`,
		email: `Person.${i}@Example.org`,
		phone: i % 7 === 0 ? '' : `(512) 555-${String(1000 + i).slice(-4)}`,
		firstName: `First${i}`,
		lastName: `Last "${i}"`,
		companyName: i % 5 === 0 ? `Company ${i}, Inc.` : `Company ${i}`,
		tags: i % 2 ? 'csv-import; vip' : 'csv-import',
		taskTitle: i % 3 === 0 ? `Call person ${i}` : '',
		taskDueDate: i % 3 === 0 ? `2030-03-${String((i % 28) + 1).padStart(2, '0')}T09:00:00Z` : '',
		taskBody: i % 3 === 0 ? `Row ${i} asked for a call.` : '',
		note: `Imported row ${i}.`,
	}));
}

const blank: Row = { id: '', email: '', phone: '', firstName: '', lastName: '', companyName: '', tags: '', taskTitle: '', taskDueDate: '', taskBody: '', note: '' };

/** 300 good rows, the same person again under another id (GHL's dedupe: one contact), one row repeated, and three bad rows. */
function batch(): { rows: Row[]; good: Row[]; bad: Array<{ line: number; reason: string }> } {
	const good = goodRows(300);
	const rows = [
		...good,
		{ ...good[4], id: 'crm-dup-4', companyName: 'Company 4 (renamed)' },
		{ ...good[10] },
		{ ...blank, id: 'crm-bad-email', email: 'not-an-email', firstName: 'Bad' },
		{ ...blank, id: 'crm-no-contact', firstName: 'Nobody' },
		{ ...blank, id: 'crm-bad-date', email: 'bad.date@example.org', taskTitle: 'Call', taskDueDate: 'next Tuesday' },
	];
	// Line numbers as a spreadsheet shows them: the header is line 1.
	const line = (id: string) => rows.findIndex((r) => r.id === id) + 2;
	const bad = [
		{ line: line('crm-bad-email'), reason: 'invalid email not-an-email' },
		{ line: line('crm-no-contact'), reason: 'no email or phone to match on' },
		{ line: line('crm-bad-date'), reason: 'invalid task dueDate next Tuesday' },
	];
	return { rows, good, bad };
}

/** What the Webhook node outputs for a CSV POSTed as the request body (text/csv). */
function upload(csv: string): INodeExecutionData[] {
	return [
		{
			json: { headers: { 'content-type': 'text/csv' }, params: {}, query: {}, body: {} },
			binary: { data: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'contacts.csv' } },
		},
	];
}

async function run(engine: TemplateEngine, csv: string) {
	const result = await engine.runItems(EXTRACT, upload(csv), 'webhook');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

function contactsByEmail(): Map<string, ContactRecord[]> {
	const map = new Map<string, ContactRecord[]>();
	for (const contact of sandboxRecords(sandbox()).contacts.filter((c) => c.locationId === sandbox().demo.locationId)) {
		map.set(String(contact.email), [...(map.get(String(contact.email)) ?? []), contact]);
	}
	return map;
}

const writes = () => sandbox().requests.filter((r) => r.method !== 'GET').length;

describeWithN8n('Any app → HighLevel: a CSV file of a few hundred rows', () => {
	test('replay ×2: 300 rows → 300 contacts field by field, each with its task and note; a second id for the same email is the same contact; bad rows out with line and reason; two more uploads write nothing', async () => {
		const engine = engineFor(FILE);
		const { rows, good, bad } = batch();
		const csv = csvOf(rows);
		const before = contactsByEmail().size;
		const first = await run(engine, csv);

		expect(first.items('Failed items')).toEqual(
			bad.map(({ line, reason }) => ({ record: expect.stringMatching(/^any-app-record:/), failedStep: 'Valid?', reason: `row ${line}: ${reason}` })),
		);
		const byEmail = contactsByEmail();
		expect(byEmail.size).toBe(before + 300);
		const { tasks, notes } = sandboxRecords(sandbox());
		good.forEach((row, i) => {
			const found = byEmail.get(row.email.toLowerCase()) ?? [];
			expect([row.id, found.length]).toEqual([row.id, 1]);
			const contact = found[0];
			expect({
				id: row.id,
				firstName: contact.firstName,
				lastName: contact.lastName,
				phone: contact.phone ?? '',
				companyName: contact.companyName,
				tags: [...contact.tags].sort(),
				source: contact.source,
			}).toEqual({
				id: row.id,
				firstName: row.firstName,
				lastName: row.lastName,
				phone: row.phone ? `+1512555${row.phone.slice(-4)}` : '',
				companyName: i === 4 ? 'Company 4 (renamed)' : row.companyName,
				tags: (i % 2 ? ['any-app', 'csv-import', 'vip'] : ['any-app', 'csv-import']).sort(),
				source: 'Any app',
			});
			const own = tasks.filter((t) => t.contactId === contact.id);
			const ownNotes = notes.filter((n) => n.contactId === contact.id);
			// Row 4's person came twice (two ids): two tasks and two notes on the one contact.
			expect([row.id, own.length, ownNotes.length]).toEqual([row.id, i === 4 ? 2 : 1, i === 4 ? 2 : 1]);
			const task = own.find((t) => String(t.body).includes(`[sync:any-app-task:${row.id}]`))!;
			expect([row.id, task.title]).toEqual([row.id, row.taskTitle || `Follow up with ${row.firstName} ${row.lastName}`]);
			if (row.taskDueDate) expect([row.id, Date.parse(String(task.dueDate))]).toEqual([row.id, Date.parse(row.taskDueDate)]);
			expect([row.id, ownNotes.some((n) => n.body === `${row.note}\n[sync:any-app-note:${row.id}]`)]).toEqual([row.id, true]);
		});
		expect(first.items('Record as synced')).toHaveLength(301);

		const counts = () => ({ contacts: contactsByEmail().size, tasks: sandboxRecords(sandbox()).tasks.length, notes: sandboxRecords(sandbox()).notes.length, writes: writes() });
		const once = counts();
		const second = await run(engine, csv);
		await run(engine, csv);
		expect(counts()).toEqual(once);
		expect(second.items('Failed items').map((i) => i.reason)).toEqual(bad.map(({ line, reason }) => `row ${line}: ${reason}`));
	}, 240_000);

	test('a small spreadsheet export (quoted commas, an empty phone): its good rows written field by field, its bad row out with its line and reason', async () => {
		const engine = engineFor(FILE);
		const result = await run(engine, ANY_APP_CSV_SAMPLE);
		expect(result.items('Failed items')).toEqual([{ record: 'any-app-record:app-5003', failedStep: 'Valid?', reason: 'row 4: invalid email not-an-email' }]);
		const byEmail = contactsByEmail();
		expect(byEmail.get('lena.berg@example.org')![0]).toMatchObject({ firstName: 'Lena', lastName: 'Berg', phone: '+46701234567', companyName: 'Berg Design' });
		expect([...byEmail.get('lena.berg@example.org')![0].tags].sort()).toEqual(['any-app', 'trial', 'webinar']);
		expect(byEmail.get('omar.farouk@example.org')![0]).toMatchObject({ firstName: 'Omar', companyName: 'Farouk & Sons, Ltd' });
		const lena = byEmail.get('lena.berg@example.org')![0];
		const task = sandboxRecords(sandbox()).tasks.find((t) => t.contactId === lena.id)!;
		expect(task).toMatchObject({ title: 'Call Lena about the webinar', body: 'She asked for the recording.\n[sync:any-app-task:app-5001]' });
	});

	test('outage: GHL notes failing → the rows on Failed items at "Create note"; the next upload writes each note once and no second task', async () => {
		const engine = engineFor(FILE);
		const csv = csvOf(goodRows(40));
		sandbox().injectFault({ kind: 'status', status: 500, count: 10_000, match: { method: 'POST', path: '/notes' } });
		const failed = await run(engine, csv);
		expect(failed.items('Failed items')).toHaveLength(40);
		expect(failed.items('Failed items').every((i) => i.failedStep === 'Create note' && /500|server|error/i.test(String(i.reason)))).toBe(true);
		expect(failed.items('Record as synced')).toEqual([]);
		sandbox().clearFaults();
		const later = await run(engine, csv);
		expect(later.items('Failed items')).toEqual([]);
		expect(later.items('Record as synced')).toHaveLength(40);
		await run(engine, csv);
		const { tasks, notes } = sandboxRecords(sandbox());
		expect(tasks.filter((t) => String(t.body).includes('[sync:any-app-task:crm-'))).toHaveLength(40);
		expect(notes.filter((n) => String(n.body).includes('[sync:any-app-note:crm-'))).toHaveLength(40);
	}, 120_000);

	test('a file that is not valid CSV (an unclosed quote) → Failed items at "Read the CSV rows" with the parser\'s reason, nothing written', async () => {
		const engine = engineFor(FILE);
		const before = writes();
		const result = await run(engine, 'id,email\ncrm-1,"broken@example.org\ncrm-2,ok@example.org\n');
		expect(result.items('Failed items')).toEqual([{ record: '', failedStep: EXTRACT, reason: expect.stringMatching(/quote|CSV|closed/i) }]);
		expect(writes()).toBe(before);
	});
});

