/**
 * Seed 003, LeadCars: GHL contact updates reach the linked LeadCars lead (PUT /leads/{id}/submit with
 * its state, `estado`, as v2.5 requires), and the LeadCars lead ids come from the GHL side (the
 * contact's leadcars-id-<id> tag) in both directions. Run in n8n-core with n8n 2.41.1's nodes against
 * the GHL sandbox and the LeadCars simulator; both sides are read back field by field.
 */
import { sandboxRecords } from '../e2e/lib/resourceWorkflows';
import { baseNodesInstalled, type TemplateEngine } from './engine';
import { runTemplate as run, setConfig, useTemplateStack } from './fixture';

const describeWithN8n = baseNodesInstalled ? describe : describe.skip;
if (!baseNodesInstalled) console.warn('test/templates/leadcars.test.ts skipped: n8n 2.41.1 is not installed in .cache/n8n-host (bash scripts/lib/runtime.sh n8n)');

const stack = useTemplateStack();
const { sandbox, engineFor, ghlApi, contactEvent, newContact } = stack;
const leadcars = () => stack.partners().leadcars;

const reads = () => stack.partners().requestsFor('leadcars', '/leadinfos/').map((r) => r.route.replace('/api/v2/leadinfos/', ''));
const dealerTasks = (leadId: number) => sandboxRecords(sandbox()).tasks.filter((t) => String(t.body).includes(`[sync:leadcars-lead:${leadId}@`));

describeWithN8n('HighLevel contact → LeadCars: updates of a linked contact edit its LeadCars lead', () => {
	const file = 'ghl-contact-to-leadcars';
	const person = { email: 'marta.soler@example.es', firstName: 'Marta', lastName: 'Soler', phone: '+34612345678' };

	/** A contact sent to LeadCars by the template (lead 799200, tag leadcars-id-799200). */
	async function linkedContact(engine: TemplateEngine): Promise<{ id: string; leadId: number }> {
		const id = await newContact(person);
		await run(engine, 'Config', [await contactEvent(id, 'ContactCreate')]);
		const [created] = leadcars().created();
		expect(created).toMatchObject({ nombre: 'Marta', apellidos: 'Soler', email: 'marta.soler@example.es', movil: '+34612345678' });
		const { contact } = await ghlApi<{ contact: { tags: string[] } }>('GET', `/contacts/${id}`);
		const leadId = Number(contact.tags.find((t) => t.startsWith('leadcars-id-'))!.slice('leadcars-id-'.length));
		// Its own tagging comes back as a contact event: LeadCars has all of it, nothing is edited.
		await run(engine, 'Config', [await contactEvent(id, 'ContactTagUpdate')]);
		expect(leadcars().updates()).toEqual([]);
		return { id, leadId };
	}

	test('replay ×2: a GHL edit is one PUT /leads/{id}/submit with only the changed fields and the lead\'s own state; LeadCars holds them field by field; two more events send nothing', async () => {
		const engine = engineFor(file);
		const { id, leadId } = await linkedContact(engine);
		await ghlApi('PUT', `/contacts/${id}`, { lastName: 'Soler Vidal', phone: '+34699111222', postalCode: '08001', state: 'Barcelona', city: 'Barcelona' });
		await ghlApi('POST', `/contacts/${id}/tags`, { tags: ['hot'] });
		const event = await contactEvent(id);
		const first = await run(engine, 'Config', [event]);
		expect(first.items('Failed items')).toEqual([]);
		expect(leadcars().updates()).toEqual([
			{
				leadId,
				body: {
					estado: { id: 1, motivos: [], texto: '' },
					apellidos: 'Soler Vidal',
					movil: '+34699111222',
					cp: '08001',
					provincia: 'Barcelona',
					temperature: 'hot',
					custom: { ghl_contact_id: id, city: 'Barcelona' },
				},
			},
		]);
		const lead = leadcars().lead(leadId)!;
		expect(lead.lead).toMatchObject({ name: 'Marta', last_name: 'Soler Vidal', email: 'marta.soler@example.es', cellphone: '+34699111222', postal_code: '08001', region: 'Barcelona' });
		expect(lead.contact.data).toMatchObject({ city: 'Barcelona', last_name: 'Soler Vidal' });
		expect(lead.temperature).toBe('hot');
		expect(lead.status.name).toBe('Nuevo');
		const readsBefore = reads().length;
		await run(engine, 'Config', [event]);
		await run(engine, 'Config', [await contactEvent(id)]);
		expect(leadcars().updates()).toHaveLength(1);
		expect(reads()).toHaveLength(readsBefore);
		expect(leadcars().created()).toHaveLength(1);
	});

	test('Config estadoOnUpdate moves the lead to that state (by name, id from /listStates); a state LeadCars does not list fails the item with the reason', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'estadoOnUpdate', 'Vendido'));
		const { id, leadId } = await linkedContact(engine);
		await ghlApi('PUT', `/contacts/${id}`, { city: 'Sabadell' });
		await run(engine, 'Config', [await contactEvent(id)]);
		expect(leadcars().updates().map((u) => u.body.estado)).toEqual([{ id: 4, motivos: [], texto: '' }]);
		expect(leadcars().lead(leadId)!.status.name).toBe('Vendido');
		expect(leadcars().lead(leadId)!.contact.data.city).toBe('Sabadell');

		const wrong = engineFor(file, (json) => setConfig(json, 'estadoOnUpdate', 'Archivado'));
		await ghlApi('PUT', `/contacts/${id}`, { city: 'Terrassa' });
		const failed = await run(wrong, 'Config', [await contactEvent(id)]);
		expect(failed.items('Failed items')).toEqual([{ record: `leadcars-update:${id}`, failedStep: 'Update possible?', reason: 'LeadCars state "Archivado" is not in /listStates' }]);
		expect(leadcars().updates()).toHaveLength(1);
	});

	test('outage: LeadCars answering 503 to the edit → Failed items with the reason; the next event edits the lead once', async () => {
		const engine = engineFor(file);
		const { id, leadId } = await linkedContact(engine);
		await ghlApi('PUT', `/contacts/${id}`, { firstName: 'Marta Elena' });
		stack.partners().faults.add({ partner: 'leadcars', method: 'PUT', route: `/leads/${leadId}/submit`, kind: 'status', status: 503, count: 5 });
		const failed = await run(engine, 'Config', [await contactEvent(id)]);
		expect(failed.items('Failed items')).toEqual([{ record: `leadcars-update:${id}`, failedStep: 'LeadCars: update lead', reason: expect.stringMatching(/503|Service Unavailable/) }]);
		expect(leadcars().updates()).toEqual([]);
		stack.partners().faults.clear();
		for (let i = 0; i < 3; i++) await run(engine, 'Config', [await contactEvent(id)]);
		expect(leadcars().updates().map((u) => [u.leadId, u.body.nombre])).toEqual([[leadId, 'Marta Elena']]);
		expect(leadcars().lead(leadId)!.lead.name).toBe('Marta Elena');
	});

	test('bad item: a linked contact whose lead LeadCars no longer has → Failed items with LeadCars\' answer; the other contact is edited', async () => {
		const engine = engineFor(file);
		const { id } = await linkedContact(engine);
		const orphan = await newContact({ email: 'orphan@example.es', firstName: 'Olga', lastName: 'Huérfana', tags: ['leadcars', 'leadcars-id-123456'] });
		await ghlApi('PUT', `/contacts/${id}`, { lastName: 'Soler Puig' });
		const result = await run(engine, 'Config', [await contactEvent(orphan), await contactEvent(id)]);
		expect(result.items('Failed items')).toEqual([{ record: `leadcars-update:${orphan}`, failedStep: 'LeadCars: read the linked lead', reason: expect.stringMatching(/404|no encontrado/i) }]);
		expect(leadcars().updates().map((u) => u.body.apellidos)).toEqual(['Soler Puig']);
	});
});

describeWithN8n('LeadCars → HighLevel: lead ids come from GHL', () => {
	const file = 'leadcars-leads-to-ghl';

	test('with no ids typed: only the leads GHL contacts are linked to (tag leadcars-id-N) are read and written, field by field', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'leadIds', ''));
		await run(engine, 'Config');
		expect(reads()).toEqual([]);
		await newContact({ email: 'javier.ortega@example.es', firstName: 'Javier', tags: ['leadcars', 'leadcars-id-799121'] });
		await run(engine, 'Config');
		expect(reads()).toEqual(['799121']);
		const javier = sandboxRecords(sandbox()).contacts.find((c) => c.email === 'javier.ortega@example.es')!;
		expect(javier).toMatchObject({ firstName: 'Javier', lastName: 'Ortega Ruiz', phone: '+34622000111', companyName: 'Ortega Ingeniería SL', city: 'Alcobendas', postalCode: '28100', state: 'Madrid', address1: 'Avenida de España 40' });
		expect(javier.tags).toEqual(expect.arrayContaining(['leadcars', 'leadcars-id-799121', 'leadcars-warn', 'leadcars-status-nuevo']));
		expect(dealerTasks(799121)).toHaveLength(1);
		expect(sandboxRecords(sandbox()).contacts.some((c) => c.email === 'lucia.fernandez@example.es')).toBe(false);
	});

	test('a typed id is read once; after that its contact carries the tag and GHL names it (the id read once per run, not twice)', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'leadIds', '799119'));
		await run(engine, 'Config');
		await run(engine, 'Config');
		expect(reads()).toEqual(['799119', '799119']);
		const lucia = sandboxRecords(sandbox()).contacts.find((c) => c.email === 'lucia.fernandez@example.es')!;
		expect(lucia.tags).toEqual(expect.arrayContaining(['leadcars-id-799119']));
		const fromGhlOnly = engineFor(file, (json) => setConfig(json, 'leadIds', ''));
		await run(fromGhlOnly, 'Config');
		expect(reads()).toEqual(['799119', '799119', '799119']);
		expect(dealerTasks(799119)).toHaveLength(1);
	});

	test('outage: GHL\'s contact search failing → Failed items with the reason, nothing read; the next run reads the linked lead', async () => {
		const engine = engineFor(file, (json) => setConfig(json, 'leadIds', ''));
		await newContact({ email: 'javier.ortega@example.es', tags: ['leadcars', 'leadcars-id-799121'] });
		sandbox().injectFault({ kind: 'status', status: 500, count: 1000, match: { method: 'POST', path: '/contacts/search' } });
		const failed = await run(engine, 'Config');
		expect(failed.items('Failed items').map((i) => i.failedStep)).toEqual(['GHL contacts linked to LeadCars']);
		expect(reads()).toEqual([]);
		sandbox().clearFaults();
		await run(engine, 'Config');
		expect(reads()).toEqual(['799121']);
	});
});

describeWithN8n('LeadCars ⇄ HighLevel: no echoes', () => {
	test('a GHL edit reaches LeadCars once; LeadCars → HighLevel then writes no second dealer task and the edit does not come back', async () => {
		const toGhl = engineFor('leadcars-leads-to-ghl', (json) => setConfig(json, 'leadIds', '799119'));
		const toLeadCars = engineFor('ghl-contact-to-leadcars');
		await run(toGhl, 'Config');
		const lucia = sandboxRecords(sandbox()).contacts.find((c) => c.email === 'lucia.fernandez@example.es')!;
		expect(dealerTasks(799119)).toHaveLength(1);
		// The contact LeadCars → HighLevel wrote is linked: LeadCars has every field, nothing is sent.
		await run(toLeadCars, 'Config', [await contactEvent(lucia.id, 'ContactCreate')]);
		expect(leadcars().updates()).toEqual([]);
		// A GHL user edits the contact.
		await ghlApi('PUT', `/contacts/${lucia.id}`, { postalCode: '28001' });
		await run(toLeadCars, 'Config', [await contactEvent(lucia.id)]);
		expect(leadcars().updates().map((u) => u.body)).toEqual([{ estado: { id: 3, motivos: [], texto: '' }, cp: '28001', custom: { ghl_contact_id: lucia.id } }]);
		expect(leadcars().lead(799119)!.status.name).toBe('Cita concertada');
		// LeadCars → HighLevel sees the lead changed: the contact has it already, no new dealer task.
		const upsertsBefore = sandbox().requests.filter((r) => r.path === '/contacts/upsert').length;
		await run(toGhl, 'Config');
		await run(toGhl, 'Config');
		expect(dealerTasks(799119)).toHaveLength(1);
		expect(sandbox().requests.filter((r) => r.path === '/contacts/upsert').length - upsertsBefore).toBeLessThanOrEqual(1);
		// And GHL's event for that write finds nothing new to send.
		await run(toLeadCars, 'Config', [await contactEvent(lucia.id)]);
		expect(leadcars().updates()).toHaveLength(1);
		expect(leadcars().created()).toEqual([]);
	});
});
