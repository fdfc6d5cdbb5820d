/**
 * Builders for the workflow templates. Each template module describes its nodes with these
 * helpers; `build.ts` writes the n8n export JSON into `templates/*.json`.
 *
 * Everything is deterministic (node ids and webhook ids are derived from the template id and
 * the node name), so rebuilding gives byte-identical files.
 */
import { createHash } from 'crypto';

/** Credential placeholders: the start script and the e2e stack import credentials with these ids. */
export const CREDENTIALS = {
	ghlPit: { type: 'ghlApi', id: 'ghlSandboxPit01', name: 'GHL sandbox (Private Integration)' },
	ghlOAuth: { type: 'ghlOAuth2Api', id: 'ghlSandboxOAuth1', name: 'GHL sandbox (OAuth2)' },
	ghlAgency: { type: 'ghlAgencyOAuth2Api', id: 'ghlSandboxAgency', name: 'GHL sandbox (Agency OAuth2)' },
	lsqApi: { type: 'httpCustomAuth', id: 'lsqSandboxCred01', name: 'LeadSquared API keys (sandbox)' },
	lsqWebhook: { type: 'httpHeaderAuth', id: 'lsqWebhookAuth01', name: 'LeadSquared webhook header (sandbox)' },
	dpdApi: { type: 'httpBasicAuth', id: 'dpdSandboxCred01', name: 'DPD API (sandbox)' },
	dpdIpn: { type: 'httpBasicAuth', id: 'dpdIpnAuth000001', name: 'DPD IPN basic auth (sandbox)' },
	leadPopsApi: { type: 'httpHeaderAuth', id: 'leadPopsSandbox1', name: 'leadPops API key (sandbox)' },
	leadCarsApi: { type: 'httpHeaderAuth', id: 'leadCarsSandbox1', name: 'LeadCars cliente-token (sandbox)' },
	anyAppApi: { type: 'httpHeaderAuth', id: 'anyAppSandbox001', name: 'Any app API key (sandbox)' },
	anyAppWebhook: { type: 'httpHeaderAuth', id: 'anyAppWebhook001', name: 'Any app webhook header (sandbox)' },
} as const;

export type CredentialKey = keyof typeof CREDENTIALS;

/** Base URL of the partner simulators (`npx tsx sandbox/partners/cli.ts`). */
export const PARTNERS = 'http://127.0.0.1:8788';

export interface N8nNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	notes?: string;
	notesInFlow?: boolean;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	onError?: string;
}

export interface StickyNote {
	content: string;
	position: [number, number];
	width?: number;
	height?: number;
	color?: number;
}

export interface TemplateSpec {
	/** 16 alphanumeric characters, fixed forever (n8n keeps it on import). */
	id: string;
	/** File name in templates/ without `.json`. */
	file: string;
	name: string;
	/** One paragraph shown in a sticky note on the canvas. */
	description: string;
	nodes: N8nNode[];
	/** `[from, to]` or `[from, to, outputIndex]`. */
	links: Array<[string, string] | [string, string, number]>;
	stickies?: StickyNote[];
	/**
	 * Items pinned on the trigger n8n's editor runs on "Execute workflow" (`editorDefaultTrigger`)
	 * when that trigger would wait for a call: the sample it stands for, so the button runs the
	 * template at once. n8n uses pinned data in manual runs only; production runs get real calls.
	 */
	editorSample?: Record<string, unknown>[];
	/** Nodes that run only when a Config setting turns them on (node name → setting): their GHL scopes are listed as what the setting adds. */
	optionalNodes?: Record<string, string>;
	/** What the partner's credential needs, for the template's generated Least privilege line (templates/src/scopes.ts). */
	partnerPrivilege?: string;
}

/** Trigger types whose manual run waits for a call to their test URL instead of running at once. */
const WAITS_FOR_A_CALL = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.formTrigger', 'n8n-nodes-ghl.ghlTrigger']);

/**
 * n8n 2.41.1's editor runs one trigger on "Execute workflow": `findTriggerNodeToAutoSelect`
 * (editor-ui, executionUtils.ts) picks the first enabled trigger by these priorities, node order
 * among equals; any other app's trigger (ours included) counts 8, other core triggers 0. So a
 * Manual Trigger never wins against a Webhook, app or Schedule trigger in the same workflow.
 */
const EDITOR_TRIGGER_PRIORITY: Record<string, number> = {
	'n8n-nodes-base.formTrigger': 10,
	'n8n-nodes-base.webhook': 9,
	'n8n-nodes-base.scheduleTrigger': 7,
	'n8n-nodes-base.manualTrigger': 6,
	'n8n-nodes-base.executeWorkflowTrigger': 5,
	'n8n-nodes-base.errorTrigger': 4,
};

export function isTriggerNode(node: Pick<N8nNode, 'type'>): boolean {
	return /trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.webhook';
}

/** The trigger "Execute workflow" runs when the workflow is opened in n8n's editor. */
export function editorDefaultTrigger<T extends Pick<N8nNode, 'type' | 'name'> & { disabled?: boolean }>(nodes: T[]): T | undefined {
	const priority = (type: string) => {
		if (type in EDITOR_TRIGGER_PRIORITY) return EDITOR_TRIGGER_PRIORITY[type];
		// n8n-nodes-base triggers are core (0) or apps (8) by their codex: name them above when used.
		if (type.startsWith('n8n-nodes-base.')) throw new Error(`${type}: add its editor priority to EDITOR_TRIGGER_PRIORITY`);
		return 8;
	};
	return nodes
		.filter(isTriggerNode)
		.map((node, order) => ({ node, order, rank: priority(node.type) }))
		.sort((a, b) => b.rank - a.rank || a.order - b.order)
		.map(({ node }) => node)
		.find((node) => !node.disabled);
}

/** Whether running `node` by hand waits for a call (Webhook, Form, HighLevel Trigger) rather than running at once. */
export function waitsForACall(node: Pick<N8nNode, 'type'>): boolean {
	return WAITS_FOR_A_CALL.has(node.type);
}

/** The line the About note ends with: which button to press and what it runs. */
function runHint(target: N8nNode | undefined, pinned: boolean): string {
	if (!target) return '';
	if (pinned) {
		return `\n\n**To try it: press Execute workflow.** It starts at "${target.name}" with the sample pinned on it (n8n uses pinned data in manual runs only; unpin it to wait for a real call).`;
	}
	return `\n\n**To try it: press Execute workflow.** It starts at "${target.name}" and runs now.`;
}

export function uuidFor(...parts: string[]): string {
	const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function credentialRef(key: CredentialKey): Record<string, { id: string; name: string }> {
	const credential = CREDENTIALS[key];
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

type Position = [number, number];

export function manualTrigger(name: string, position: Position): N8nNode {
	return { id: '', name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position, parameters: {} };
}

export function scheduleTrigger(name: string, position: Position, interval: { field: 'minutes' | 'hours'; every: number }): N8nNode {
	const key = interval.field === 'minutes' ? 'minutesInterval' : 'hoursInterval';
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.scheduleTrigger',
		typeVersion: 1.2,
		position,
		parameters: { rule: { interval: [{ field: interval.field, [key]: interval.every }] } },
	};
}

export function webhook(
	name: string,
	position: Position,
	opts: { path: string; auth: 'headerAuth' | 'basicAuth'; credential: CredentialKey; responseBody: string; responseContentType: string },
): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: '',
		parameters: {
			httpMethod: 'POST',
			path: opts.path,
			authentication: opts.auth,
			responseMode: 'onReceived',
			options: {
				responseData: opts.responseBody,
				responseHeaders: { entries: [{ name: 'Content-Type', value: opts.responseContentType }] },
			},
		},
		credentials: credentialRef(opts.credential),
	};
}

/** The "any app" templates' Webhook: a JSON post checked by the app's header credential, answered at once. */
export function anyAppWebhook(name: string, position: Position, path: string): N8nNode {
	return webhook(name, position, {
		path,
		auth: 'headerAuth',
		credential: 'anyAppWebhook',
		responseBody: '{"received":true}',
		responseContentType: 'application/json',
	});
}

/** A Code node running once for all items (JavaScript). */
export function code(name: string, position: Position, jsCode: string, extra: Partial<N8nNode> = {}): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position,
		parameters: { jsCode: jsCode.replace(/^\n/, '').replace(/\n\t*$/, '\n') },
		...extra,
	};
}

export interface ConfigField {
	name: string;
	value: string | number | boolean;
}

/** The "Config" Set node: the one place a user edits URLs and settings. Input fields pass through. */
export function config(name: string, position: Position, fields: ConfigField[], templateId: string): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: fields.map((field) => ({
					id: uuidFor(templateId, name, field.name),
					name: field.name,
					value: field.value,
					type: typeof field.value === 'number' ? 'number' : typeof field.value === 'boolean' ? 'boolean' : 'string',
				})),
			},
			includeOtherFields: true,
			options: {},
		},
	};
}

/**
 * n8n's Extract From File reading a CSV (header line = column names) into one item per row, from
 * the item's first binary property (a Webhook puts a raw upload in `data`, a multipart file under
 * its field name).
 */
export function extractCsv(name: string, position: Position): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1.1,
		position,
		parameters: {
			operation: 'csv',
			binaryPropertyName: "={{ Object.keys($binary || {})[0] || 'data' }}",
			options: { headerRow: true },
		},
	};
}

/** An IF node on one boolean expression (true → output 0, false → output 1). */
export function ifTrue(name: string, position: Position, expression: string, templateId: string): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.if',
		typeVersion: 2.2,
		position,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: uuidFor(templateId, name, 'condition'),
						leftValue: `={{ ${expression} }}`,
						rightValue: '',
						operator: { type: 'boolean', operation: 'true', singleValue: true },
					},
				],
				combinator: 'and',
			},
			looseTypeValidation: true,
			options: {},
		},
	};
}

/**
 * n8n's Loop Over Items (Split in Batches v3): output 0 "done" (every item fed back, once the
 * input is used up), output 1 "loop" (the next `batchSize` items).
 */
export function loopOverItems(name: string, position: Position, batchSize: number): N8nNode {
	return { id: '', name, type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position, parameters: { batchSize, options: {} } };
}

/** n8n's Wait node for `secondsExpression` seconds (under 65 s n8n waits in the running execution). */
export function waitSeconds(name: string, position: Position, secondsExpression: string): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position,
		webhookId: '',
		parameters: { resume: 'timeInterval', amount: `={{ ${secondsExpression} }}`, unit: 'seconds' },
	};
}

export function noOp(name: string, position: Position): N8nNode {
	return { id: '', name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position, parameters: {} };
}

export interface HttpOptions {
	method: 'GET' | 'POST' | 'PUT';
	url: string;
	credential: CredentialKey;
	query?: Array<{ name: string; value: string }>;
	/** Expression producing the query parameters as a JSON object string (instead of `query`). */
	jsonQuery?: string;
	/** Expression producing the JSON body (without `={{ }}`). */
	jsonBody?: string;
	/** Expression producing a form-urlencoded string body. */
	formBody?: string;
	/** Read the answer as text into `data` (e.g. DPD's VERIFIED/INVALID). */
	textResponse?: boolean;
	/** Keep going on 4xx/5xx answers (the item carries the error body). */
	neverError?: boolean;
	/** One item per request with `{body, headers, statusCode}`, also when the body is an empty list (lookups). */
	fullResponse?: boolean;
	pagination?: Record<string, unknown>;
	/** Options › Batching: 1 request per `intervalMs` (partner rate limits). */
	batchIntervalMs?: number;
}

export function http(name: string, position: Position, opts: HttpOptions): N8nNode {
	const credential = CREDENTIALS[opts.credential];
	const parameters: Record<string, unknown> = {
		method: opts.method,
		url: opts.url,
		authentication: 'genericCredentialType',
		genericAuthType: credential.type,
	};
	if (opts.query?.length) {
		parameters.sendQuery = true;
		parameters.queryParameters = { parameters: opts.query };
	} else if (opts.jsonQuery !== undefined) {
		Object.assign(parameters, { sendQuery: true, specifyQuery: 'json', jsonQuery: `={{ ${opts.jsonQuery} }}` });
	}
	if (opts.jsonBody !== undefined) {
		Object.assign(parameters, { sendBody: true, contentType: 'json', specifyBody: 'json', jsonBody: `={{ ${opts.jsonBody} }}` });
	} else if (opts.formBody !== undefined) {
		Object.assign(parameters, { sendBody: true, contentType: 'form-urlencoded', specifyBody: 'string', body: `={{ ${opts.formBody} }}` });
	}
	const options: Record<string, unknown> = {};
	if (opts.textResponse || opts.neverError || opts.fullResponse) {
		options.response = {
			response: {
				...(opts.fullResponse ? { fullResponse: true } : {}),
				...(opts.neverError ? { neverError: true } : {}),
				...(opts.textResponse ? { responseFormat: 'text' } : {}),
			},
		};
	}
	if (opts.pagination) options.pagination = { pagination: opts.pagination };
	if (opts.batchIntervalMs) options.batching = { batch: { batchSize: 1, batchInterval: opts.batchIntervalMs } };
	parameters.options = options;
	return {
		id: '',
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters,
		credentials: credentialRef(opts.credential),
	};
}

/** How a HighLevel node connects: its Authentication value and the credential placeholder. */
const GHL_AUTH = {
	pit: { authentication: 'privateIntegration', credential: 'ghlPit' },
	oauth: { authentication: 'oAuth2', credential: 'ghlOAuth' },
	agency: { authentication: 'agencyOAuth2', credential: 'ghlAgency' },
} as const;

/** Our HighLevel node. `params` are the operation's own parameters (with `agency`, its Sub-Account too). */
export function ghl(
	name: string,
	position: Position,
	resource: string,
	operation: string,
	params: Record<string, unknown>,
	auth: keyof typeof GHL_AUTH = 'pit',
): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-ghl.ghl',
		typeVersion: 1,
		position,
		parameters: {
			authentication: GHL_AUTH[auth].authentication,
			resource,
			operation,
			...params,
		},
		credentials: credentialRef(GHL_AUTH[auth].credential),
	};
}

/** `{ field: '={{ $json.field }}' }` for each field: the mapped item's own values. */
export function fromJson(...fields: string[]): Record<string, string> {
	return Object.fromEntries(fields.map((field) => [field, `={{ $json.${field} }}`]));
}

/**
 * HighLevel "Create or Update" of the contact a mapping node produced: matched by the item's
 * email (and phone, unless `phone` is given), tags added rather than replaced.
 */
export function upsertContact(
	name: string,
	position: Position,
	additionalFields: Record<string, unknown>,
	opts: { phone?: string; auth?: 'pit' | 'oauth' } = {},
): N8nNode {
	return ghl(
		name,
		position,
		'contact',
		'upsert',
		{
			email: '={{ $json.email }}',
			phone: opts.phone ?? '={{ $json.phone }}',
			additionalFields,
			options: { tagsMode: 'add' },
		},
		opts.auth,
	);
}

/** `[from, to]` or `[from, to, outputIndex]`, as in `TemplateSpec.links`. */
export type Link = [string, string] | [string, string, number];

/**
 * The ways a GHL contact enters a contact → partner template, each leading to Config: the signed
 * HighLevel Trigger (`events`, full record fetched), "Run it now" on the `demoLimit` newest
 * contacts, and a 15-minute polling catch-up for contacts created or changed while n8n was down.
 */
export function ghlContactTriggers(opts: { trigger: string; events: string[]; catchUp: string; demoLimit: number }): { nodes: N8nNode[]; links: Link[] } {
	const demo = 'Newest GHL contacts (demo)';
	return {
		nodes: [
			ghlTrigger(opts.trigger, [0, 0], {
				events: opts.events,
				verification: 'ghlSignature',
				locationIds: '',
				fetchFullRecord: true,
				authentication: 'privateIntegration',
				options: {},
			}),
			manualTrigger('Run it now', [0, 220]),
			// After the Manual Trigger: `n8n execute` starts at the first trigger or polling node in this list.
			ghlPollingTrigger(opts.catchUp, [0, -200], 'contactUpdated', 15, { includeNewContacts: true }),
			ghl(demo, [220, 220], 'contact', 'getAll', {
				returnAll: false,
				limit: opts.demoLimit,
				sortUi: { rule: [{ field: 'dateAdded', direction: 'desc' }] },
			}),
		],
		links: [
			[opts.trigger, 'Config'],
			[opts.catchUp, 'Config'],
			['Run it now', demo],
			[demo, 'Config'],
		],
	};
}

/**
 * LeadSquared's ways into a template, each leading to Config: its webhook (`LeadSquared <label>
 * webhook`), a manual run on demo data (`demoCode`), and a catch-up every 15 minutes whose item
 * carries `catchUp: true`.
 */
export function lsqTriggers(opts: { label: string; webhookPath: string; demoCode: string; at?: Position }): { nodes: N8nNode[]; links: Link[] } {
	const [x, y] = opts.at ?? [0, 0];
	const hook = `LeadSquared ${opts.label} webhook`;
	const manual = `Try it with a sample ${opts.label}`;
	const demo = `Sample LeadSquared ${opts.label} (demo data)`;
	return {
		nodes: [
			webhook(hook, [x, y], {
				path: opts.webhookPath,
				auth: 'headerAuth',
				credential: 'lsqWebhook',
				responseBody: '{"Status":"Success","StatusReason":""}',
				responseContentType: 'application/json',
			}),
			manualTrigger(manual, [x, y + 220]),
			code(demo, [x + 220, y + 220], opts.demoCode),
			scheduleTrigger('Catch-up every 15 minutes', [x, y - 200], { field: 'minutes', every: 15 }),
			code('Mark as catch-up', [x + 220, y - 200], 'return [{ json: { catchUp: true } }];\n'),
		],
		links: [
			[hook, 'Config'],
			[manual, demo],
			[demo, 'Config'],
			['Catch-up every 15 minutes', 'Mark as catch-up'],
			['Mark as catch-up', 'Config'],
		],
	};
}

/**
 * Code node "Catch-up window": LeadSquared's `fromDate`/`toDate` (UTC, its SQL format) from the
 * last catch-up (`catchUpFrom` in static data, minus Config's overlap) to now; `why` is its opening comment.
 */
export function lsqCatchUpWindow(position: Position, why: string): N8nNode {
	return code(
		'Catch-up window',
		position,
		`
${why}
const config = $('Config').first().json;
const data = $getWorkflowStaticData('global');
const overlapMs = (Number(config.catchUpOverlapMinutes) || 10) * 60000;
const now = new Date();
const from = data.catchUpFrom ? new Date(Date.parse(data.catchUpFrom) - overlapMs) : new Date(now.getTime() - (Number(config.catchUpFirstHours) || 24) * 3600000);
const sql = (date) => date.toISOString().replace('T', ' ').slice(0, 19);
return [{ json: { fromDate: sql(from), toDate: sql(now), startedAt: now.toISOString() } }];
`,
	);
}

/** LeadSquared's Leads.RecentlyModified over the catch-up window, 500 leads a page (`jsonBody` sets page 1). */
export function lsqLeadsModifiedSince(position: Position, jsonBody: string): N8nNode {
	return http('LeadSquared: leads modified since', position, {
		method: 'POST',
		url: "={{ $('Config').first().json.lsqHost }}/v2/LeadManagement.svc/Leads.RecentlyModified",
		credential: 'lsqApi',
		jsonBody,
		pagination: {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: { parameters: [{ type: 'body', name: 'Paging.PageIndex', value: '={{ $pageCount + 1 }}' }] },
			paginationCompleteWhen: 'other',
			completeExpression: '={{ !$response.body.Leads || $response.body.Leads.length < 500 }}',
			limitPagesFetched: true,
			maxRequests: 100,
		},
		batchIntervalMs: 500,
	});
}

/** A contact picked by ID from an expression (resource locator in "By ID" mode). */
export function contactById(expression: string): Record<string, unknown> {
	return { __rl: true, mode: 'id', value: `={{ ${expression} }}` };
}

export function contactByEmail(email: string): Record<string, unknown> {
	return { __rl: true, mode: 'email', value: email };
}

/**
 * Our signed-webhook trigger, with the GHL credential: its location is the trigger's location filter
 * (GHL signs every app's webhooks with one key, so a signature alone does not make a delivery ours),
 * and Fetch Full Record reads with it.
 */
export function ghlTrigger(name: string, position: Position, params: Record<string, unknown>, auth: 'pit' | 'oauth' = 'pit'): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-ghl.ghlTrigger',
		typeVersion: 1,
		position,
		webhookId: '',
		parameters: { ...params, authentication: auth === 'pit' ? 'privateIntegration' : 'oAuth2' },
		credentials: credentialRef(auth === 'pit' ? 'ghlPit' : 'ghlOAuth'),
	};
}

/**
 * Our polling trigger: the catch-up of a GHL → partner template (it emits what the signed webhook
 * would have brought while n8n was down), every `minutes`.
 */
export function ghlPollingTrigger(name: string, position: Position, event: 'contactUpdated' | 'contactCreated' | 'appointmentCreated' | 'taskChanged', minutes: number, options: Record<string, unknown> = {}): N8nNode {
	return {
		id: '',
		name,
		type: 'n8n-nodes-ghl.ghlPollingTrigger',
		typeVersion: 1,
		position,
		parameters: {
			pollTimes: { item: [{ mode: 'everyX', value: minutes, unit: 'minutes' }] },
			authentication: 'privateIntegration',
			event,
			options,
		},
		credentials: credentialRef('ghlPit'),
	};
}

/** The n8n workflow export for a template. */
export function buildWorkflow(spec: TemplateSpec): Record<string, unknown> {
	if (!/^[A-Za-z0-9]{16}$/.test(spec.id)) throw new Error(`${spec.file}: id must be 16 alphanumeric characters`);
	const names = new Set<string>();
	const nodes = spec.nodes.map((node) => {
		if (names.has(node.name)) throw new Error(`${spec.file}: duplicate node name ${node.name}`);
		names.add(node.name);
		const out: N8nNode = { ...node, id: uuidFor(spec.id, node.name) };
		if ('webhookId' in node) out.webhookId = uuidFor(spec.id, node.name, 'webhook');
		return out;
	});
	const connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }> = {};
	for (const [from, to, output = 0] of spec.links) {
		if (!names.has(from) || !names.has(to)) throw new Error(`${spec.file}: link ${from} → ${to} names an unknown node`);
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: to, type: 'main', index: 0 });
	}
	const target = editorDefaultTrigger(nodes);
	const needsSample = !!target && waitsForACall(target);
	if (needsSample && !spec.editorSample?.length) {
		throw new Error(`${spec.file}: "Execute workflow" in n8n's editor runs "${target.name}", which would wait for a call: give the template an editorSample`);
	}
	if (!needsSample && spec.editorSample) throw new Error(`${spec.file}: editorSample is only for a default trigger that waits for a call`);
	const stickies = [
		{
			content: `## ${spec.name}\n\n${spec.description}${runHint(target, needsSample)}\n\nSetup and field mapping: templates/README.md in the n8n-nodes-ghl repository.`,
			position: [-560, -360] as Position,
			width: 480,
			height: 500,
			color: 4,
		},
		...(spec.stickies ?? []),
	].map((sticky, index) => ({
		id: uuidFor(spec.id, 'sticky', String(index)),
		name: index === 0 ? 'About this template' : `Note ${index}`,
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: sticky.position,
		parameters: { content: sticky.content, height: sticky.height ?? 240, width: sticky.width ?? 360, ...(sticky.color ? { color: sticky.color } : {}) },
	}));
	return {
		id: spec.id,
		name: spec.name,
		active: false,
		nodes: [...stickies, ...nodes],
		connections,
		...(needsSample && target ? { pinData: { [target.name]: spec.editorSample!.map((json) => ({ json })) } } : {}),
		settings: { executionOrder: 'v1', saveManualExecutions: true, callerPolicy: 'workflowsFromSameOwner' },
	};
}
