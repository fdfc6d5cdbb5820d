/**
 * Fast checks of the workflow templates (templates/*.json) and the partner simulators
 * (sandbox/partners), without n8n: the JSON is what templates/src builds, uses only node types and
 * versions n8n 2.41.1 ships plus ours, gives our nodes only parameters their description has for
 * the chosen resource/operation, holds no secrets, pinned data or stray hosts, references the
 * documented credential placeholders, and every node is wired. The e2e suite
 * (test/e2e/templates.e2e.test.ts) runs them in a real n8n.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { Script } from 'vm';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { Ghl } from '../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { GhlTrigger } from '../nodes/GhlTrigger/GhlTrigger.node';
import { PARTNER_DEMO, startPartners, type DpdPurchase, type LeadPopsLead, type Partners } from '../sandbox/partners';
import { renderTemplate, templateFile } from '../templates/src/build';
import { templates as specs } from '../templates/src/index';
import { CREDENTIALS, editorDefaultTrigger, ghl, PARTNERS, waitsForACall } from '../templates/src/lib';
import { leastPrivilegeBlock, templateScopes } from '../templates/src/scopes';
import { neededScopes } from '../scripts/catalogue/generate';
import { resourceList } from '../nodes/Ghl/actions';

const ROOT = path.resolve(__dirname, '..');
const TEMPLATES_DIR = path.join(ROOT, 'templates');

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Params;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

interface Template {
	file: string;
	raw: string;
	json: {
		id: string;
		name: string;
		active: boolean;
		nodes: TemplateNode[];
		connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
		[key: string]: unknown;
	};
}

const templateFiles: Template[] = readdirSync(TEMPLATES_DIR)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.map((name) => {
		const raw = readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
		return { file: name, raw, json: JSON.parse(raw) };
	});

/**
 * n8n-nodes-base node types (and the type versions) n8n 2.41.1 ships that the templates may use,
 * from n8n-nodes-base@2.41.1's node descriptions.
 */
const BASE_NODES: Record<string, number[]> = {
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.scheduleTrigger': [1, 1.1, 1.2, 1.3, 1.4],
	'n8n-nodes-base.webhook': [1, 1.1, 2, 2.1],
	'n8n-nodes-base.code': [1, 2],
	'n8n-nodes-base.set': [3, 3.1, 3.2, 3.3, 3.4, 3.5],
	'n8n-nodes-base.if': [2, 2.1, 2.2, 2.3],
	'n8n-nodes-base.httpRequest': [3, 4, 4.1, 4.2, 4.3, 4.4, 4.5],
	'n8n-nodes-base.removeDuplicates': [2],
	'n8n-nodes-base.noOp': [1],
	'n8n-nodes-base.splitOut': [1],
	'n8n-nodes-base.stickyNote': [1],
	'n8n-nodes-base.respondToWebhook': [1, 1.1, 1.2, 1.3, 1.4, 1.5],
	'n8n-nodes-base.extractFromFile': [1, 1.1],
	'n8n-nodes-base.splitInBatches': [1, 2, 3],
	'n8n-nodes-base.wait': [1, 1.1],
};
const TRIGGERS = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.webhook', 'n8n-nodes-ghl.ghlTrigger', 'n8n-nodes-ghl.ghlPollingTrigger']);
const BASE_CREDENTIAL_TYPES = new Set(['httpHeaderAuth', 'httpBasicAuth', 'httpCustomAuth', 'httpQueryAuth']);
const OUR_NODES = {
	'n8n-nodes-ghl.ghl': new Ghl().description,
	'n8n-nodes-ghl.ghlTrigger': new GhlTrigger().description,
	'n8n-nodes-ghl.ghlPollingTrigger': new GhlPollingTrigger().description,
} as const;

const allNodes = templateFiles.flatMap((t) => t.json.nodes.map((node) => ({ template: t, node })));

// ---------------------------------------------------------------------------------------------
// Display-option evaluation over our node descriptions

type Params = Record<string, unknown>;

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

function defaultOf(properties: INodeProperties[], name: string): unknown {
	return properties.find((p) => p.name === name)?.default;
}

/** Whether `property` is shown for the node's parameters (top-level display options only). */
function shown(property: INodeProperties, params: Params, all: INodeProperties[]): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const value = (key: string) => {
		const name = key.replace(/^\//, '');
		return name in params ? params[name] : defaultOf(all, name);
	};
	const matches = (key: string, wanted: unknown[]) => {
		if (key === '@version') return true;
		const actual = value(key);
		return wanted.some((w) => (typeof w === 'object' && w !== null ? true : w === actual));
	};
	if (show && !Object.entries(show).every(([key, wanted]) => matches(key, wanted as unknown[]))) return false;
	if (hide && Object.entries(hide).some(([key, wanted]) => matches(key, wanted as unknown[]))) return false;
	return true;
}

function optionValues(property: INodeProperties): unknown[] {
	return ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
}

/** Problems with one parameter value against its property (collections and fixed collections recursively). */
function checkValue(property: INodeProperties, value: unknown, where: string): string[] {
	if (isExpression(value)) return [];
	switch (property.type) {
		case 'options':
			if (property.typeOptions?.loadOptionsMethod) return [];
			return optionValues(property).includes(value) ? [] : [`${where}: "${String(value)}" is not an option`];
		case 'multiOptions':
			if (property.typeOptions?.loadOptionsMethod) return [];
			return ((value as unknown[]) ?? []).filter((v) => !optionValues(property).includes(v)).map((v) => `${where}: "${String(v)}" is not an option`);
		case 'collection': {
			const problems: string[] = [];
			const options = (property.options ?? []) as INodeProperties[];
			for (const [key, sub] of Object.entries((value ?? {}) as Params)) {
				const subProperty = options.find((o) => o.name === key);
				if (!subProperty) problems.push(`${where}.${key}: not a field of ${property.name}`);
				else problems.push(...checkValue(subProperty, sub, `${where}.${key}`));
			}
			return problems;
		}
		case 'fixedCollection': {
			const problems: string[] = [];
			const groups = (property.options ?? []) as INodePropertyCollection[];
			for (const [groupName, rows] of Object.entries((value ?? {}) as Params)) {
				const group = groups.find((g) => g.name === groupName);
				if (!group) {
					problems.push(`${where}.${groupName}: not a group of ${property.name}`);
					continue;
				}
				for (const [i, row] of (Array.isArray(rows) ? rows : [rows]).entries()) {
					for (const [key, sub] of Object.entries(row as Params)) {
						const field = (group.values as INodeProperties[]).find((v) => v.name === key);
						if (!field) problems.push(`${where}.${groupName}[${i}].${key}: not a field`);
						else problems.push(...checkValue(field, sub, `${where}.${groupName}[${i}].${key}`));
					}
				}
			}
			return problems;
		}
		case 'resourceLocator': {
			const locator = value as { __rl?: boolean; mode?: string; value?: unknown };
			const modes = (property.modes ?? []).map((m) => m.name);
			if (!locator || locator.__rl !== true || !modes.includes(String(locator.mode))) {
				return [`${where}: expected a resource locator in mode ${modes.join('/')}`];
			}
			return [];
		}
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${where}: expected a boolean`];
		case 'number':
			return typeof value === 'number' ? [] : [`${where}: expected a number`];
		default:
			return [];
	}
}

/** Every parameter of one of our nodes that its description does not show for these parameters. */
function parameterProblems(type: keyof typeof OUR_NODES, params: Params): string[] {
	const all = OUR_NODES[type].properties;
	const visible = all.filter((p) => p.type !== 'notice' && shown(p, params, all));
	const problems: string[] = [];
	for (const [name, value] of Object.entries(params)) {
		const candidates = visible.filter((p) => p.name === name);
		if (!candidates.length) {
			problems.push(`${name}: no such parameter for ${JSON.stringify({ resource: params.resource, operation: params.operation })}`);
			continue;
		}
		const perCandidate = candidates.map((p) => checkValue(p, value, name));
		const fit = perCandidate.find((list) => list.length === 0);
		if (!fit) problems.push(...perCandidate[0]);
	}
	for (const required of visible.filter((p) => p.required && p.type !== 'hidden')) {
		if (!(required.name in params)) problems.push(`${required.name}: required but not set`);
	}
	return problems;
}

/** The operation values per resource of our action node. */
function operationsByResource(): Record<string, string[]> {
	const properties = OUR_NODES['n8n-nodes-ghl.ghl'].properties;
	const resources = optionValues(properties.find((p) => p.name === 'resource')!) as string[];
	return Object.fromEntries(
		resources.map((resource) => [
			resource,
			properties
				.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource))
				.flatMap((p) => optionValues(p) as string[]),
		]),
	);
}

function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
	else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
	return out;
}

// ---------------------------------------------------------------------------------------------

describe('templates', () => {
	test('there is one JSON file per template source, and each is exactly what templates/src builds', () => {
		expect(templateFiles.map((t) => t.file)).toEqual(specs.map((spec) => `${spec.file}.json`).sort());
		for (const spec of specs) expect(readFileSync(templateFile(spec), 'utf8')).toBe(renderTemplate(spec));
	});

	test('at least one template per partner', () => {
		const partners = { LeadSquared: /leadsquared/, DPD: /dpd/, leadPops: /leadpops/, LeadCars: /leadcars/ };
		for (const [partner, pattern] of Object.entries(partners)) {
			expect([partner, templateFiles.filter((t) => pattern.test(t.file)).length > 0]).toEqual([partner, true]);
		}
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: importable workflow export', (_file, t) => {
		expect(t.json.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(t.json.active).toBe(false);
		// Pinned data only on the trigger n8n's editor runs by default, when it would wait for a call (lib.ts).
		const target = editorDefaultTrigger(t.json.nodes);
		expect(Object.keys((t.json.pinData as object | undefined) ?? {})).toEqual(target && waitsForACall(target) ? [target.name] : []);
		expect(t.json).not.toHaveProperty('staticData');
		expect(typeof t.json.name).toBe('string');
		expect(t.json.settings).toMatchObject({ executionOrder: 'v1' });
		const names = t.json.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		const nodeIds = t.json.nodes.map((n) => n.id);
		expect(new Set(nodeIds).size).toBe(nodeIds.length);
	});

	test('template ids, webhook ids and webhook paths are unique across templates', () => {
		const unique = (list: string[]) => expect(new Set(list).size).toBe(list.length);
		unique(templateFiles.map((t) => t.json.id));
		unique(allNodes.filter(({ node }) => node.webhookId).map(({ node }) => node.webhookId!));
		unique(allNodes.filter(({ node }) => node.type === 'n8n-nodes-base.webhook').map(({ node }) => String(node.parameters.path)));
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: only node types and versions that exist', (_file, t) => {
		for (const node of t.json.nodes) {
			if (node.type in OUR_NODES) {
				const { version } = OUR_NODES[node.type as keyof typeof OUR_NODES];
				expect([node.name, ([] as number[]).concat(version).includes(node.typeVersion)]).toEqual([node.name, true]);
			} else {
				expect([node.name, node.type in BASE_NODES]).toEqual([node.name, true]);
				expect([node.name, BASE_NODES[node.type].includes(node.typeVersion)]).toEqual([node.name, true]);
			}
		}
	});

	const installedBase = path.join(ROOT, '.cache/n8n-host/node_modules/n8n-nodes-base/package.json');
	(existsSync(installedBase) ? test : test.skip)('the base node types are in the installed n8n-nodes-base', () => {
		const pkg = JSON.parse(readFileSync(installedBase, 'utf8'));
		expect(pkg.version).toBe('2.41.1');
		const files: string[] = pkg.n8n.nodes;
		for (const type of Object.keys(BASE_NODES)) {
			const name = type.replace('n8n-nodes-base.', '').toLowerCase();
			expect([type, files.some((file) => path.basename(file, '.node.js').toLowerCase() === name)]).toEqual([type, true]);
		}
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: our nodes get resources, operations and parameters they have', (_file, t) => {
		const operations = operationsByResource();
		const problems: string[] = [];
		for (const node of t.json.nodes) {
			if (node.type === 'n8n-nodes-ghl.ghl') {
				const resource = String(node.parameters.resource);
				const operation = String(node.parameters.operation);
				if (!operations[resource]?.includes(operation)) {
					problems.push(`${node.name}: no operation ${resource}/${operation}`);
					continue;
				}
				problems.push(...parameterProblems('n8n-nodes-ghl.ghl', node.parameters).map((p) => `${node.name}: ${p}`));
			} else if (node.type === 'n8n-nodes-ghl.ghlTrigger') {
				problems.push(...parameterProblems('n8n-nodes-ghl.ghlTrigger', node.parameters).map((p) => `${node.name}: ${p}`));
				// At least one event type.
				expect(node.parameters.events).toEqual(expect.arrayContaining([expect.any(String)]));
				expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
			} else if (node.type === 'n8n-nodes-ghl.ghlPollingTrigger') {
				// n8n adds "Poll Times" to every polling node when it loads it.
				const { pollTimes, ...params } = node.parameters;
				expect(pollTimes).toEqual({ item: [expect.objectContaining({ mode: 'everyX', unit: 'minutes' })] });
				problems.push(...parameterProblems('n8n-nodes-ghl.ghlPollingTrigger', params).map((p) => `${node.name}: ${p}`));
			}
		}
		expect(problems).toEqual([]);
	});

	test('the parameter check catches wrong names, values, locators and missing required fields', () => {
		const upsert = { authentication: 'privateIntegration', resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' };
		expect(parameterProblems('n8n-nodes-ghl.ghl', upsert)).toEqual([]);
		expect(parameterProblems('n8n-nodes-ghl.ghl', { ...upsert, additionalFields: { favouriteColour: 'x' } })).toEqual([
			'additionalFields.favouriteColour: not a field of additionalFields',
		]);
		expect(parameterProblems('n8n-nodes-ghl.ghl', { ...upsert, options: { tagsMode: 'merge' } })).toEqual(['options.tagsMode: "merge" is not an option']);
		expect(parameterProblems('n8n-nodes-ghl.ghl', { ...upsert, title: 'x' })[0]).toMatch(/^title: no such parameter/);
		const task = { authentication: 'privateIntegration', resource: 'task', operation: 'create', contactId: { __rl: true, mode: 'id', value: 'x' }, dueDate: '2030-01-01' };
		expect(parameterProblems('n8n-nodes-ghl.ghl', task)).toEqual(['title: required but not set']);
		expect(parameterProblems('n8n-nodes-ghl.ghl', { ...task, title: 't', contactId: 'abc' })).toEqual([
			'contactId: expected a resource locator in mode list/id/email/phone',
		]);
		expect(parameterProblems('n8n-nodes-ghl.ghlTrigger', { events: ['ContactCreate', 'NoSuchEvent'] })).toEqual(['events: "NoSuchEvent" is not an option']);
		expect(operationsByResource().contact).toEqual(expect.arrayContaining(['upsert', 'getAll', 'get']));
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: credentials are the documented placeholders', (_file, t) => {
		const documented = Object.values(CREDENTIALS);
		for (const node of t.json.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				const spec = documented.find((c) => c.id === ref.id);
				expect([node.name, spec && { type: spec.type, id: spec.id, name: spec.name }]).toEqual([node.name, { type, ...ref }]);
				expect(['ghlApi', 'ghlOAuth2Api', 'ghlAgencyOAuth2Api'].includes(type) || BASE_CREDENTIAL_TYPES.has(type)).toBe(true);
			}
			// The node uses the credential it references.
			const credentialTypes = Object.keys(node.credentials ?? {});
			if (node.type === 'n8n-nodes-base.httpRequest') {
				expect(node.parameters.authentication).toBe('genericCredentialType');
				expect(credentialTypes).toEqual([node.parameters.genericAuthType]);
			}
			if (node.type === 'n8n-nodes-base.webhook') {
				const byAuth: Record<string, string> = { headerAuth: 'httpHeaderAuth', basicAuth: 'httpBasicAuth' };
				expect(credentialTypes).toEqual([byAuth[String(node.parameters.authentication)]]);
			}
			if (node.type === 'n8n-nodes-ghl.ghl' || node.type === 'n8n-nodes-ghl.ghlPollingTrigger' || (node.type === 'n8n-nodes-ghl.ghlTrigger' && node.parameters.fetchFullRecord)) {
				const byAuth: Record<string, string> = { oAuth2: 'ghlOAuth2Api', agencyOAuth2: 'ghlAgencyOAuth2Api' };
				expect(credentialTypes).toEqual([byAuth[String(node.parameters.authentication)] ?? 'ghlApi']);
			}
		}
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: no secrets', (_file, t) => {
		const { leadsquared, dpd, leadpops, leadcars } = PARTNER_DEMO;
		const demoSecrets = [leadsquared.accessKey, leadsquared.secretKey, leadsquared.webhookHeaderValue, dpd.apiPassword, dpd.ipnPassword, leadpops.apiKey, leadcars.clienteToken];
		const sandboxTokens = ['sandbox-pit-', 'sandbox-demo-client-secret'];
		for (const secret of [...demoSecrets, ...sandboxTokens]) {
			expect([secret, t.raw.includes(secret)]).toEqual([secret, false]);
		}
		expect(t.raw).not.toMatch(/Bearer\s+[A-Za-z0-9._-]{8,}/);
		expect(t.raw).not.toMatch(/-----BEGIN [A-Z ]*(PRIVATE|PUBLIC) KEY-----/);
		expect(t.raw).not.toMatch(/"(password|secret|accessToken|access_token|refresh_token|apiKey|clientSecret)"\s*:\s*"[^"]+"/i);
		expect(t.raw).not.toMatch(/[?&](accessKey|secretKey)=/i);
		for (const node of t.json.nodes) expect(Object.keys(node)).not.toContain('pinData');
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: a Manual Trigger path, every node wired, references resolve', (_file, t) => {
		const nodes = t.json.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		const names = new Set(nodes.map((n) => n.name));
		expect(nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger')).toHaveLength(1);
		expect(nodes.filter((n) => TRIGGERS.has(n.type) && n.type !== 'n8n-nodes-base.manualTrigger').length).toBeGreaterThanOrEqual(1);
		// `n8n execute` (and n8n's start-node search) runs the first node with a trigger or poll method:
		// the Manual Trigger, or a trigger wired exactly where it is (the polling templates' schedule).
		const runsFirst = nodes.find((n) => ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger', 'n8n-nodes-ghl.ghlPollingTrigger'].includes(n.type))!;
		const manual = nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')!;
		const targets = (name: string) => JSON.stringify(t.json.connections[name]?.main ?? []);
		expect([runsFirst.name, targets(runsFirst.name)]).toEqual([runsFirst.name, targets(manual.name)]);
		for (const [from, { main }] of Object.entries(t.json.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of main.flat()) expect([target.node, names.has(target.node)]).toEqual([target.node, true]);
		}
		// Every node is reachable from a trigger.
		const reached = new Set(nodes.filter((n) => TRIGGERS.has(n.type)).map((n) => n.name));
		for (let grew = true; grew; ) {
			grew = false;
			for (const [from, { main }] of Object.entries(t.json.connections)) {
				if (!reached.has(from)) continue;
				for (const target of main.flat()) {
					if (reached.has(target.node)) continue;
					reached.add(target.node);
					grew = true;
				}
			}
		}
		expect([...names].filter((n) => !reached.has(n))).toEqual([]);
		// $('Node') in expressions and Code nodes names a node of this template.
		for (const text of strings(nodes.map((n) => n.parameters))) {
			for (const [, ref] of text.matchAll(/\$\(\s*'([^']+)'\s*\)/g)) expect([ref, names.has(ref)]).toEqual([ref, true]);
			if (text.startsWith('=')) expect((text.match(/\{\{/g) ?? []).length).toBe((text.match(/\}\}/g) ?? []).length);
		}
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: Code nodes are valid JavaScript', (_file, t) => {
		for (const node of t.json.nodes.filter((n) => n.type === 'n8n-nodes-base.code')) {
			expect(() => new Script(`(async function () {\n${node.parameters.jsCode}\n})`, { filename: node.name })).not.toThrow();
			expect(node.parameters.jsCode).toMatch(/\breturn\b/);
		}
	});

	test.each(templateFiles.map((t) => [t.file, t] as const))('%s: partner URLs live in the Config node only', (_file, t) => {
		const config = t.json.nodes.find((n) => n.name === 'Config');
		expect(config?.type).toBe('n8n-nodes-base.set');
		const { assignments } = config!.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
		const configUrls = assignments.filter(
			(a) => typeof a.value === 'string' && /^https?:/.test(a.value),
		);
		for (const url of configUrls) expect(String(url.value).startsWith(`${PARTNERS}/`)).toBe(true);
		for (const node of t.json.nodes.filter((n) => n.name !== 'Config' && n.type !== 'n8n-nodes-base.stickyNote')) {
			const hosts = strings(node.parameters).filter((s) => /https?:\/\/(?!\S*example\.(com|es))/.test(s));
			expect([node.name, hosts]).toEqual([node.name, []]);
			if (node.type === 'n8n-nodes-base.httpRequest') expect(node.parameters.url).toMatch(/^=\{\{ \$\('Config'\)\.first\(\)\.json\.\w+ \}\}\//);
		}
	});

	test.each(templateFiles.filter((t) => /leadsquared|dpd|leadpops|leadcars|any-app|bulk-update|agency-fan-out/.test(t.file)).map((t) => [t.file, t] as const))(
		'%s: follows the sync pattern (Failed items fed by error outputs, Record as synced, no Remove Duplicates)',
		(_file, t) => {
			const names = t.json.nodes.map((n) => n.name);
			expect(names).toEqual(expect.arrayContaining(['Failed items', 'Record as synced']));
			// A note on the canvas tells the user to set an Error Workflow (failures outside the items).
			const notes = t.json.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
			expect(notes.some((content) => content.includes('Settings › Error Workflow'))).toBe(true);
			expect(t.json.nodes.filter((n) => n.type === 'n8n-nodes-base.removeDuplicates')).toEqual([]);
			// Every node that writes or reads over HTTP sends its failures to Failed items, not to the run's end.
			const writers = t.json.nodes.filter((n) => (n.type === 'n8n-nodes-base.httpRequest' || n.type === 'n8n-nodes-ghl.ghl') && (n as { onError?: string }).onError === 'continueErrorOutput');
			expect(writers.length).toBeGreaterThan(0);
			for (const node of writers) {
				const outputs = t.json.connections[node.name]?.main ?? [];
				expect([node.name, outputs[1]?.some((c) => c.node === 'Failed items') ?? false]).toEqual([node.name, true]);
			}
			const others = t.json.nodes.filter(
				(n) => (n.type === 'n8n-nodes-base.httpRequest' || n.type === 'n8n-nodes-ghl.ghl') && !(n as { onError?: string }).onError && !['Newest GHL contacts (demo)', 'Appointments of a demo contact', 'Tasks of a demo contact'].includes(n.name),
			);
			expect(others.map((n) => n.name)).toEqual([]);
		},
	);

	test('templates/README.md: the sync table names, for every template, tests of it in test/templates/*.test.ts', () => {
		const readme = readFileSync(path.join(TEMPLATES_DIR, 'README.md'), 'utf8');
		const header = '| Template | Replay | Outage | Echo | Bad item |';
		expect(readme).toContain(header);
		const rows = readme.slice(readme.indexOf(header)).split('\n').slice(2).filter((line, i, all) => line.startsWith('| `') && all.slice(0, i).every((l) => l.startsWith('| `')));
		// The describe blocks of test/templates/*.test.ts (sync.test.ts and seeds.test.ts first, so an
		// unqualified name finds its template's block there): title, the template file it runs (const file), test names.
		const testFiles = readdirSync(path.join(ROOT, 'test/templates')).filter((name) => name.endsWith('.test.ts'));
		const ordered = ['sync.test.ts', 'seeds.test.ts', ...testFiles.filter((name) => !['sync.test.ts', 'seeds.test.ts'].includes(name)).sort()];
		const source = ordered.map((name) => readFileSync(path.join(ROOT, 'test/templates', name), 'utf8')).join('\n');
		const blocks = source.split(/^describeWithN8n\(/m).slice(1).map((block) => ({
			title: /^'([^']+)'/.exec(block)?.[1] ?? '',
			file: /const file = '([^']+)'/.exec(block)?.[1],
			tests: [...block.matchAll(/^\ttest\((['"])(.+?)\1, async/gm)].map((m) => m[2]),
		}));
		const kinds = ['replay', 'outage', 'echo', 'bad item'];
		// A row for every partner template (each follows the sync pattern, above).
		const files = templateFiles.filter((t) => /leadsquared|dpd|leadpops|leadcars|any-app|bulk-update|agency-fan-out/.test(t.file)).map((t) => t.file.replace(/\.json$/, ''));
		expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]).sort()).toEqual([...files].sort());
		for (const row of rows) {
			const [file, ...cells] = row.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim());
			const template = file.replace(/`/g, '');
			expect([template, cells.length]).toEqual([template, 4]);
			cells.forEach((cell, column) => {
				const where = `${template} / ${kinds[column]}`;
				if (cell.startsWith('—')) {
					// Only a one-way template may have no echo test, and says why.
					expect([where, column === 2 && /^— \(one-way/.test(cell)]).toEqual([where, true]);
					return;
				}
				const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
				expect([where, names.length > 0]).toEqual([where, true]);
				for (const name of names) {
					const [blockTitle, testName] = name.includes(' › ') ? name.split(' › ') : [undefined, name];
					const block = blocks.find((b) => (blockTitle ? b.title === blockTitle : b.file === template));
					expect([where, name, block?.tests.includes(testName) ?? false]).toEqual([where, name, true]);
					const kind = kinds[column];
					const fits = column === 0 ? /^(replay|catch-up)/.test(testName) : `${blockTitle ?? ''} ${testName}`.includes(kind);
					expect([where, name, fits]).toEqual([where, name, true]);
				}
			});
		}
	});

	test('templates/README.md documents every template and every credential placeholder', () => {
		const readme = readFileSync(path.join(TEMPLATES_DIR, 'README.md'), 'utf8');
		for (const t of templateFiles) {
			expect([t.file, readme.includes(t.file)]).toEqual([t.file, true]);
			expect([t.json.id, readme.includes(t.json.id)]).toEqual([t.json.id, true]);
		}
		for (const credential of Object.values(CREDENTIALS)) {
			expect([credential.id, readme.includes(credential.id) && readme.includes(credential.type)]).toEqual([credential.id, true]);
		}
	});
});

// ---------------------------------------------------------------------------------------------
// Partner simulators

describe('partner simulators', () => {
	const NOW = new Date('2026-05-04T12:00:00Z');
	let partners: Partners;
	beforeAll(async () => {
		partners = await startPartners({ port: 0, now: () => NOW });
	});
	beforeEach(() => partners.reset());
	afterAll(async () => {
		await partners.close();
	});

	const lsqKeys = `accessKey=${PARTNER_DEMO.leadsquared.accessKey}&secretKey=${PARTNER_DEMO.leadsquared.secretKey}`;
	const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	/** `body` is the parsed answer, typed as the test expects it (T); undefined when it is not JSON. */
	async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T | undefined; text: string }> {
		const res = await fetch(url, init);
		const text = await res.text();
		let body: T | undefined;
		try {
			body = JSON.parse(text);
		} catch {
			body = undefined;
		}
		return { status: res.status, body, text };
	}
	const postJson = <T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}) =>
		call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

	/** A throwaway receiver for the simulators' outgoing webhooks. */
	async function receiver(): Promise<{ url: string; received: Array<{ headers: IncomingHttpHeaders; body: string }>; close(): Promise<void> }> {
		const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
		const server: Server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return {
			url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
			received,
			close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		};
	}

	test('every partner refuses wrong credentials and records the attempt', async () => {
		expect((await call(`${partners.leadsquared.url}/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=a@b.co&accessKey=x&secretKey=y`)).status).toBe(401);
		expect((await call(`${partners.dpd.url}/v2/purchases`, { headers: { authorization: basic('dpd-demo-user', 'nope') } })).status).toBe(401);
		expect((await postJson(`${partners.leadpops.url}/api/v1/leads`, {}, { 'leadpops-authorization': 'nope' })).status).toBe(401);
		expect((await call(`${partners.leadcars.url}/leadinfos/799119`, { headers: { authorization: `Bearer ${PARTNER_DEMO.leadcars.clienteToken}` } })).status).toBe(401);
		expect(partners.requests.map((r) => [r.partner, r.status, r.authorized])).toEqual([
			['leadsquared', 401, false],
			['dpd', 401, false],
			['leadpops', 401, false],
			['leadcars', 401, false],
		]);
		expect((await call(`${partners.url}/other/thing`)).status).toBe(404);
	});

	test('LeadSquared: Lead.Capture creates, then updates by email; DoNotUpdate leaves the lead; keys in headers work too', async () => {
		const capture = (body: unknown, query = '') => postJson<{ Message: { Id: string } }>(`${partners.leadsquared.url}/v2/LeadManagement.svc/Lead.Capture?${lsqKeys}${query}`, body);
		const created = await capture([
			{ Attribute: 'EmailAddress', Value: 'jordan.lee@example.com' },
			{ Attribute: 'FirstName', Value: 'Jordan' },
			{ Attribute: 'mx_GHL_Contact_Id', Value: 'ghl-1' },
			{ Attribute: 'SearchBy', Value: 'EmailAddress' },
		]);
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ Status: 'Success', Message: { Id: '5e1a0000-0000-4000-8000-000000000001', IsCreated: true } });
		const updated = await capture([{ Attribute: 'EmailAddress', Value: 'JORDAN.LEE@example.com' }, { Attribute: 'LastName', Value: 'Lee' }]);
		expect(updated.body?.Message).toMatchObject({ Id: created.body?.Message.Id, IsCreated: false, IsUpdated: true });
		await capture([{ Attribute: 'EmailAddress', Value: 'jordan.lee@example.com' }, { Attribute: 'LastName', Value: 'Changed' }], '&LeadUpdateBehavior=DoNotUpdate');
		expect(partners.leadsquared.findLeadByEmail('jordan.lee@example.com')).toMatchObject({ FirstName: 'Jordan', LastName: 'Lee', mx_GHL_Contact_Id: 'ghl-1', CreatedOn: '2026-05-04 12:00:00.000' });
		const byHeaders = await call(`${partners.leadsquared.url}/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=priya.raman@example.com`, {
			headers: { 'x-LSQ-AccessKey': PARTNER_DEMO.leadsquared.accessKey, 'x-LSQ-SecretKey': PARTNER_DEMO.leadsquared.secretKey },
		});
		expect(byHeaders.body).toEqual([expect.objectContaining({ ProspectID: '7c3f2a91-5d4e-4b8a-9f21-3e6d8c0b1a47', FirstName: 'Priya' })]);
		const none = await call(`${partners.leadsquared.url}/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=nobody@example.com&${lsqKeys}`);
		expect(none.body).toEqual([]);
	});

	test('LeadSquared: unknown fields, bad bodies, unknown activity codes and task types are refused', async () => {
		const base = `${partners.leadsquared.url}/v2`;
		const unknownField = await postJson(`${base}/LeadManagement.svc/Lead.Capture?${lsqKeys}`, [{ Attribute: 'mx_Not_A_Field', Value: 'x' }]);
		expect(unknownField).toMatchObject({ status: 400, body: { Status: 'Error', ExceptionType: 'MXInvalidInputException' } });
		expect((await postJson(`${base}/LeadManagement.svc/Lead.Capture?${lsqKeys}`, { EmailAddress: 'a@b.co' })).status).toBe(400);
		expect((await postJson(`${base}/ProspectActivity.svc/Create?${lsqKeys}`, { EmailAddress: 'a@b.co', ActivityEvent: 999 })).status).toBe(400);
		const leadId = '7c3f2a91-5d4e-4b8a-9f21-3e6d8c0b1a47';
		const badTask = await postJson(`${base}/Task.svc/Create?${lsqKeys}`, { Name: 'x', RelatedEntity: 1, RelatedEntityId: leadId, DueDate: '2026-05-05 10:00:00', TaskType: { Name: 'Party' } });
		expect(badTask.status).toBe(400);
		const badDate = await postJson(`${base}/Task.svc/Create?${lsqKeys}`, { Name: 'x', RelatedEntity: 1, RelatedEntityId: leadId, DueDate: '2026-05-05T10:00:00Z', TaskType: { Name: 'Meeting' } });
		expect(badDate.status).toBe(400);
		expect(partners.leadsquared.tasks().filter((t) => t.Name === 'x')).toEqual([]);
	});

	test('LeadSquared: activities by email create the lead; tasks, notes and RecentlyModified', async () => {
		const base = `${partners.leadsquared.url}/v2`;
		const activity = await postJson(`${base}/ProspectActivity.svc/Create?${lsqKeys}`, {
			EmailAddress: 'new.person@example.com', FirstName: 'New', ActivityEvent: 202, ActivityNote: 'Booked', ActivityDateTime: '2026-05-04 11:00:00',
			Fields: [{ SchemaName: 'mx_Custom_1', Value: '2026-05-06 09:00:00' }],
		});
		expect(activity.body).toMatchObject({ Status: 'Success', Message: { Id: expect.any(String) } });
		const lead = partners.leadsquared.findLeadByEmail('new.person@example.com')!;
		expect(partners.leadsquared.activities()).toEqual([expect.objectContaining({ RelatedProspectId: lead.ProspectID, ActivityEventName: 'Meeting Booked in HighLevel' })]);
		const task = await postJson(`${base}/Task.svc/Create?${lsqKeys}`, { Name: 'Demo', RelatedEntity: 1, RelatedEntityId: lead.ProspectID, DueDate: '2026-05-06 09:00:00', TaskType: { Name: 'Meeting' } });
		expect(task.status).toBe(200);
		expect((await postJson(`${base}/LeadManagement.svc/CreateNote?${lsqKeys}`, { RelatedProspectId: lead.ProspectID, Note: 'Hi' })).status).toBe(200);
		expect(partners.leadsquared.notes()).toEqual([expect.objectContaining({ Note: 'Hi' })]);
		const recent = await postJson(`${base}/LeadManagement.svc/Leads.RecentlyModified?${lsqKeys}`, {
			Parameter: { FromDate: '2026-05-01 00:00:00', ToDate: '2026-05-05 00:00:00' }, Columns: { Include_CSV: 'EmailAddress' }, Paging: { PageIndex: 1, PageSize: 10 },
		});
		expect(recent.body).toEqual({ RecordCount: 1, Leads: [{ LeadPropertyList: expect.arrayContaining([{ Attribute: 'EmailAddress', Value: 'new.person@example.com' }]) }] });
	});

	test('LeadSquared tasks and meetings: seeded to-do and meeting, Task.svc/Update (status, reschedule), RetrieveAppointments by owner, task webhooks', async () => {
		const base = `${partners.leadsquared.url}/v2`;
		const priya = partners.leadsquared.findLeadByEmail('priya.raman@example.com')!;
		const listed = await call<Array<Record<string, unknown>>>(`${base}/LeadManagement.svc/RetrieveTaskByLeadId?leadId=${priya.ProspectID}&${lsqKeys}`);
		expect(listed.body!.map((t) => [t.Name, t.TaskType, t.Category, t.StatusCode])).toEqual([
			['Call Priya about the loan documents', 'Call', 'To-do', 0],
			['Site visit with Priya', 'Meeting', 'Appointment', 0],
		]);
		const [todo, meeting] = listed.body!;
		const created = await postJson<{ Message: { Id: string } }>(`${base}/Task.svc/Create?${lsqKeys}`, { Name: 'Demo', RelatedEntity: 1, RelatedEntityId: priya.ProspectID, DueDate: '2026-05-06 09:00:00', EndDate: '2026-05-06 10:00:00', TaskType: { Name: 'Meeting' } });
		const update = (body: unknown) => postJson(`${base}/Task.svc/Update?${lsqKeys}`, body);
		expect((await update({ UserTaskId: todo.UserTaskId, StatusCode: 1 })).status).toBe(200);
		expect((await update({ UserTaskId: created.body!.Message.Id, DueDate: '2026-05-07 09:00:00', EndDate: '2026-05-07 10:00:00' })).status).toBe(200);
		expect((await update({ UserTaskId: meeting.UserTaskId, StatusCode: 2 })).status).toBe(200);
		expect((await update({ UserTaskId: 'nope', StatusCode: 1 })).status).toBe(400);
		expect((await update({ UserTaskId: todo.UserTaskId, DueDate: '2026-05-07T09:00:00Z' })).status).toBe(400);
		expect((await update({ UserTaskId: todo.UserTaskId, StatusCode: 7 })).status).toBe(400);
		expect(partners.leadsquared.task(String(todo.UserTaskId))).toMatchObject({ StatusCode: 1, Status: 'Completed' });
		expect(partners.leadsquared.task(String(meeting.UserTaskId))).toMatchObject({ StatusCode: 2, Status: 'Cancelled' });
		const fired = partners.leadsquared.takeWebhooks();
		expect(fired.map((w) => [w.event, w.payload.Name, w.payload.StatusCode])).toEqual([
			['task-created', 'Demo', 0],
			['task-updated', 'Call Priya about the loan documents', 1],
			['task-completed', 'Call Priya about the loan documents', 1],
			['task-updated', 'Demo', 0],
			['task-updated', 'Site visit with Priya', 2],
		]);
		expect(fired[3].payload).toMatchObject({ UserTaskId: created.body!.Message.Id, RelatedEntityId: priya.ProspectID, DueDate: '2026-05-07 09:00:00', EndDate: '2026-05-07 10:00:00' });
		const appointments = (body: unknown) => postJson<{ RecordCount: number; List: Array<Record<string, unknown>> }>(`${base}/Task.svc/RetrieveAppointments/ByUserEmailAddress?${lsqKeys}`, body);
		const window = { FromDate: '2026-05-01 00:00:00', ToDate: '2026-06-01 00:00:00', Users: ['owner@lsq-demo.example.com'], Paging: { PageIndex: 1, PageSize: 10 } };
		expect((await appointments(window)).body).toEqual({ RecordCount: 1, List: [expect.objectContaining({ Name: 'Demo', Category: 'Appointment' })] });
		expect((await appointments({ ...window, ToDate: '2026-09-01 00:00:00' })).status).toBe(400);
		expect((await appointments({ ...window, Users: [] })).status).toBe(400);
		// A user's own change in LeadSquared fires the same events.
		partners.leadsquared.editTask(String(meeting.UserTaskId), { DueDate: '2030-02-02 05:30:00', StatusCode: 0 });
		expect(partners.leadsquared.takeWebhooks().map((w) => [w.event, w.payload.DueDate, w.payload.Status])).toEqual([['task-updated', '2030-02-02 05:30:00', 'Pending']]);
	});

	test('LeadSquared: sendWebhook posts the samples with the demo header, as JSON, form or a batch', async () => {
		const hook = await receiver();
		try {
			const result = await partners.leadsquared.sendWebhook(hook.url, { event: 'lead-created' });
			expect(result).toMatchObject({ status: 200, json: { ok: true } });
			await partners.leadsquared.sendWebhook(hook.url, { event: 'activity-created', contentType: 'form' });
			await partners.leadsquared.sendWebhook(hook.url, { payload: [partners.leadsquared.samples['activity-created']], apiKey: null });
			const [json, form, batch] = hook.received;
			expect(json.headers['x-api-key']).toBe(PARTNER_DEMO.leadsquared.webhookHeaderValue);
			expect(JSON.parse(json.body)).toEqual(partners.leadsquared.samples['lead-created']);
			expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(Object.fromEntries(new URLSearchParams(form.body))).toMatchObject({ ActivityEvent: '201', EmailAddress: 'priya.raman@example.com' });
			expect(batch.headers['x-api-key']).toBeUndefined();
			expect(JSON.parse(batch.body)).toHaveLength(1);
		} finally {
			await hook.close();
		}
	});

	test('DPD: purchases filter, page by 100, end with 404 NOTFOUND; single purchase; dates relative to the clock', async () => {
		const auth = { authorization: basic(PARTNER_DEMO.dpd.apiUser, PARTNER_DEMO.dpd.apiPassword) };
		const nowSec = NOW.getTime() / 1000;
		const all = await call<DpdPurchase[]>(`${partners.dpd.url}/v2/purchases?date_min=${nowSec - 3600}`, { headers: auth });
		expect(all.body?.map((p) => [p.id, p.status, Number(p.created_at)])).toEqual([
			[18937181, 'ACT', nowSec - 50 * 60],
			[18937190, 'ACT', nowSec - 20 * 60],
			[18937195, 'RFD', nowSec - 10 * 60],
		]);
		expect((await call<DpdPurchase[]>(`${partners.dpd.url}/v2/purchases?status=RFD`, { headers: auth })).body?.map((p) => p.buyer_email)).toEqual(['lena.fischer@example.com']);
		expect((await call(`${partners.dpd.url}/v2/purchases?date_min=${new Date(NOW.getTime() - 15 * 60000).toISOString()}`, { headers: auth })).body).toHaveLength(1);
		for (let i = 0; i < 120; i++) partners.dpd.addPurchase({ id: 20000000 + i, created_at: String(nowSec - 5) });
		expect((await call(`${partners.dpd.url}/v2/purchases?page=1`, { headers: auth })).body).toHaveLength(100);
		expect((await call(`${partners.dpd.url}/v2/purchases?page=2`, { headers: auth })).body).toHaveLength(23);
		expect(await call(`${partners.dpd.url}/v2/purchases?page=3`, { headers: auth })).toMatchObject({ status: 404, body: { status: 'NOTFOUND' } });
		expect((await call<DpdPurchase>(`${partners.dpd.url}/v2/purchases/18937190`, { headers: auth })).body?.line_items[0].product_name).toBe('Portrait Retouching Actions');
		expect((await call(`${partners.dpd.url}/v2/purchases/1`, { headers: auth })).status).toBe(404);
	});

	test('DPD: sendIpn posts form fields with basic auth; verify answers VERIFIED only for the exact fields sent', async () => {
		const hook = await receiver();
		const auth = { authorization: basic(PARTNER_DEMO.dpd.apiUser, PARTNER_DEMO.dpd.apiPassword) };
		const verify = (fields: Record<string, string>) =>
			call(`${partners.dpd.url}/v2/notification/verify`, {
				method: 'POST',
				headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(fields).toString(),
			});
		try {
			await partners.dpd.sendIpn(hook.url, { fields: partners.dpd.ipnFields({ txn_id: '1', verify_sign: '' }) });
			const [ipn] = hook.received;
			expect(ipn.headers.authorization).toBe(basic(PARTNER_DEMO.dpd.ipnUser, PARTNER_DEMO.dpd.ipnPassword));
			expect(ipn.headers['content-type']).toBe('application/x-www-form-urlencoded');
			const fields = Object.fromEntries(new URLSearchParams(ipn.body));
			expect(fields).toMatchObject({ txn_id: '1', payer_email: 'maya.ortiz@example.com', item_name2: 'Editing Masterclass (video)' });
			expect(fields.verify_sign).toMatch(/^[0-9a-f]{32}$/);
			expect((await verify(fields)).text).toBe('VERIFIED');
			expect((await verify({ ...fields, mc_gross: '0.01' })).text).toBe('INVALID');
			expect((await verify(partners.dpd.samples.ipn)).text).toBe('VERIFIED');
			await partners.dpd.sendIpn(hook.url, { fields: partners.dpd.ipnFields({ verify_sign: 'forged' }), register: false, auth: null });
			expect(hook.received[1].headers.authorization).toBeUndefined();
			expect((await verify(Object.fromEntries(new URLSearchParams(hook.received[1].body)))).text).toBe('INVALID');
		} finally {
			await hook.close();
		}
	});

	test('leadPops: leads by day window, funnel and limit; bad requests refused', async () => {
		const key = { 'leadpops-authorization': PARTNER_DEMO.leadpops.apiKey };
		const list = (body: unknown) => postJson<{ total: number; leads: LeadPopsLead[] }>(`${partners.leadpops.url}/api/v1/leads`, body, key);
		const twoDays = await list({ from_date: '2026-05-03', to_date: '2026-05-04', limit: 100 });
		expect(twoDays.body).toMatchObject({ status: 'success', total: 2 });
		expect(twoDays.body?.leads.map((l) => [l.email, l.date_created])).toEqual([
			['alicia.gomez@example.com', '2026-05-03 16:00:00'],
			['derek.simmons@example.com', '2026-05-04 10:00:00'],
		]);
		expect((await list({ from_date: '2026-05-03', to_date: '2026-05-04', funnel: 'other.example.com' })).body?.total).toBe(0);
		expect((await list({ from_date: '2026-04-01', to_date: '2026-05-04', limit: 1 })).body?.leads).toHaveLength(1);
		expect((await list({ from_date: 'yesterday', to_date: '2026-05-04' })).status).toBe(422);
		expect((await call(`${partners.leadpops.url}/api/v1/leads`, { headers: key })).status).toBe(404);
	});

	test('LeadCars: create validates the documented required fields and E.164 phones; leadinfos and comments', async () => {
		const token = { 'cliente-token': PARTNER_DEMO.leadcars.clienteToken };
		const invalid = await postJson<{ errors: Record<string, unknown> }>(`${partners.leadcars.url}/leads`, { nombre: 'A', email: 'not-an-email', telefono: '915 71 51 35', concesionario: 999 }, token);
		expect(invalid.status).toBe(422);
		expect(Object.keys(invalid.body?.errors ?? {}).sort()).toEqual(['apellidos', 'concesionario', 'email', 'telefono', 'tipo_lead']);
		const created = await postJson(
			`${partners.leadcars.url}/leads`,
			{ nombre: 'Lucía', apellidos: 'Gil', email: 'lucia.gil@example.es', movil: '+34612000000', concesionario: 123, tipo_lead: 7, sede: 456, campana: 'VN-OTONO-25', custom: { ghl_contact_id: 'x1' } },
			token,
		);
		expect(created).toMatchObject({ status: 201, body: { success: true, data: { id: 799200 } } });
		const info = await call(`${partners.leadcars.url}/leadinfos/799200`, { headers: token });
		expect(info.body).toMatchObject({ id: 799200, lead: { email: 'lucia.gil@example.es', cellphone: '+34612000000' }, dealer: { shop: 'Sede Madrid Norte' }, campaign: { code: 'VN-OTONO-25' } });
		expect((await postJson(`${partners.leadcars.url}/leads/799119/comments`, { comentario: 'Llamado' }, token)).status).toBe(201);
		expect(partners.leadcars.lead(799119)!.actions.data.at(-1)).toMatchObject({ type: 'comentario', info: 'Llamado' });
		expect((await call(`${partners.leadcars.url}/leadinfos/1`, { headers: token })).status).toBe(404);
		expect((await call<unknown[]>(`${partners.leadcars.url}/tipos`, { headers: token })).body?.[0]).toEqual({ id: 7, name: 'ONLINE - Formulario web' });
		expect(partners.leadcars.created()).toHaveLength(1);
	});

	test('LeadSquared fires webhooks for API writes where it does: creates, Capture updates, Lead.Update only with postUpdatedLead=true, activities, user edits', async () => {
		const base = `${partners.leadsquared.url}/v2`;
		const priya = partners.leadsquared.findLeadByEmail('priya.raman@example.com')!;
		await postJson(`${base}/LeadManagement.svc/Lead.Capture?${lsqKeys}`, [{ Attribute: 'EmailAddress', Value: 'new.lead@example.com' }]);
		await postJson(`${base}/LeadManagement.svc/Lead.Capture?${lsqKeys}&LeadUpdateBehavior=DoNotUpdate`, [{ Attribute: 'EmailAddress', Value: 'priya.raman@example.com' }, { Attribute: 'FirstName', Value: 'X' }]);
		await postJson(`${base}/LeadManagement.svc/Lead.Capture?${lsqKeys}`, [{ Attribute: 'EmailAddress', Value: 'priya.raman@example.com' }, { Attribute: 'mx_City', Value: 'Pune' }]);
		await postJson(`${base}/LeadManagement.svc/Lead.Update?${lsqKeys}&leadId=${priya.ProspectID}`, [{ Attribute: 'mx_City', Value: 'Goa' }]);
		await postJson(`${base}/LeadManagement.svc/Lead.Update?${lsqKeys}&leadId=${priya.ProspectID}&postUpdatedLead=true`, [{ Attribute: 'mx_City', Value: 'Delhi' }]);
		await postJson(`${base}/ProspectActivity.svc/Create?${lsqKeys}`, { RelatedProspectId: priya.ProspectID, ActivityEvent: 201, ActivityNote: 'n' });
		partners.leadsquared.editLead(String(priya.ProspectID), { mx_State: 'Kerala' });
		const fired = partners.leadsquared.takeWebhooks();
		expect(fired.map((w) => [w.event, w.payload.EmailAddress ?? '', w.payload.mx_City ?? w.payload.mx_State ?? ''])).toEqual([
			['lead-created', 'new.lead@example.com', ''],
			['lead-updated', 'priya.raman@example.com', 'Pune'],
			['lead-updated', 'priya.raman@example.com', 'Delhi'],
			['activity-created', 'priya.raman@example.com', ''],
			['lead-updated', 'priya.raman@example.com', 'Delhi'],
		]);
		expect(fired[4].payload.mx_State).toBe('Kerala');
		expect(partners.leadsquared.takeWebhooks()).toEqual([]);
		const byPhone = await call(`${base}/LeadManagement.svc/RetrieveLeadByPhoneNumber?phone=%2B91-98450-12345&${lsqKeys}`);
		expect(byPhone.body).toEqual([expect.objectContaining({ ProspectID: priya.ProspectID })]);
	});

	test('faults: 5xx, 429 with LeadSquared\'s limit message, an enforced rate, slow answers and dropped connections', async () => {
		const token = { 'cliente-token': PARTNER_DEMO.leadcars.clienteToken };
		const lsqGet = () => call(`${partners.leadsquared.url}/v2/LeadManagement.svc/Leads.GetById?id=x&${lsqKeys}`);
		partners.faults.add({ partner: 'leadcars', route: '/leadinfos/', kind: 'status', status: 503, count: 2 });
		expect((await call(`${partners.leadcars.url}/leadinfos/799119`, { headers: token })).status).toBe(503);
		expect((await call(`${partners.leadcars.url}/leadinfos/799119`, { headers: token })).status).toBe(503);
		expect((await call(`${partners.leadcars.url}/leadinfos/799119`, { headers: token })).status).toBe(200);
		partners.faults.add({ partner: 'leadsquared', kind: 'rateLimit' });
		expect(await lsqGet()).toMatchObject({ status: 429, body: { Status: 'Error', ExceptionMessage: 'API calls exceeded the limit of 25 in 5 second(s)' } });
		partners.faults.limit('leadsquared', 2, 60_000);
		expect([(await lsqGet()).status, (await lsqGet()).status, (await lsqGet()).status]).toEqual([200, 200, 429]);
		partners.faults.clear();
		partners.faults.add({ partner: 'dpd', kind: 'slow', delayMs: 300 });
		const started = Date.now();
		expect((await call(`${partners.dpd.url}/v2/purchases/18937190`, { headers: { authorization: basic(PARTNER_DEMO.dpd.apiUser, PARTNER_DEMO.dpd.apiPassword) } })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		partners.faults.add({ partner: 'leadpops', kind: 'timeout', delayMs: 50 });
		await expect(postJson(`${partners.leadpops.url}/api/v1/leads`, {}, { 'leadpops-authorization': PARTNER_DEMO.leadpops.apiKey })).rejects.toThrow();
		partners.reset();
		expect((await call(`${partners.leadcars.url}/leadinfos/799119`, { headers: token })).status).toBe(200);
	});

	test('reset() restores the seed data and forgets requests; the same clock gives the same data', async () => {
		await postJson(`${partners.leadcars.url}/leads`, { nombre: 'A', apellidos: 'B', email: 'a@b.es', concesionario: 123, tipo_lead: 7 }, { 'cliente-token': PARTNER_DEMO.leadcars.clienteToken });
		partners.reset();
		expect(partners.requests).toHaveLength(0);
		expect(partners.leadcars.created()).toHaveLength(0);
		expect(partners.leadcars.leads().map((l) => l.id)).toEqual([799119, 799121]);
		const again = await startPartners({ port: 0, now: () => NOW });
		try {
			expect(again.dpd.purchases()).toEqual(partners.dpd.purchases());
			expect(again.leadpops.leads()).toEqual(partners.leadpops.leads());
			expect(again.leadsquared.leads()).toEqual(partners.leadsquared.leads());
		} finally {
			await again.close();
		}
	});
});

describe('main README', () => {
	test('lists every template by file name and name', () => {
		const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
		for (const file of readdirSync(path.resolve(__dirname, '../templates')).filter((name) => name.endsWith('.json'))) {
			const template = JSON.parse(readFileSync(path.resolve(__dirname, '../templates', file), 'utf8')) as { name: string };
			expect(readme).toContain(`templates/${file}`);
			expect(readme).toContain(template.name);
		}
	});
});

describe('templates/README.md: least privilege per template', () => {
	const readme = readFileSync(path.join(TEMPLATES_DIR, 'README.md'), 'utf8');
	/** A template's section: from its "`<file>.json` · id" line to the next heading. */
	const section = (file: string): string => {
		const start = readme.indexOf(`\`${file}.json\` · id`);
		expect([file, start >= 0]).toEqual([file, true]);
		const end = readme.indexOf('\n## ', start);
		return readme.slice(start, end < 0 ? undefined : end);
	};

	test.each(specs.map((spec) => [spec.file, spec] as const))('%s: its section has one Least privilege line, the scopes its HighLevel nodes need', (file, spec) => {
		const text = section(file);
		expect(text).toContain(leastPrivilegeBlock(spec));
		expect(text.split('**Least privilege**').length - 1).toBe(1);
		// Every scope named is one the package's OAuth presets know (scripts/catalogue/generate.ts).
		const known = neededScopes('agency');
		const { always, optional } = templateScopes(spec);
		for (const scope of [...always, ...optional.flatMap(({ adds }) => adds)]) expect([file, scope, known.includes(scope)]).toEqual([file, scope, true]);
		expect(always.length).toBeGreaterThan(0);
	});

	test('the list follows the nodes: a node added to a template adds its operation\'s scopes', () => {
		const view = specs.find((spec) => spec.file === 'ghl-contact-360-to-leadcars')!;
		const booking = Object.values(resourceList.find((resource) => resource.value === 'appointment')!.operations).find(({ meta }) => meta.value === 'create')!.meta.endpoint.scopes;
		const before = templateScopes(view).always;
		expect(before.some((scope) => booking.includes(scope))).toBe(false);
		const withBooking = { ...view, nodes: [...view.nodes, ghl('Book', [0, 0], 'appointment', 'create', {})] };
		expect(templateScopes(withBooking).always).toEqual([...new Set([...before, ...booking])].sort());
	});

	test('the follow-ups template runs on contacts.readonly alone; completeMatching adds contacts.write', () => {
		const followUps = specs.find((spec) => spec.file === 'ghl-follow-ups-list-complete')!;
		expect(templateScopes(followUps)).toEqual({ always: ['contacts.readonly'], optional: [{ setting: 'completeMatching', adds: ['contacts.write'] }] });
		expect(section(followUps.file).replace(/\s+/g, ' ')).toContain('nothing but `contacts.readonly`');
	});
});
