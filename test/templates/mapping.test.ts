/**
 * Seed 000: which LeadSquared field lands in which GHL field, custom field or DND channel is chosen
 * in the templates' mapping node ("LeadSquared → GHL fields", an Edit Fields node), not in code.
 * Run in n8n-core with n8n's own Set node against the GHL sandbox; a mapping is changed the way a
 * user changes it (the node's parameters) and GHL is read back field by field.
 */
import type { IDataObject } from 'n8n-workflow';
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { SAMPLE_LEAD_CONTACT } from '../e2e/lib/templates';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { setMapping, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/mapping.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

const stack = useTemplateStack();
const { sandbox, engineFor } = stack;
const MAPPING = 'LeadSquared → GHL fields';

function fieldId(key: string): string {
	const fields = (sandbox().snapshot() as { customFields: Array<{ id: string; fieldKey: string }> }).customFields;
	const field = fields.find((f) => f.fieldKey === `contact.${key}`);
	if (!field) throw new Error(`the sandbox has no custom field ${key}`);
	return field.id;
}

function contactByEmail(email: string): IDataObject {
	const contact = sandboxRecords(sandbox()).contacts.find((c) => c.email === email);
	if (!contact) throw new Error(`no GHL contact ${email}`);
	return contact as unknown as IDataObject;
}

/** The contact's custom field values by key (GHL keeps them by id). */
function customValues(contact: IDataObject): Record<string, unknown> {
	const keys = Object.fromEntries(
		(sandbox().snapshot() as { customFields: Array<{ id: string; fieldKey: string }> }).customFields.map((f) => [f.id, f.fieldKey.replace(/^contact\./, '')]),
	);
	// The sandbox's record keeps them as {id: value} (its API answers [{id, value}]).
	return Object.fromEntries(Object.entries((contact.customFields ?? {}) as Record<string, unknown>).map(([id, value]) => [keys[id] ?? id, value]));
}

function dndOf(contact: IDataObject): Record<string, string | undefined> {
	const settings = (contact.dndSettings ?? {}) as Record<string, { status?: string }>;
	return Object.fromEntries(Object.entries(settings).map(([channel, setting]) => [channel, setting.status]));
}

async function run(engine: TemplateEngine, start: string, input: IDataObject[] = [{}]) {
	const result = await engine.run(start, input, 'trigger');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

const delivery = (...records: IDataObject[]) => [{ headers: {}, query: {}, body: records }];

describeWithN8n('LeadSquared lead → HighLevel: the mapping node decides what lands in GHL', () => {
	const file = 'leadsquared-lead-to-ghl-contact';
	const sample = () => stack.partners().leadsquared.samples['lead-created'] as IDataObject;
	const lead = (fields: IDataObject = {}): IDataObject => ({ ...sample(), DoNotEmail: '1', DoNotCall: '0', Score: '35', ...fields });

	test('default mapping, field by field: standard fields, mx_* address, custom fields by key, DoNotEmail/DoNotCall → DND; replay ×2 writes nothing more', async () => {
		const engine = engineFor(file);
		await run(engine, 'Config', delivery(lead()));
		const contact = contactByEmail('priya.raman@example.com');
		expect(contact).toMatchObject(SAMPLE_LEAD_CONTACT);
		expect(String(contact.dateOfBirth)).toMatch(/^1990-04-12/);
		expect(customValues(contact)).toEqual({
			lsq_prospect_id: sample().ProspectID,
			lsq_stage: 'Prospect',
			lsq_score: 35,
			lsq_source_campaign: 'home-loan-q3',
		});
		expect(dndOf(contact)).toEqual({ Email: 'active', Call: 'inactive' });
		const counts = () => ({ contacts: sandboxRecords(sandbox()).contacts.length, notes: sandboxRecords(sandbox()).notes.length });
		const once = counts();
		await run(engine, 'Config', delivery(lead()));
		await run(engine, 'Config', delivery(lead()));
		expect(counts()).toEqual(once);
		expect(sandbox().requests.filter((r) => r.path === '/contacts/upsert')).toHaveLength(1);
	});

	test('a mapping changed in the node\'s parameters changes what lands: a row added (custom field by id), a row removed, a DND source swapped', async () => {
		const engine = engineFor(file, (json) => {
			setMapping(json, MAPPING, `customFields.${fieldId('favourite_colour')}`, '={{ $json.mx_Colour }}');
			setMapping(json, MAPPING, 'customFields.lsq_score', undefined);
			setMapping(json, MAPPING, 'city', undefined);
			setMapping(json, MAPPING, 'dnd.Email', '={{ $json.mx_NoMarketing }}');
			setMapping(json, MAPPING, 'dnd.SMS', '={{ $json.DoNotCall }}');
		});
		await run(engine, 'Config', delivery(lead({ mx_Colour: 'Saffron', mx_NoMarketing: 'No', DoNotCall: '1' })));
		const contact = contactByEmail('priya.raman@example.com');
		expect(customValues(contact)).toEqual({
			favourite_colour: 'Saffron',
			lsq_prospect_id: sample().ProspectID,
			lsq_stage: 'Prospect',
			lsq_source_campaign: 'home-loan-q3',
		});
		expect(contact.city ?? '').toBe('');
		expect(dndOf(contact)).toEqual({ Email: 'inactive', Call: 'active', SMS: 'active' });
	});

	test('a later change in LeadSquared moves DND and custom fields once; an empty value does not clear GHL', async () => {
		const engine = engineFor(file);
		await run(engine, 'Config', delivery(lead()));
		await run(engine, 'Config', delivery(lead({ DoNotEmail: '0', DoNotCall: '1', Score: null, ProspectStage: 'Opportunity', ModifiedOn: '2025-11-20 09:00:00.000' })));
		const contact = contactByEmail('priya.raman@example.com');
		expect(dndOf(contact)).toEqual({ Email: 'inactive', Call: 'active' });
		expect(customValues(contact)).toMatchObject({ lsq_stage: 'Opportunity', lsq_score: 35 });
		expect(sandboxRecords(sandbox()).notes.filter((n) => String(n.body).includes('[sync:lsq-lead:'))).toHaveLength(2);
	});

	test('outage by configuration: a row naming a custom field the location does not have → every lead on Failed items with the reason, nothing written; fixed, the next delivery writes each once', async () => {
		const broken = engineFor(file, (json) => setMapping(json, MAPPING, 'customFields.shoe_size', '={{ $json.Score }}'));
		const second = lead({ ProspectID: 'a0000000-0000-4000-8000-0000000000b2', EmailAddress: 'second.map@example.com', Phone: '' });
		const failed = await run(broken, 'Config', delivery(lead(), second));
		expect(failed.items('Failed items').map((i) => [i.record, i.failedStep])).toEqual([
			[`lsq-lead:${String(sample().ProspectID)}`, 'Create or update GHL contact'],
			['lsq-lead:a0000000-0000-4000-8000-0000000000b2', 'Create or update GHL contact'],
		]);
		expect(failed.items('Failed items').every((i) => String(i.reason).includes('Custom field "shoe_size": no such custom field'))).toBe(true);
		expect(sandbox().requests.filter((r) => r.method !== 'GET')).toEqual([]);
		const fixed = engineFor(file);
		for (let i = 0; i < 3; i++) await run(fixed, 'Config', delivery(lead(), second));
		expect(customValues(contactByEmail('second.map@example.com'))).toMatchObject({ lsq_score: 35 });
		expect(sandbox().requests.filter((r) => r.path === '/contacts/upsert')).toHaveLength(2);
	});
});

describeWithN8n('LeadSquared activity → HighLevel: the same mapping node, shared contact mapping', () => {
	const file = 'leadsquared-activity-to-ghl-task';
	const activity = () => stack.partners().leadsquared.samples['activity-created'] as IDataObject;

	test('a row added in the activity template\'s mapping node lands on the contact; the task and note are written once over three deliveries', async () => {
		const engine = engineFor(file, (json) => {
			setMapping(json, MAPPING, 'customFields.lsq_source_campaign', '={{ $json.mx_Custom_2 }}');
			setMapping(json, MAPPING, 'dnd.Call', '={{ $json.mx_DoNotCall }}');
		});
		for (let i = 0; i < 3; i++) await run(engine, 'Config', delivery({ ...activity(), mx_DoNotCall: '1' }));
		const contact = contactByEmail('priya.raman@example.com');
		expect(contact).toMatchObject({ firstName: 'Priya', lastName: 'Raman', phone: '+919845012345' });
		expect(customValues(contact)).toEqual({ lsq_source_campaign: 'Whitefield branch' });
		expect(dndOf(contact)).toEqual({ Call: 'active' });
		const marker = `[sync:lsq-activity:${String(activity().ProspectActivityId)}]`;
		expect(sandboxRecords(sandbox()).tasks.filter((t) => String(t.body).includes(marker))).toHaveLength(1);
		expect(sandboxRecords(sandbox()).notes.filter((n) => String(n.body).includes(marker))).toHaveLength(1);
	});
});
