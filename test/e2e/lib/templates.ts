/**
 * The workflow templates (templates/*.json) and the credentials they reference: GHL
 * credentials pointing at the sandbox, and the partner simulators' demo credentials
 * (sandbox/partners). Ids and names come from templates/src/lib.ts.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { PARTNER_DEMO } from '../../../sandbox/partners';
import { CREDENTIALS } from '../../../templates/src/lib';
import { ROOT } from './runtime';
import type { CredentialJson } from './stack';
import type { WorkflowJson } from './workflows';

export const TEMPLATES_DIR = path.join(ROOT, 'templates');
/** The partner base URL the templates' Config nodes use by default. */
export const DEFAULT_PARTNERS_URL = 'http://127.0.0.1:8788';

/**
 * The GHL contact fields the LeadSquared lead template's default mapping gives LeadSquared's sample
 * lead (sandbox/partners/payloads/leadsquared-lead-created.json), as the sandbox stores them.
 */
export const SAMPLE_LEAD_CONTACT = {
	firstName: 'Priya',
	lastName: 'Raman',
	phone: '+919845012345',
	companyName: 'Raman Textiles',
	website: 'https://ramantextiles.example.com',
	address1: '12 MG Road',
	city: 'Bengaluru',
	state: 'Karnataka',
	postalCode: '560001',
	country: 'IN',
} as const;

export interface TemplateFile {
	file: string;
	json: WorkflowJson;
}

/** Every `templates/*.json` (exported n8n workflows). */
export function listTemplates(): TemplateFile[] {
	return readdirSync(TEMPLATES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const file = path.join(TEMPLATES_DIR, name);
			return { file, json: JSON.parse(readFileSync(file, 'utf8')) };
		});
}

/**
 * A template as this local stack needs it: partner URLs moved to where the simulators listen, and
 * GHL Trigger nodes trusting the sandbox's signing keys (besides GHL's own).
 */
export function localTemplate(
	json: WorkflowJson,
	stack: { partnersUrl?: string; publicKeys?: { ed25519: string; rsa: string } },
): WorkflowJson {
	const copy: WorkflowJson = JSON.parse(
		!stack.partnersUrl || stack.partnersUrl === DEFAULT_PARTNERS_URL
			? JSON.stringify(json)
			: JSON.stringify(json).split(DEFAULT_PARTNERS_URL).join(stack.partnersUrl),
	);
	if (stack.publicKeys) {
		const { ed25519, rsa } = stack.publicKeys;
		for (const node of copy.nodes ?? []) {
			if (node.type !== 'n8n-nodes-ghl.ghlTrigger') continue;
			const options = node.parameters.options;
			node.parameters.options = { ...(typeof options === 'object' ? options : {}), publicKeys: `${ed25519.trim()}\n${rsa.trim()}` };
		}
	}
	return copy;
}

interface CredentialSpec {
	type: string;
	id: string;
	name: string;
}

/** Ids/names of the GHL credentials the templates reference. */
export function ghlCredentialRefs(): { pit: { id: string; name: string }; oauth: { id: string; name: string }; agency: { id: string; name: string } } {
	return {
		pit: { id: CREDENTIALS.ghlPit.id, name: CREDENTIALS.ghlPit.name },
		oauth: { id: CREDENTIALS.ghlOAuth.id, name: CREDENTIALS.ghlOAuth.name },
		agency: { id: CREDENTIALS.ghlAgency.id, name: CREDENTIALS.ghlAgency.name },
	};
}

/**
 * n8n credential JSON (plain data, for `import:credentials`) for the partner credentials the
 * templates reference, filled with the simulators' demo values. Unknown keys are skipped.
 */
export function partnerCredentials(): CredentialJson[] {
	const demo = PARTNER_DEMO;
	const data: Record<string, Record<string, unknown>> = {
		lsqApi: { json: JSON.stringify({ qs: { accessKey: demo.leadsquared?.accessKey, secretKey: demo.leadsquared?.secretKey } }) },
		lsqWebhook: { name: demo.leadsquared?.webhookHeaderName, value: demo.leadsquared?.webhookHeaderValue },
		dpdApi: { user: demo.dpd?.apiUser, password: demo.dpd?.apiPassword },
		dpdIpn: { user: demo.dpd?.ipnUser, password: demo.dpd?.ipnPassword },
		leadPopsApi: { name: 'leadpops-authorization', value: demo.leadpops?.apiKey },
		leadCarsApi: { name: 'cliente-token', value: demo.leadcars?.clienteToken },
		anyAppApi: { name: demo.anyapp?.apiHeaderName, value: demo.anyapp?.apiKey },
		anyAppWebhook: { name: demo.anyapp?.webhookHeaderName, value: demo.anyapp?.webhookKey },
	};
	return Object.entries(CREDENTIALS as Record<string, CredentialSpec>)
		.filter(([key]) => data[key])
		.map(([key, spec]) => ({ id: spec.id, name: spec.name, type: spec.type, data: data[key] }));
}
