/**
 * What every template test file sets up: the GHL sandbox, the partner simulators (reset before each
 * test), the credentials the templates reference, and a template loaded as an active workflow.
 */
import { startPartners, type Partners } from '../../sandbox/partners';
import type { IDataObject } from 'n8n-workflow';
import type { SandboxOptions } from '../../sandbox';
import type { ContactRecord } from '../../sandbox/store';
import { CREDENTIALS } from '../../templates/src/lib';
import { localTemplate, listTemplates, partnerCredentials } from '../e2e/lib/templates';
import type { StoredCredential } from '../harness/credentials';
import { agencyCredential, oauthCredential, pitCredential, useSandbox } from '../harness/fixtures';
import { TemplateEngine, type TemplateWorkflow } from './engine';

export function useTemplateStack(options: SandboxOptions = {}) {
	const sandbox = useSandbox(options);
	let partners: Partners | undefined;
	// The partners' clock: real time unless a test pins it (two partner events in the same second).
	let pinnedNow: Date | undefined;
	beforeAll(async () => {
		partners = await startPartners({ port: 0, now: () => pinnedNow ?? new Date() });
	});
	beforeEach(() => {
		pinnedNow = undefined;
		partners!.reset();
	});
	afterAll(async () => {
		await partners?.close();
	});

	function credentials(): StoredCredential[] {
		const sbx = sandbox();
		return [
			{ ...pitCredential(sbx), id: CREDENTIALS.ghlPit.id, name: CREDENTIALS.ghlPit.name },
			{ ...oauthCredential(sbx), id: CREDENTIALS.ghlOAuth.id, name: CREDENTIALS.ghlOAuth.name },
			{ ...agencyCredential(sbx), id: CREDENTIALS.ghlAgency.id, name: CREDENTIALS.ghlAgency.name },
			...partnerCredentials().map((c) => ({ ...c, id: String(c.id), data: c.data as StoredCredential['data'] })),
		];
	}

	/** A template as an active workflow in n8n: its own static data, partner URLs on the simulators. */
	function engineFor(file: string, edit: (json: TemplateWorkflow) => void = () => undefined): TemplateEngine {
		const template = listTemplates().find((t) => t.file.endsWith(`/${file}.json`));
		if (!template) throw new Error(`no template ${file}`);
		const json = localTemplate(template.json, { partnersUrl: partners!.url }) as unknown as TemplateWorkflow;
		edit(json);
		return new TemplateEngine(json, TemplateEngine.credentialsHelper(credentials()));
	}

	/** The GHL API of the sandbox with the demo token; T is the answer's expected shape. */
	async function ghlApi<T = IDataObject>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const res = await fetch(`${sandbox().url}${urlPath}`, {
			method,
			headers: { authorization: `Bearer ${sandbox().demo.privateToken}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await res.json()) as T;
		if (!res.ok) throw new Error(`${method} ${urlPath} → ${res.status} ${JSON.stringify(json)}`);
		return json;
	}

	/** What the HighLevel Trigger emits for a contact event with Fetch Full Record: the contact as GHL has it now. */
	async function contactEvent(contactId: string, event = 'ContactUpdate'): Promise<IDataObject> {
		const { contact } = await ghlApi<{ contact: IDataObject }>('GET', `/contacts/${contactId}`);
		return { event, locationId: sandbox().demo.locationId, payload: { id: contactId }, fullRecord: contact };
	}

	/** A new contact of the demo location; its id. */
	async function newContact(fields: IDataObject): Promise<string> {
		const { contact } = await ghlApi<{ contact: IDataObject }>('POST', '/contacts/', { locationId: sandbox().demo.locationId, ...fields });
		return String(contact.id);
	}

	return {
		sandbox,
		partners: () => partners!,
		/** Pins the partners' clock at `at` (undefined: real time again). */
		pinPartnerClock: (at: Date | undefined) => {
			pinnedNow = at;
		},
		credentials,
		engineFor,
		ghlApi,
		contactEvent,
		newContact,
	};
}

/** Runs a template from `start` as a trigger run would, failing with the workflow's error. */
export async function runTemplate(engine: TemplateEngine, start: string, input: IDataObject[] = [{}]) {
	const result = await engine.run(start, input, 'trigger');
	if (result.error) throw new Error(`${engine.workflow.name}: ${result.error}`);
	return result;
}

/** Sets one value of a template's Config node. */
export function setConfig(json: TemplateWorkflow, name: string, value: string | number | boolean): void {
	const node = json.nodes.find((n) => n.name === 'Config')!;
	const { assignments } = node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
	assignments.find((a) => a.name === name)!.value = value;
}

/**
 * Edits one row of a mapping node (an Edit Fields node: GHL field ← expression) as a user would in
 * its parameters: sets the row's value, adds the row when missing, removes it when `value` is undefined.
 */
export function setMapping(json: TemplateWorkflow, node: string, field: string, value: string | undefined): void {
	const mapping = json.nodes.find((n) => n.name === node);
	if (!mapping) throw new Error(`no node ${node}`);
	const { assignments } = mapping.parameters.assignments as { assignments: Array<{ id: string; name: string; value: unknown; type: string }> };
	const at = assignments.findIndex((a) => a.name === field);
	if (value === undefined) {
		if (at < 0) throw new Error(`${node} maps no ${field}`);
		assignments.splice(at, 1);
	} else if (at >= 0) assignments[at].value = value;
	else assignments.push({ id: `test-${field}`, name: field, value, type: 'string' });
}

/**
 * The fields an "any app" sync (templates 10 and 19) sends for a GHL contact, built here from the
 * sandbox's own store; each template adds its externalId (and its sub-account or business).
 */
export function anyAppContactFields(c: ContactRecord): Record<string, unknown> {
	const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
	return {
		ghlContactId: c.id,
		firstName: text(c.firstName),
		lastName: text(c.lastName),
		email: text(c.email).toLowerCase(),
		phone: text(c.phone),
		companyName: text(c.companyName),
		city: text(c.city),
		country: text(c.country),
		source: text(c.source),
		tags: [...(c.tags ?? [])].map(String).sort(),
		dateAdded: text(c.dateAdded),
	};
}
