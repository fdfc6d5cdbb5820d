/**
 * The DPD purchase-history import (template 17 of templates/README.md) in a real n8n 2.41.1 with our
 * packed package, against the GHL sandbox and the DPD simulator: run with `n8n execute` (which keeps
 * the workflow's static data, as a scheduled run does), two pages per run, so the second run resumes
 * at the page the first stopped before; n8n's own Loop Over Items and Wait nodes do the paging.
 */
import type { Partners } from '../../sandbox/partners';
import { useStack } from './lib/jest';
import { sandboxRecords } from './lib/resourceWorkflows';
import type { Stack } from './lib/stack';
import { listTemplates, localTemplate } from './lib/templates';
import { nodeOutput, runError, type RunJson } from './lib/workflows';

const stackRef = useStack();
const FILE = 'dpd-purchases-import-to-ghl';
let id = '';

function partners(stack: Stack): Partners {
	return stack.partners as Partners;
}

beforeAll(async () => {
	const stack = stackRef();
	if (!stack.partners) throw new Error('The stack did not start the partner simulators (sandbox/partners)');
	const template = listTemplates().find((t) => t.file.endsWith(`/${FILE}.json`))!;
	const json = localTemplate(template.json, { partnersUrl: partners(stack).url });
	const config = json.nodes.find((n) => n.name === 'Config')!;
	const { assignments } = config.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
	assignments.find((a) => a.name === 'pagesPerRun')!.value = 2;
	[id] = await stack.importWorkflows([json]);
}, 120_000);

async function runOnce(stack: Stack): Promise<RunJson> {
	const run = await stack.execute(id);
	const error = runError(run);
	if (error || run.status !== 'success') throw new Error(`${FILE}: ${error ?? run.status}`);
	return run;
}

test('DPD import: 250 past purchases in two runs of two pages (Loop Over Items, Wait), the second resuming at page 3; each buyer one contact, each purchase one note', async () => {
	const stack = stackRef();
	stack.sandbox.reset();
	partners(stack).reset();
	const dpd = partners(stack).dpd;
	dpd.generateHistory({ count: 247, buyers: 200, refundEvery: 20 });
	const purchases = dpd.purchases();
	const pages = () => partners(stack).requestsFor('dpd', '/v2/purchases').map((r) => Number(r.query.page));

	const first = await runOnce(stack);
	expect(pages()).toEqual([1, 2]);
	expect(nodeOutput(first, 'Wait between pages')).toHaveLength(1);
	expect(nodeOutput(first, 'Record as synced')).toHaveLength(200);
	const second = await runOnce(stack);
	expect(pages()).toEqual([1, 2, 3]);
	expect(nodeOutput(second, 'Record as synced')).toHaveLength(purchases.length - 200);
	expect(nodeOutput(second, 'Failed items')).toEqual([]);
	// Done: a third run reads nothing.
	await runOnce(stack);
	expect(pages()).toEqual([1, 2, 3]);

	const records = sandboxRecords(stack.sandbox);
	const buyers = new Set(purchases.map((p) => p.buyer_email));
	const contacts = records.contacts.filter((c) => c.email && buyers.has(c.email));
	expect(contacts).toHaveLength(buyers.size);
	const noteCounts = new Map<string, number>();
	for (const note of records.notes) {
		const match = /\[sync:dpd-purchase:(\d+)\]/.exec(String(note.body));
		if (match) noteCounts.set(match[1], (noteCounts.get(match[1]) ?? 0) + 1);
	}
	expect(purchases.filter((p) => noteCounts.get(String(p.id)) !== 1).map((p) => p.id)).toEqual([]);
	const sample = purchases.find((p) => p.status === 'ACT' && p.id > 30_000_000)!;
	expect(contacts.find((c) => c.email === sample.buyer_email)).toMatchObject({
		firstName: sample.buyer_firstname,
		lastName: sample.buyer_lastname,
		city: sample.billing_city,
		country: sample.billing_country_code,
		source: 'DPD',
	});
}, 600_000);
