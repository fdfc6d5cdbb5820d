/**
 * The GHL scopes each template needs, from its nodes and the node code: every HighLevel action
 * node's operation (`meta.endpoint.scopes`), the lookups its parameters make it do (custom field
 * definitions, the contact re-read after a tag merge, the agency's sub-account token), the
 * webhook trigger's Fetch Full Record reads and the polling trigger's event reads. build.ts writes
 * them into templates/README.md (`<!-- scopes:<file>:begin -->` blocks, one per template section);
 * test/templates.test.ts fails when a block differs.
 */
import type { GhlEndpoint } from '../../nodes/shared/transport';
import { resourceList } from '../../nodes/Ghl/actions';
import { POLLING_EVENT_REFERENCE } from '../../nodes/GhlPollingTrigger/reference';
import { SHARED_ENDPOINTS } from '../../nodes/shared/reads';
import { SUB_ACCOUNT_PARAMETER } from '../../nodes/shared/transport/connection';
import { fullRecordSource } from '../../scripts/catalogue/triggers';
import type { N8nNode, TemplateSpec } from './lib';

type Params = Record<string, unknown>;

function operationEndpoint(resourceValue: string, operationValue: string): GhlEndpoint {
	const resource = resourceList.find((candidate) => candidate.value === resourceValue);
	const operation = Object.values(resource?.operations ?? {}).find(({ meta }) => meta.value === operationValue);
	if (!operation) throw new Error(`No HighLevel operation ${resourceValue} › ${operationValue}`);
	return operation.meta.endpoint;
}

function filled(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.values(value as Params).some(filled);
	return true;
}

/** The contact fields a contact write sends (Additional Fields on upsert, Update Fields on update). */
function contactFields(params: Params): Params {
	return ((params.additionalFields ?? params.updateFields ?? {}) as Params) ?? {};
}

/** Reads an operation makes besides its own endpoint, as its parameters make it. */
function lookups(resource: string, operation: string, params: Params): GhlEndpoint[] {
	if (resource !== 'contact' || !['upsert', 'update', 'create'].includes(operation)) return [];
	const fields = contactFields(params);
	const found: GhlEndpoint[] = [];
	// Custom fields by key or name are resolved against the location's definitions (helpers/customFields.ts).
	if (filled(fields.customFieldsObject) || filled((params.customFieldsUi as Params | undefined)?.customField)) found.push(SHARED_ENDPOINTS.customFields);
	const addsTags = filled(fields.tags) && (params.tagsMode ?? (params.options as Params | undefined)?.tagsMode ?? 'add') === 'add';
	if (addsTags) {
		found.push(SHARED_ENDPOINTS.addContactTags);
		// Update re-reads the contact to answer its tags when GHL's answer has none.
		if (operation === 'update') found.push(SHARED_ENDPOINTS.contact);
	}
	return found;
}

/** The endpoints one node calls. */
export function nodeEndpoints(node: N8nNode): GhlEndpoint[] {
	const params = node.parameters as Params;
	if (node.type === 'n8n-nodes-ghl.ghl') {
		const resource = String(params.resource);
		const operation = String(params.operation);
		const endpoints = [operationEndpoint(resource, operation), ...lookups(resource, operation, params)];
		// An agency credential acting for a sub-account mints that sub-account's token first.
		if (filled(params[SUB_ACCOUNT_PARAMETER])) endpoints.push(operationEndpoint('agency', 'getLocationToken'));
		return endpoints;
	}
	if (node.type === 'n8n-nodes-ghl.ghlTrigger') {
		if (params.fetchFullRecord !== true) return [];
		return ((params.events ?? []) as string[]).flatMap((event) => {
			const { source } = fullRecordSource(event);
			return source ? [source.endpoint] : [];
		});
	}
	if (node.type === 'n8n-nodes-ghl.ghlPollingTrigger') {
		const reference = POLLING_EVENT_REFERENCE[String(params.event)];
		if (!reference) throw new Error(`Polling event ${String(params.event)} has no reference`);
		return reference.reads;
	}
	return [];
}

function scopesOf(nodes: N8nNode[]): string[] {
	const scopes = new Set<string>();
	for (const node of nodes) {
		for (const endpoint of nodeEndpoints(node)) {
			// The bulk contact endpoints declare no scope in GHL's spec; GHL still needs contacts.write.
			const declared = endpoint.scopes.length ? endpoint.scopes : endpoint.api === 'contacts' ? ['contacts.write'] : [];
			declared.forEach((scope) => scopes.add(scope));
		}
	}
	return [...scopes].sort();
}

export interface TemplateScopes {
	/** What the template's GHL credential needs as shipped. */
	always: string[];
	/** What a node run only when a Config setting turns it on adds. */
	optional: Array<{ setting: string; adds: string[] }>;
}

export function templateScopes(spec: TemplateSpec): TemplateScopes {
	const optionalNodes = spec.optionalNodes ?? {};
	const missing = Object.keys(optionalNodes).filter((name) => !spec.nodes.some((node) => node.name === name));
	if (missing.length) throw new Error(`${spec.file}: optionalNodes names no node ${missing.join(', ')}`);
	const always = scopesOf(spec.nodes.filter((node) => !(node.name in optionalNodes)));
	const bySetting = new Map<string, N8nNode[]>();
	for (const node of spec.nodes) {
		const setting = optionalNodes[node.name];
		if (setting) bySetting.set(setting, [...(bySetting.get(setting) ?? []), node]);
	}
	const optional = [...bySetting].map(([setting, nodes]) => ({ setting, adds: scopesOf(nodes).filter((scope) => !always.includes(scope)) }));
	return { always, optional: optional.filter(({ adds }) => adds.length) };
}

const code = (scopes: string[]): string => scopes.map((scope) => `\`${scope}\``).join(', ');

/** The generated Least privilege line of a template's README section, with its markers. */
export function leastPrivilegeBlock(spec: TemplateSpec): string {
	const { always, optional } = templateScopes(spec);
	const credential = spec.nodes.some((node) => node.credentials?.ghlAgencyOAuth2Api) ? 'the agency app' : 'the GHL token (Private Integration or OAuth app)';
	const adds = optional.map(({ setting, adds }) => ` (\`${setting}\` on adds ${code(adds)})`).join('');
	const partner = spec.partnerPrivilege ? ` ${spec.partnerPrivilege}` : '';
	return [
		`<!-- scopes:${spec.file}:begin (generated by npx tsx templates/src/build.ts from the template's HighLevel nodes) -->`,
		`**Least privilege**: ${credential} needs ${code(always)}, nothing else${adds}.${partner}`,
		`<!-- scopes:${spec.file}:end -->`,
	].join('\n');
}

/** templates/README.md with every template's block regenerated; a section without its block is an error. */
export function readmeWithScopes(current: string, specs: TemplateSpec[]): string {
	let text = current;
	for (const spec of specs) {
		const begin = text.indexOf(`<!-- scopes:${spec.file}:begin`);
		const endMarker = `<!-- scopes:${spec.file}:end -->`;
		const end = text.indexOf(endMarker);
		if (begin < 0 || end < begin) throw new Error(`templates/README.md has no <!-- scopes:${spec.file}:begin --> … end block`);
		text = text.slice(0, begin) + leastPrivilegeBlock(spec) + text.slice(end + endMarker.length);
	}
	return text;
}

/** What each partner's credential can be held to, for the generated lines (`partnerPrivilege`). */
export const PARTNER_PRIVILEGE = {
	leadSquared:
		'LeadSquared: its access and secret keys carry no scopes, they act as the user they belong to (see *Credentials*); the webhook header credential only checks LeadSquared\'s posts.',
	leadSquaredApi: 'LeadSquared: its access and secret keys carry no scopes, they act as the user they belong to (see *Credentials*).',
	dpdApi: 'DPD: its API is read-only; the API credential only reads purchases.',
	dpdIpn: 'DPD: the IPN credential only checks DPD\'s posts; the API credential only verifies them (DPD\'s API is read-only).',
	leadPops: 'leadPops: one API key, used only to list leads (no other call is known).',
	leadCars: 'LeadCars: the `cliente-token` has no scopes (one token per client).',
	anyAppOut: 'The app\'s key needs write access to its records only.',
	anyAppIn: 'The app gets no GHL access: it only posts to the Webhook with the header value of `anyAppWebhook001`.',
	anyAppRoundTrip: 'The app gets no GHL access: it posts to the Webhook with the header value of `anyAppWebhook001`; the app\'s key needs write access to its records and their notes and tasks.',
};
