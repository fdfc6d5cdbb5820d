/**
 * The workflow templates (templates/*.json) and the credentials they reference: GHL
 * credentials pointing at the sandbox, and the partner simulators' demo credentials
 * (sandbox/partners). Ids and names come from templates/src/lib.ts when it exists.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { ROOT } from './runtime';

export const TEMPLATES_DIR = path.join(ROOT, 'templates');
/** The partner base URL the templates' Config nodes use by default. */
export const DEFAULT_PARTNERS_URL = 'http://127.0.0.1:8788';

export interface TemplateFile {
	file: string;
	json: any;
}

/** Every `templates/*.json` (exported n8n workflows). */
export function listTemplates(): TemplateFile[] {
	if (!existsSync(TEMPLATES_DIR)) return [];
	return readdirSync(TEMPLATES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const file = path.join(TEMPLATES_DIR, name);
			return { file, json: JSON.parse(readFileSync(file, 'utf8')) };
		});
}

/** A template with its partner URLs moved to where the simulators really listen. */
export function retargetTemplate(json: any, partnersUrl: string | undefined): any {
	if (!partnersUrl || partnersUrl === DEFAULT_PARTNERS_URL) return json;
	return JSON.parse(JSON.stringify(json).split(DEFAULT_PARTNERS_URL).join(partnersUrl));
}

interface CredentialSpec {
	type: string;
	id: string;
	name: string;
}

function templateCredentialSpecs(): Record<string, CredentialSpec> {
	const lib = path.join(TEMPLATES_DIR, 'src/lib.ts');
	if (!existsSync(lib)) return {};
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return (require(lib).CREDENTIALS ?? {}) as Record<string, CredentialSpec>;
	} catch {
		return {};
	}
}

function partnerDemo(): any {
	const dir = path.join(ROOT, 'sandbox/partners');
	if (!existsSync(path.join(dir, 'index.ts'))) return undefined;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require(dir).PARTNER_DEMO;
	} catch {
		return undefined;
	}
}

/** Ids/names of the GHL credentials the templates reference (fallbacks when templates/src is absent). */
export function ghlCredentialRefs(): { pit: { id: string; name: string }; oauth: { id: string; name: string } } {
	const specs = templateCredentialSpecs();
	return {
		pit: { id: specs.ghlPit?.id ?? 'ghlSandboxPit01', name: specs.ghlPit?.name ?? 'GHL sandbox (Private Integration)' },
		oauth: { id: specs.ghlOAuth?.id ?? 'ghlSandboxOAuth1', name: specs.ghlOAuth?.name ?? 'GHL sandbox (OAuth2)' },
	};
}

/**
 * n8n credential JSON (plain data, for `import:credentials`) for the partner credentials the
 * templates reference, filled with the simulators' demo values. Unknown keys are skipped.
 */
export function partnerCredentials(): any[] {
	const specs = templateCredentialSpecs();
	const demo = partnerDemo();
	if (!demo) return [];
	const data: Record<string, Record<string, unknown>> = {
		lsqApi: { json: JSON.stringify({ qs: { accessKey: demo.leadsquared?.accessKey, secretKey: demo.leadsquared?.secretKey } }) },
		lsqWebhook: { name: demo.leadsquared?.webhookHeaderName, value: demo.leadsquared?.webhookHeaderValue },
		dpdApi: { user: demo.dpd?.apiUser, password: demo.dpd?.apiPassword },
		dpdIpn: { user: demo.dpd?.ipnUser, password: demo.dpd?.ipnPassword },
		leadPopsApi: { name: 'leadpops-authorization', value: demo.leadpops?.apiKey },
		leadCarsApi: { name: 'cliente-token', value: demo.leadcars?.clienteToken },
	};
	return Object.entries(specs)
		.filter(([key]) => data[key] && Object.values(data[key]).every((v) => v !== undefined))
		.map(([key, spec]) => ({ id: spec.id, name: spec.name, type: spec.type, data: data[key] }));
}
